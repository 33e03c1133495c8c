"""The FIT checksum, verified once over each part of a file before fitdecode decodes it.

fitdecode can check CRCs itself, but it does so in pure Python, a nibble at a time, on every small
read: on the samples that was a third of the whole decode. This module checks the same CRC-16
(the FIT SDK's: CRC-16/ARC, polynomial 0x8005 reflected, initial value 0) over each chained part
in one pass, two bytes per step, and fitdecode then runs with its own check disabled.

What is checked, as fitdecode's CrcCheck.RAISE does: the header CRC of a 14-byte header when it
is not 0 (the SDK allows 0 = "not computed"), and the file CRC that follows each part's data,
computed over the header and the data. Framing problems (no ".FIT" magic, a part longer than the
bytes left) are not judged here: checking stops, and fitdecode reports them while decoding, with
its own precise reason (truncated file, corrupt header of chained part N).
"""

from __future__ import annotations

import sys
from array import array
from functools import cache

from footcore.errors import FileInputError

_POLY = 0xA001  # 0x8005 bit-reversed
_MIN_HEADER = 12


@cache
def _byte_table() -> tuple[int, ...]:
    out = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ _POLY if crc & 1 else crc >> 1
        out.append(crc)
    return tuple(out)


@cache
def _word_table() -> array[int]:
    """The CRC step for two bytes at once: a 16-bit register is replaced whole by one lookup."""
    t = _byte_table()
    out = array("H", bytes(2 * 65536))
    for x in range(65536):
        low = t[x & 0xFF]
        out[x] = (low >> 8) ^ t[((x >> 8) ^ low) & 0xFF]
    return out


def crc16(data: bytes | memoryview, crc: int = 0) -> int:
    view = memoryview(data)
    even = len(view) & ~1
    if even:
        words = array("H", view[:even].tobytes())
        if sys.byteorder == "big":
            words.byteswap()
        table = _word_table()
        for word in words:
            crc = table[crc ^ word]
    if even != len(view):
        crc = (crc >> 8) ^ _byte_table()[(crc ^ view[-1]) & 0xFF]
    return crc


def check_fit_crcs(data: bytes) -> None:
    """Raise FileInputError when a header or file CRC of any complete part does not match."""
    view = memoryview(data)
    offset, part = 0, 1
    while len(data) - offset >= _MIN_HEADER and data[offset + 8 : offset + 12] == b".FIT":
        header_size = data[offset]
        body = int.from_bytes(data[offset + 4 : offset + 8], "little")
        end = offset + header_size + body
        if header_size < _MIN_HEADER or end + 2 > len(data):
            return
        if header_size >= 14:
            stored = int.from_bytes(data[offset + 12 : offset + 14], "little")
            if stored and crc16(view[offset : offset + 12]) != stored:
                raise FileInputError(
                    f"the FIT file is corrupt: CRC check failed (header of part {part})"
                )
        # the CRC over a part and its little-endian CRC footer is 0 when they match
        if crc16(view[offset : end + 2]) != 0:
            stored = int.from_bytes(data[end : end + 2], "little")
            raise FileInputError(
                f"the FIT file is corrupt: CRC check failed (part {part}: stored {stored}, "
                f"computed {crc16(view[offset:end])})"
            )
        offset, part = end + 2, part + 1
