"""Make Qt's ICU data library smaller for the bundle: keep what ICU itself needs and the locales Hearth ships.

PySide6's wheel carries ``libicudata.so.NN`` (31 MB): one symbol, ``icudtNN_dat``, holding ICU's data package for
every locale ICU knows. Qt uses ICU for locale-aware comparison and case mapping, text converters and time zones;
its own number and date formats come from Qt's CLDR tables (and Hearth's from Babel). This module takes the data
package out of the library, removes with ``icupkg`` (ICU's own package tool, package ``icu-devtools``) what no
shipped language can ask for, and links a library with the same name and symbol around the rest:

* locale data (names of languages, regions, currencies, units, time zones, collation and number spelling rules)
  for languages Hearth does not ship; a language added later falls back to ICU's root data, as ICU does for
  any locale it lacks;
* legacy character-set converters (``*.cnv``: EBCDIC, Shift-JIS...; UTF-8/16/32, Latin-1 and ASCII are code,
  not data) and transliterators.

Kept: ICU's core tables (Unicode properties, normalization, case, bidi, names), the root collation (``ucadata``),
the break rules and the word-break dictionaries (Chinese, Japanese, Thai...: a name in any script still
breaks into words; the root break data refers to them), the supplemental data (likely subtags, plurals, numbering systems, time zones), and every file
of a shipped language and its regional variants. Without ``icupkg`` or a C compiler the bundle keeps the full
library (and says so).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# A locale's data file: root, or a language code with optional script/region/variant parts (en_GB, sr_Latn_BA,
# es_419). Names that are not locales (res_index, pool, supplementalData, likelySubtags...) do not match.
_LOCALE_RES = re.compile(r"^(?:root|([a-z]{2,3})(?:_[A-Za-z0-9]+)*)\.res$")
_NOT_LOCALES = {"res_index.res"}


def keep_item(name: str, languages: set[str]) -> bool:
    """Whether the package item ``name`` (as ``icupkg -l`` lists it: ``coll/de.res``, ``uprops.icu``) stays."""
    tree, _sep, base = name.rpartition("/")
    if base.endswith(".cnv") or tree == "translit":
        return False
    match = _LOCALE_RES.match(base)
    if match and base not in _NOT_LOCALES and match.group(1):
        return match.group(1) in languages
    return True


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size (ELF: read with nm and readelf from binutils)."""
    out = subprocess.run(["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            address, size = int(parts[0], 16), int(parts[1], 16)
            break
    else:
        raise ValueError(f"{library.name}: no icudtNN_dat symbol")
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return parts[3], section_offset + (address - section_address), size
    raise ValueError(f"{library.name}: no .rodata section")


def slim(library: Path, languages: set[str], log=print) -> int:
    """Replace ``library`` (a libicudata.so.NN) by one holding only what ``languages`` need; returns bytes saved
    (0 when the tools are missing or anything fails: the full library stays)."""
    tools = {tool: shutil.which(tool) for tool in ("icupkg", "cc", "nm", "readelf")}
    missing = [tool for tool, path in tools.items() if not path]
    if missing:
        log(f"WARNING: ICU data kept whole ({library.stat().st_size // 2**20} MB): no {', '.join(missing)} "
            "(apt-get install icu-devtools gcc binutils)")
        return 0
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="hearth-icu-") as tmp:
        work = Path(tmp)
        try:
            symbol, offset, size = _symbol(library)
            with open(library, "rb") as fh:
                fh.seek(offset)
                package = fh.read(size)
            # icupkg takes the package's name (icudt73l: version, little-endian) from the file's name
            name = symbol.removesuffix("_dat") + "l.dat"
            full = work / name
            full.write_bytes(package)
            items = subprocess.run([tools["icupkg"], "-l", str(full)], capture_output=True, text=True,
                                   check=True).stdout.split()
            drop = [item for item in items if not keep_item(item, languages)]
            (work / "drop.txt").write_text("\n".join(drop) + "\n")
            (work / "out").mkdir()
            small = work / "out" / name
            subprocess.run([tools["icupkg"], "-r", str(work / "drop.txt"), str(full), str(small)],
                           capture_output=True, check=True)
            source = work / "data.S"
            source.write_text(f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n'
                              f'{symbol}:\n\t.incbin "{small}"\n\t.size {symbol}, . - {symbol}\n'
                              '\t.section .note.GNU-stack,"",@progbits\n')
            built = work / library.name
            subprocess.run([tools["cc"], "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(built),
                            str(source)], capture_output=True, check=True)
            if _symbol(built)[2] != small.stat().st_size:
                raise ValueError("the rebuilt library's symbol does not hold the whole package")
        except (OSError, ValueError, subprocess.CalledProcessError) as e:
            log(f"WARNING: ICU data kept whole: {e}")
            return 0
        shutil.copyfile(built, library)
    log(f"ICU data: kept {len(items) - len(drop)} of {len(items)} items, {before // 2**20} -> "
        f"{library.stat().st_size // 2**20} MB")
    return before - library.stat().st_size
