"""Hearth core: everything that works without a screen.

Nothing in this package imports Qt widgets or the ``ui`` package.
"""

__version__ = "0.1.0"
