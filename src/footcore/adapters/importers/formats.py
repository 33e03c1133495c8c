"""Recognising an activity file by name and content, unpacking gzip, and calling its parser.

The extension says what a file should be; cheap content sniffing (FIT magic, gzip/zip magic,
the XML root element) catches files whose name lies, so that the reason says "rename it" rather
than reporting a parse error.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from footcore.adapters.importers.fit import parse_fit
from footcore.adapters.importers.gpx import parse_gpx
from footcore.adapters.importers.limits import MAX_FILE_BYTES, MAX_FILE_LABEL, SNIFF_BYTES
from footcore.adapters.importers.model import Failed, FileOutcome, ParseResult, outcome_from
from footcore.adapters.importers.tcx import parse_tcx
from footcore.adapters.importers.unpacking import gunzip_capped
from footcore.errors import FileInputError, InputError, TooLargeError

ACCEPTED = ".fit, .gpx, .tcx (also gzipped: .fit.gz, .gpx.gz, .tcx.gz) and .zip (a Strava export)"

_PARSERS: dict[str, Callable[[str, bytes], list[ParseResult]]] = {
    "fit": parse_fit,
    "gpx": parse_gpx,
    "tcx": parse_tcx,
}
_CONTENT_NAMES = {"fit": "FIT", "gpx": "GPX", "tcx": "TCX", "zip": "zip", "gzip": "gzip"}

T = TypeVar("T")


@dataclass(frozen=True)
class Pending:
    """A file read into memory and waiting for its parse (in this process or a worker)."""

    source: str
    name: str
    data: bytes


Step = FileOutcome | Pending


def kind_of_name(name: str) -> tuple[str | None, bool]:
    """The format a file name promises ("fit", "gpx", "tcx", "zip" or None) and if it is .gz."""
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    base = lower[:-3] if gzipped else lower
    for kind in (*_PARSERS, "zip"):
        if base.endswith("." + kind) and not (gzipped and kind == "zip"):
            return kind, gzipped
    return None, gzipped


def unsupported(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.lstrip(".") else ""
    what = f"'.{suffix}'" if suffix else "a name without an extension"
    return f"unsupported file type ({what}); accepted: {ACCEPTED}"


def sniff(data: bytes) -> str | None:
    """What the bytes look like: "fit", "gzip", "zip", "gpx", "tcx", "xml" or None."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if b"<gpx" in head:
            return "gpx"
        if b"<TrainingCenterDatabase" in head:
            return "tcx"
        return "xml"
    return None


def gunzip(data: bytes) -> bytes:
    """Decompress at most MAX_FILE_BYTES: a gzip bomb stops there instead of filling memory."""
    if sniff(data) != "gzip":
        raise FileInputError("named .gz but the content is not gzip-compressed")
    try:
        out = gunzip_capped(data, MAX_FILE_BYTES, "the .gz file")
    except (OSError, EOFError, zlib.error) as exc:
        raise FileInputError(f"the gzip data is truncated or corrupt ({exc})") from None
    if len(out) > MAX_FILE_BYTES:
        raise FileInputError(f"decompresses to more than the {MAX_FILE_LABEL} limit")
    return out


def _parse(source: str, name: str, data: bytes) -> FileOutcome:
    kind, gzipped = kind_of_name(name)
    if kind is None or kind == "zip":
        return Failed(source, unsupported(name))
    if not data:
        return Failed(source, "empty file (0 bytes)")
    if gzipped:
        data = gunzip(data)
        if not data:
            return Failed(source, "empty file (0 bytes once decompressed)")
    found = sniff(data)
    if found in _CONTENT_NAMES and found != kind:
        hint = "add .gz to its name" if found == "gzip" else f"rename it to .{found}"
        return Failed(source, f"named .{kind} but holds {_CONTENT_NAMES[found]} data; {hint}")
    return outcome_from(source, _PARSERS[kind](source, data))


def guarded(source: str, read: Callable[[], T]) -> T | Failed:
    """Run one file's read; whatever goes wrong becomes that file's Failed outcome."""
    try:
        return read()
    except TooLargeError:
        raise  # over an unpacking limit: the whole request is refused, not only this file
    except InputError as exc:
        return Failed(source, str(exc))
    except Exception as exc:
        # the guarantee is one outcome per file: a bug or an unforeseen library error on one
        # hostile file must not end the whole import
        return Failed(source, f"could not be read (unexpected {type(exc).__name__}: {exc})")


def read_activity_bytes(source: str, name: str, data: bytes) -> FileOutcome:
    """One file's outcome from its name and bytes. Never raises."""
    return guarded(source, lambda: _parse(source, name, data))


def parse_pending(step: Step) -> FileOutcome:
    return (
        read_activity_bytes(step.source, step.name, step.data)
        if isinstance(step, Pending)
        else step
    )
