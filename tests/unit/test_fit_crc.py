"""The FIT CRC checked before decoding is the FIT SDK's CRC-16, the same value fitdecode computes,
and a mismatch in any complete part is refused."""

from __future__ import annotations

import pytest
from fitdecode.utils import compute_crc
from hypothesis import given
from hypothesis import strategies as st

from footcore.adapters.importers.fit_crc import check_fit_crcs, crc16
from footcore.errors import FileInputError
from tests.corpus import sample_bytes
from tests.synthetic import Track, fit_bytes


@pytest.fixture(params=["synthetic", "fenix5"])
def fit_file(request: pytest.FixtureRequest) -> bytes:
    """A valid FIT activity: one the test writes, and a real Garmin fenix 5 file of the corpus."""
    if request.param == "synthetic":
        return fit_bytes(Track())
    return sample_bytes("fit/fitparse__garmin-fenix-5-run.fit")


@given(st.binary(min_size=1, max_size=300), st.integers(0, 0xFFFF))
def test_the_crc_is_fitdecodes_for_any_bytes_and_start(data: bytes, start: int) -> None:
    assert crc16(data, start) == compute_crc(data, crc=start)


def test_a_whole_valid_file_checks_out_and_its_crc_over_the_footer_is_zero(fit_file: bytes) -> None:
    check_fit_crcs(fit_file)
    assert crc16(fit_file) == 0


def test_one_changed_byte_fails_the_file_crc(fit_file: bytes) -> None:
    broken = bytearray(fit_file)
    broken[len(broken) // 2] ^= 0x01
    with pytest.raises(FileInputError, match="CRC check failed"):
        check_fit_crcs(bytes(broken))


def test_a_changed_header_byte_fails_the_header_crc(fit_file: bytes) -> None:
    broken = bytearray(fit_file)
    broken[2] ^= 0x01  # the profile version, inside the header's own CRC
    with pytest.raises(FileInputError, match="header of part 1"):
        check_fit_crcs(bytes(broken))


def test_the_second_part_of_a_chained_file_is_checked_too(fit_file: bytes) -> None:
    broken = bytearray(fit_file + fit_file)
    broken[len(fit_file) + 500] ^= 0x40
    with pytest.raises(FileInputError, match="part 2"):
        check_fit_crcs(bytes(broken))


def test_framing_problems_are_left_to_the_decoder(fit_file: bytes) -> None:
    check_fit_crcs(fit_file[: len(fit_file) // 2])  # truncated: fitdecode says "truncated"
    check_fit_crcs(b"not a fit file at all")
