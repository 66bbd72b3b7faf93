"""The real-display lane: Qt's xcb platform on a private Xvfb screen with a window manager.

Run by ``make test`` after the offscreen lane (a QApplication can have only one platform per
process): ``HEARTH_REAL_DISPLAY=1 QT_QPA_PLATFORM=xcb pytest tests/realdisplay``.
"""

from __future__ import annotations

import os

import pytest

from tests.realdisplay import xserver

_missing = xserver.missing()
if not _missing:
    os.environ["DISPLAY"] = xserver.start()
    os.environ["QT_QPA_PLATFORM"] = "xcb"


def pytest_collection_modifyitems(config, items):
    if _missing and os.environ.get("HEARTH_REQUIRE_REAL_DISPLAY") == "1":
        raise pytest.UsageError(xserver.MISSING_HINT)
    if _missing:
        skip = pytest.mark.skip(reason=xserver.MISSING_HINT)
        for item in items:
            item.add_marker(skip)
