"""The bundle's smaller ICU data (build/icu_data.py): which items stay, and a rebuilt library that still holds a
readable ICU package with everything a shipped language needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build"))
import icu_data  # noqa: E402

SHIPPED = {"en", "de", "fr", "es", "uk", "ar", "fa"}


@pytest.mark.parametrize("item", ["nfkc.nrm", "uts46.nrm", "ulayout.icu", "confusables.cfu", "rfc3491.spp", "cnvalias.icu", "unames.icu", "root.res",
                                  "res_index.res", "pool.res", "supplementalData.res", "likelySubtags.res",
                                  "plurals.res", "numberingSystems.res", "zoneinfo64.res", "metaZones.res",
                                  "coll/ucadata.icu", "coll/root.res", "coll/de.res", "coll/fa.res",
                                  "brkitr/word.brk", "brkitr/cjdict.dict", "brkitr/root.res", "de.res", "de_CH.res",
                                  "en_001.res", "es_419.res", "ar_EG.res", "uk_UA.res", "curr/fr_CA.res",
                                  "zone/fa_AF.res", "lang/en.res", "unit/pool.res", "rbnf/uk.res"])
def test_kept(item):
    assert icu_data.keep_item(item, SHIPPED)


@pytest.mark.parametrize("item", ["ibm-1390_P110-2003.cnv", "gb18030.cnv", "euc-tw-2014.cnv", "translit/root.res",
                                  "translit/el.res", "ja.res", "zh_Hant_TW.res", "coll/zh.res", "curr/tr.res",
                                  "lang/haw.res", "zone/sr_Latn_BA.res", "rbnf/ru.res", "brkitr/ja.res"])
def test_dropped(item):
    assert not icu_data.keep_item(item, SHIPPED)


def _qt_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return next(p for p in found if not p.is_symlink()) if found else Path("/nonexistent")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries: the bundle's ICU data is trimmed on Linux")
def test_the_rebuilt_library_holds_a_readable_package_with_the_shipped_languages(tmp_path):
    assert all(shutil.which(tool) for tool in ("icupkg", "cc", "nm", "readelf")), "build/system-deps.sh installs them"
    original = _qt_icu_data()
    assert original.exists()
    library = tmp_path / original.name
    shutil.copyfile(original, library)
    saved = icu_data.slim(library, SHIPPED, log=lambda _msg: None)
    assert saved > 15 * 2**20  # about 22 MB
    symbol, offset, size = icu_data._symbol(library)
    package = tmp_path / (symbol.removesuffix("_dat") + "l.dat")
    with open(library, "rb") as fh:
        fh.seek(offset)
        package.write_bytes(fh.read(size))
    items = set(subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True, check=True).stdout.split())
    assert {"nfkc.nrm", "unames.icu", "coll/ucadata.icu", "coll/uk.res", "fa.res", "ar_EG.res", "brkitr/line.brk"} <= items
    assert not {"ja.res", "gb18030.cnv", "translit/root.res"} & items
    soname = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout
    assert f"[{original.name}]" in soname  # Qt's ICU libraries find it under the same name


def test_without_the_tools_the_whole_library_stays(tmp_path, monkeypatch):
    library = tmp_path / "libicudata.so.73"
    library.write_bytes(b"\x7fELF not really")
    messages = []
    monkeypatch.setattr(icu_data.shutil, "which", lambda _tool: None)
    assert icu_data.slim(library, SHIPPED, log=messages.append) == 0
    assert library.read_bytes() == b"\x7fELF not really" and "kept whole" in messages[0]
