"""Project rules checked on the source: layering and no network code."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NETWORK = {"socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib",
           "poplib", "imaplib", "telnetlib", "xmlrpc", "websocket", "websockets", "asyncio.streams"}
QT_NETWORK = {"PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets"}


def _imports(folder):
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for a in node.names:
                    yield path, a.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield path, node.module
                for a in node.names:
                    yield path, f"{node.module}.{a.name}"


def test_core_imports_no_widgets_and_no_ui():
    bad = [(str(p), m) for p, m in _imports("app")
           if p.name != "__main__.py" and (m == "ui" or m.startswith("ui.") or m.startswith("PySide6"))]
    assert bad == []


def test_no_network_modules_anywhere():
    bad = [(str(p), m) for folder in ("app", "ui") for p, m in _imports(folder)
           if m.split(".")[0] in NETWORK or m in NETWORK or any(m.startswith(q) for q in QT_NETWORK)]
    assert bad == []


def test_importing_all_of_core_loads_no_qt():
    code = ("import pkgutil, importlib, sys, app\n"
            "for m in pkgutil.walk_packages(app.__path__, 'app.'):\n"
            "    importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'ui', 'socket', 'ssl', 'http.client', 'urllib.request'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
