"""Writing a profile's data archive: a ZIP of JSON and CSV, or the same ZIP sealed with an age passphrase.

The ZIP is built in memory and written with one atomic, durable write: no part of it, and no plaintext
copy, is ever left on the disk (a sealed archive is encrypted before it is written)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import __version__, fsutil
from app.archive import contents
from app.i18n import _
from app.store import Store
from app.store.db import utcnow

ZIP, AGE = "zip", "age"
# A fixed time for every member: the archive says when it was made in its manifest, and equal data make
# equal files.
_STAMP = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Written:
    path: Path
    records: dict[str, int]  # JSON file name -> number of records
    encrypted: bool
    size: int


def file_name(fmt: str = ZIP, day: date | None = None) -> str:
    """A default name that says what the file is and when it was made (no name of the person in it)."""
    # Translators: the default file name of "Export my data"; keep it short, no slashes.
    return _("hearth-my-data-{date}").format(date=(day or date.today()).isoformat()) + f".{fmt}"


def _readme() -> bytes:
    return (_("Your Hearth data, as you saved it with \u201cExport my data\u201d.") + "\n\n"
            + _("Each .json file holds one kind of record, as Hearth keeps it; Hearth can import them into a new "
                "profile. Each .csv file holds the same records for a spreadsheet. The format is described in "
                "Hearth's documentation (docs/archive-format.md).") + "\n\n"
            + _("This archive is not protected by your Hearth password. Keep it somewhere only you can reach, "
                "and delete it when you no longer need it.") + "\n").encode("utf-8")


def build(store: Store) -> tuple[bytes, dict[str, int]]:
    """The archive's ZIP bytes and the number of records of each kind."""
    records = contents.read_all(store)
    members = {name: contents.json_file(recs) for name, recs in records.items()}
    manifest = {"format": contents.FORMAT, "version": contents.VERSION, "created_at": utcnow(),
                "app_version": __version__,
                "files": {name: {"records": len(records[name]), "sha256": hashlib.sha256(data).hexdigest()}
                          for name, data in members.items()}}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zf.writestr(info, data)

        put(contents.MANIFEST, contents.json_file(manifest))
        put(contents.README, _readme())
        for name, data in members.items():
            put(name, data)
        for name, data in contents.csv_files(records).items():
            put(name, data)
    return buf.getvalue(), {name: len(recs) for name, recs in records.items()}


def seal(data: bytes, passphrase: str) -> bytes:
    """``data`` encrypted to an age passphrase (scrypt): ``age --decrypt`` opens it with the same passphrase."""
    from pyrage import passphrase as age_passphrase

    return age_passphrase.encrypt(data, passphrase)


def write(store: Store, path: Path, *, passphrase: str | None = None) -> Written:
    """Write the archive to ``path`` (replaced atomically); sealed with ``passphrase`` when one is given."""
    data, counts = build(store)
    if passphrase:
        data = seal(data, passphrase)
    fsutil.save_chosen_file(path, data)
    return Written(Path(path), counts, bool(passphrase), len(data))
