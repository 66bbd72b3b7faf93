"""Every thread's stack, for the message of a test that waited too long for one."""

from __future__ import annotations

import sys
import threading
import traceback


def stacks() -> str:
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    parts = []
    for ident, frame in sys._current_frames().items():
        parts.append(f"--- thread {names.get(ident, ident)}\n" + "".join(traceback.format_stack(frame)))
    return "\n".join(parts)
