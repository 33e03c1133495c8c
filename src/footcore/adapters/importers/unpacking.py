"""How much one import may unpack, counted while it reads (data/import_limits.toml [unpacking]).

Every zip member one request reads draws on one `Budget`; a zip member or .gz
file may not unpack to more than `max_ratio` times its packed size. Declared sizes are checked
before anything is read, and the bytes are counted again while they are read (a header can lie),
so nothing is ever inflated past a limit. Going over refuses the whole request (TooLargeError).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gzip
import io
import zipfile

from footcore.adapters.import_limits_file import unpacking
from footcore.errors import TooLargeError

CHUNK = 1 << 20
# Tiny files pack poorly or very well by chance; below this many bytes unpacked no ratio applies.
RATIO_FLOOR = 1 << 20
MB = 1_000_000


def _size(count: int) -> str:
    return f"{count / MB:,.0f} MB" if count >= MB else f"{count:,} bytes"


def _ratio_cap(packed: int, ratio: float) -> int:
    return max(int(packed * ratio), RATIO_FLOOR)


def _ratio_refusal(name: str, ratio: float) -> TooLargeError:
    return TooLargeError(
        f"{name} unpacks to over {ratio:g} times its packed size (the limit for one file); "
        "a zip bomb or not an activity file: nothing of this request was unpacked further"
    )


class Budget:
    """The bytes one request may still unpack."""

    def __init__(self) -> None:
        limits = unpacking()
        self.limit = limits.max_unpacked_bytes
        self.left = limits.max_unpacked_bytes
        self.ratio = limits.max_ratio

    def refusal(self) -> TooLargeError:
        return TooLargeError(
            f"this request unpacks to over {_size(self.limit)} (the limit for one request); "
            "send fewer files at once"
        )

    def check_declared(self, label: str, sizes: list[tuple[int, int]]) -> None:
        """(unpacked, packed) sizes a zip declares for the members to read: refused up front."""
        if sum(size for size, _ in sizes) > self.left:
            raise self.refusal()
        if any(size > _ratio_cap(packed, self.ratio) for size, packed in sizes):
            raise _ratio_refusal(label, self.ratio)

    def read_member(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
        """At most `cap` bytes of a member, counted against the ratio and the budget as read."""
        ratio_cap = _ratio_cap(info.compress_size, self.ratio)
        out = bytearray()
        with archive.open(info) as stream:
            while len(out) <= cap:
                chunk = stream.read(min(CHUNK, cap + 1 - len(out)))
                if not chunk:
                    break
                out += chunk
                if len(out) > ratio_cap:
                    raise _ratio_refusal(info.filename, self.ratio)
                if len(out) > self.left:
                    raise self.refusal()
        self.left -= len(out)
        return bytes(out)


def gunzip_capped(data: bytes, cap: int, label: str) -> bytes:
    """Decompress at most `cap` bytes and no more than the ratio allows (read in chunks)."""
    ratio = unpacking().max_ratio
    allowed = _ratio_cap(len(data), ratio)
    out = bytearray()
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        while len(out) <= cap:
            chunk = stream.read(min(CHUNK, cap + 1 - len(out)))
            if not chunk:
                break
            out += chunk
            if len(out) > allowed:
                raise _ratio_refusal(label, ratio)
    return bytes(out)


def release_memory() -> None:
    """Hand freed heap back to the system (glibc keeps it otherwise): an import of large files
    must not leave the server holding their size."""
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)
