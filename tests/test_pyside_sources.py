"""PySide6's check of each imported module reads its bytes instead of keeping its source in linecache
(ui/pyside_sources.py, issue 15: 26 MiB of memory)."""

from __future__ import annotations

import importlib.util
import linecache
import sys

import PySide6.QtCore  # noqa: F401 - loads PySide6's support package

from ui import pyside_sources


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pyside6s_check_is_replaced_and_still_answers_the_same(tmp_path):
    assert pyside_sources.install(), "PySide6 renamed shibokensupport.feature._mod_uses_pyside: see the module"
    feature = sys.modules["shibokensupport.feature"]
    (tmp_path / "with_qt.py").write_text("from PySide6.QtCore import QObject\nVALUE = 1\n")
    (tmp_path / "without_qt.py").write_text("VALUE = 2\n")
    with_qt, without_qt = _load(tmp_path / "with_qt.py", "with_qt"), _load(tmp_path / "without_qt.py", "without_qt")
    assert feature._mod_uses_pyside(with_qt) is True
    assert feature._mod_uses_pyside(without_qt) is False
    assert feature._mod_uses_pyside(sys) is False  # built in: no file
    assert str(tmp_path / "with_qt.py") not in linecache.cache and str(tmp_path / "without_qt.py") not in linecache.cache


def test_an_import_after_pyside_leaves_no_source_in_memory(tmp_path, monkeypatch):
    pyside_sources.install()
    (tmp_path / "hearth_probe_module.py").write_text("X = 'some text ' * 10\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import hearth_probe_module  # noqa: F401 - imported for PySide6's import hook to see it

    assert str(tmp_path / "hearth_probe_module.py") not in linecache.cache
