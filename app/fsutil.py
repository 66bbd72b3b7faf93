"""Safe file writing: atomic replace, owner-only permissions, fsync.

Every file Hearth writes outside the encrypted database goes through
:func:`atomic_write_bytes`, so a crash or power cut leaves either the old
file or the new one, never a half-written mix.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def restrict_umask() -> None:
    """Make every file and folder this process creates owner-only."""
    if os.name == "posix":
        os.umask(0o077)


def make_private_dir(path: Path) -> Path:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, DIR_MODE)
    return path


def fsync_dir(path: Path) -> None:
    """Flush a folder's entry table so a rename inside it survives power loss."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fh, data: bytes) -> None:
    """Write and flush Python's buffer (a separate step so tests can make it fail like a full disk)."""
    fh.write(data)
    fh.flush()


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def atomic_write_bytes(path: Path, data: bytes, mode: int = FILE_MODE) -> None:
    """Write ``data`` to ``path`` atomically, owner-only unless ``mode`` says otherwise.

    Order: temp file created 0600 in the same folder, data written, fsync,
    ``os.replace`` over the target, fsync of the folder. When this returns, the
    file is on the disk; when it raises, ``path`` is as it was and no temp file
    is left behind.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, FILE_MODE)
    try:
        if mode != FILE_MODE and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # not filtered by the process umask
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, data)
            _fsync(fh.fileno())
        _replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)


def save_chosen_file(path: Path, data: bytes) -> None:
    """``atomic_write_bytes`` for a file the person chose where to save; a failure is a
    :class:`app.errors.FileNotSaved` with the system's reason (nothing was written)."""
    try:
        atomic_write_bytes(Path(path), data)
    except OSError as e:
        from app.errors import FileNotSaved

        raise FileNotSaved(e.strerror or type(e).__name__) from e


def atomic_copy(src: Path, dst: Path, chunk: int = 1 << 20) -> None:
    """Copy a file atomically (used for encrypted database backups)."""
    tmp = dst.with_name(f".{dst.name}.{os.urandom(6).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out, chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise
    fsync_dir(dst.parent)


class NotRegularFile(OSError):
    """The path names a folder, a pipe (FIFO), a device or a socket, not an ordinary file."""


class FileTooBig(Exception):
    """A regular file larger than the caller's limit (its size came from the file system)."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, for any file a person chose.

    Never blocks on a pipe or a device: the path is checked with ``stat`` before it is
    opened, it is opened with ``O_NONBLOCK`` (opening a FIFO for reading would otherwise
    wait for a writer forever) and checked again with ``fstat`` (it may have been swapped
    in between). Raises :class:`NotRegularFile`, :class:`FileTooBig` or ``OSError``.
    """
    def check(st) -> None:
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        if st.st_size > limit:
            raise FileTooBig(limit)

    check(os.stat(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        check(os.fstat(fd))
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with fh:
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise FileTooBig(limit)
    return data


def remove_stale_temp_files(folder: Path) -> None:
    """Delete what an interrupted write left: the temp files of :func:`atomic_write_bytes` and
    :func:`atomic_copy` (``.<name>.<hex>.tmp``) and temp folders named the same way."""
    if not folder.is_dir():
        return
    for p in folder.glob(".*.tmp"):
        try:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
        except OSError:
            pass


def overwrite_and_unlink(path: Path) -> None:
    """Overwrite a small secret file with random bytes, flush, then delete it.

    On copy-on-write or wear-levelled storage the old blocks may survive; the
    point of overwriting the key file is that without it the database and its
    backups cannot be decrypted (crypto-erase).
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with open(path, "r+b") as fh:
        fh.write(os.urandom(max(size, 64)))
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()
