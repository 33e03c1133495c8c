"""Writing an exported file safely: the right extension, a clear error, and never half a file.

A file is written to a temporary sibling and renamed over the target, so a reader (a calendar
client polling the file, a printer queue) sees either the old file or the whole new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from footcore.errors import FileInputError

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOENT: "no such directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.EISDIR: "it is a directory",
    errno.ENOSPC: "no space left on the device",
}


def _cannot_write(path: Path, exc: OSError) -> FileInputError:
    reason = _REASONS.get(exc.errno or 0, exc.strerror or "unknown error")
    return FileInputError(f"cannot write {path}: {reason}")


def check_target(path: Path, suffixes: Sequence[str], what: str) -> str:
    """The target's suffix (lower case, without the dot) once it is known to be writable.

    Checked before any rendering, so that a wrong name fails at once and not after a long PDF.
    """
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        given = f"'{path.suffix}'" if path.suffix else "no extension"
        raise FileInputError(
            f"{path}: a {what} file needs one of {', '.join(suffixes)}; got {given}"
        )
    if path.is_dir():
        raise FileInputError(f"cannot write {path}: it is a directory")
    parent = path.parent
    if not parent.is_dir():
        raise FileInputError(f"cannot write {path}: no such directory {parent}")
    if path.exists() and not os.access(path, os.W_OK):
        raise FileInputError(f"cannot write {path}: permission denied")
    # A real probe rather than os.access, which says yes to root even on a read-only mount.
    try:
        with tempfile.TemporaryFile(dir=parent):
            pass
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    return suffix[1:]


def write_atomic(path: Path, data: bytes) -> None:
    """Write all of `data` to `path` or leave `path` as it was; errors are one-line input errors."""
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); an export keeps the mode of the file it replaces
        # or is an ordinary readable file (os.umask is process-wide, so it is not consulted).
        os.chmod(tmp, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
