"""A private X server with a window manager for the real-display test lane.

Xvfb (a virtual screen, 1366x800 like a small laptop) plus openbox (a small, standard window
manager), so that first show, window-manager placement, popups and focus behave as on a desktop.
Qt then runs with its ``xcb`` platform instead of ``offscreen``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import time
from pathlib import Path

SCREEN = "1366x800x24"
MISSING_HINT = ("the real-display lane needs Xvfb and openbox (Debian: apt-get install xvfb openbox "
                "libxcb-cursor0; .ci/run installs them)")


def missing() -> list[str]:
    return [tool for tool in ("Xvfb", "openbox") if shutil.which(tool) is None]


def _free_display() -> int:
    for n in range(60, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number")


def start() -> str:
    """Start Xvfb and openbox (stopped at exit); returns the DISPLAY value."""
    n = _free_display()
    display = f":{n}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{n}")
    deadline = time.monotonic() + 10
    while not socket.exists():
        if xvfb.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("Xvfb did not start")
        time.sleep(0.05)
    env = dict(os.environ, DISPLAY=display)
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # openbox takes the screen within a few hundred ms

    def stop():
        for proc in (wm, xvfb):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()

    atexit.register(stop)
    return display
