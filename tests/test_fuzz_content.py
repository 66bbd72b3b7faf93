"""Fuzzing the content parsers that read files a person or a clinic can drop in: program files and
translation catalogs (SECURITY.md: fuzz the parsers). Any input ends as "unavailable"/"English", never
as an exception that reaches the person."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from app import i18n, paths
from app.programs import loader

PO = Path(__file__).resolve().parent.parent / "locales" / "de" / "LC_MESSAGES" / "app.po"


def _mutated(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for where, value in edits:
        if not out:
            break
        i = where % len(out)
        if value < 256:
            out[i] = value                 # replace a byte
        elif value < 512:
            del out[i:i + (value - 255)]  # cut a piece out
        else:
            out[i:i] = bytes([value % 256]) * (value % 7 + 1)  # insert
    return bytes(out)


EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 700)), min_size=1, max_size=12)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS)
def test_a_damaged_program_file_is_unavailable_never_a_crash(edits):
    source = Path(loader.__file__).resolve().parents[2] / "programs" / "low-mood"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "low-mood"
        shutil.copytree(source, folder)
        yaml_file = folder / "program.yaml"
        yaml_file.write_bytes(_mutated(yaml_file.read_bytes(), edits))
        good, bad = loader.load_all(Path(tmp))
        assert len(good) + len(bad) == 1
        if bad:
            assert bad[0].problems


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS)
def test_a_damaged_catalog_falls_back_to_english_never_a_crash(edits):
    head = PO.read_bytes()[:20_000]  # the header and the first few hundred messages
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp) / "yy" / "LC_MESSAGES" / "app.po"
        po.parent.mkdir(parents=True)
        po.write_bytes(_mutated(head, edits))
        old = paths.locales_dir
        paths.locales_dir = lambda: Path(tmp)
        try:
            catalog = i18n._load_catalog("yy", "app")
            assert isinstance(catalog.gettext("Settings"), str)
        finally:
            paths.locales_dir = old
