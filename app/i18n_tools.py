"""Developer tools for catalogs: compile .po to .mo, check placeholders, extract."""

from __future__ import annotations

import io
import sys

from app import fsutil, i18n, paths


def compile_all() -> int:
    """Compile every locales/<code>/LC_MESSAGES/*.po; returns how many were written."""
    n = 0
    for po in sorted(paths.locales_dir().glob("*/LC_MESSAGES/*.po")):
        code = po.parent.parent.name
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        # Catalogs are shipped program files, readable by every user of an install.
        fsutil.atomic_write_bytes(mo, i18n.compile_po(po.read_bytes(), code), mode=0o644)
        n += 1
    return n


def check_all() -> list[str]:
    """Every translation whose placeholders differ from its source (the guard hides these)."""
    from babel.messages.pofile import read_po

    problems = []
    for po in sorted(paths.locales_dir().glob("*/LC_MESSAGES/*.po")):
        code = po.parent.parent.name
        catalog = read_po(io.BytesIO(po.read_bytes()), locale=code)
        for msg in catalog:
            if not msg.id or not msg.string:
                continue
            ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
            strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
            allowed = frozenset().union(*(i18n.placeholder_names(i) or frozenset() for i in ids))
            for s in strings:
                if not s:
                    continue
                got = i18n.placeholder_names(s)
                exact = not isinstance(msg.id, tuple)
                if got is None or (got != allowed if exact else not got <= allowed):
                    problems.append(f"{po}:{msg.lineno}: placeholders differ from the source: {ids[0][:60]!r}")
    return problems


def run(action: str) -> int:
    if action == "compile":
        print(f"compiled {compile_all()} catalog(s)")
        return 0
    if action == "check":
        problems = check_all()
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    return 2
