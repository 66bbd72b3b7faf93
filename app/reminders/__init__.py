"""Reminders the person chooses: what they are (``settings``), what is due today (``due``), when they
show (``plan``), the clock that shows them while Hearth runs (``clock``), the times a locked Hearth
needs (``mirror``) and their words (``words``). No Qt here; ``ui/tray.py`` shows them."""
