"""Start Hearth at login, hidden in the tray: off until the person turns it on, and removed cleanly.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/hearth.desktop`` (the XDG Autostart
  specification; ``~/.config`` when the variable is unset).
- Windows: a ``Hearth`` value under ``HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.
- macOS: a LaunchAgent, ``~/Library/LaunchAgents/org.hearth.Hearth.plist`` with ``RunAtLoad``.

The entry starts ``--tray`` (and ``--data-dir`` when Hearth runs from a folder of its own), and holds
nothing else: no profile, no name. Which entry is Hearth's is recognised by its name only, so turning it
off removes exactly what turning it on wrote.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path

from app import fsutil
from app.paths import install_root

DESKTOP_NAME = "hearth.desktop"
PLIST_NAME = "org.hearth.Hearth.plist"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Hearth"
TRAY_FLAG = "--tray"


def command(data_dir: Path | None = None) -> list[str]:
    """The command that starts this Hearth hidden in the tray."""
    if getattr(sys, "frozen", False):  # a bundle: the executable itself
        cmd = [sys.executable, TRAY_FLAG]
    else:
        cmd = [sys.executable, "-m", "app", TRAY_FLAG]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return cmd


def _desktop_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key (the Desktop Entry specification's quoting rules)."""
    if not arg or any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg.replace("%", "%%")


def desktop_entry(cmd: list[str], workdir: Path) -> str:
    exec_line = " ".join(_desktop_quote(a) for a in cmd)
    return ("[Desktop Entry]\nType=Application\nName=Hearth\nComment=Private, offline CBT\n"
            f"Exec={exec_line}\nPath={workdir}\nTerminal=false\nX-GNOME-Autostart-enabled=true\n")


def launch_agent(cmd: list[str], workdir: Path) -> bytes:
    return plistlib.dumps({"Label": "org.hearth.Hearth", "ProgramArguments": cmd, "RunAtLoad": True,
                           "WorkingDirectory": str(workdir), "ProcessType": "Interactive"})


class Autostart:
    """``enabled()``, ``enable(data_dir)`` and ``disable()`` for this operating system (``platform`` and the
    folders can be given, for tests)."""

    def __init__(self, platform: str | None = None, home: Path | None = None, env: dict | None = None,
                 registry=None):
        self.platform = platform or sys.platform
        self.home = Path(home) if home is not None else Path.home()
        self.env = os.environ if env is None else env
        self._registry = registry

    # --- where ---------------------------------------------------------------------
    def _desktop_file(self) -> Path:
        base = self.env.get("XDG_CONFIG_HOME") or str(self.home / ".config")
        return Path(base) / "autostart" / DESKTOP_NAME

    def _plist(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / PLIST_NAME

    def _winreg(self):
        if self._registry is not None:
            return self._registry
        import winreg  # only on Windows

        return winreg

    @property
    def _windows(self) -> bool:
        return self.platform.startswith("win")

    @property
    def _mac(self) -> bool:
        return self.platform == "darwin"

    # --- what ----------------------------------------------------------------------
    def enabled(self) -> bool:
        if self._windows:
            reg = self._winreg()
            try:
                with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    reg.QueryValueEx(key, RUN_VALUE)
                return True
            except OSError:
                return False
        return (self._plist() if self._mac else self._desktop_file()).is_file()

    def enable(self, data_dir: Path | None = None) -> None:
        """Turn on; OSError when the entry cannot be written (nothing is left half-written)."""
        cmd, workdir = command(data_dir), install_root()
        if self._windows:
            reg = self._winreg()
            if not getattr(sys, "frozen", False):  # a checkout: no working folder in a Run value
                cmd = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(workdir)!r}); "
                       "from app.__main__ import main; sys.exit(main())", *cmd[3:]]
            with reg.CreateKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, subprocess.list2cmdline(cmd))
            return
        path = self._plist() if self._mac else self._desktop_file()
        data = launch_agent(cmd, workdir) if self._mac else desktop_entry(cmd, workdir).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fsutil.atomic_write_bytes(path, data, mode=0o644)

    def disable(self) -> None:
        """Turn off: remove the entry (nothing to do if there is none)."""
        if self._windows:
            reg = self._winreg()
            try:
                with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                    reg.DeleteValue(key, RUN_VALUE)
            except FileNotFoundError:
                pass
            return
        path = self._plist() if self._mac else self._desktop_file()
        try:
            path.unlink()
        except FileNotFoundError:
            pass
