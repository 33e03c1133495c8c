"""A large TCX is read as a stream of elements, dropped once read: the same figures as the whole
document, GPS jumps left out the same way, in a fraction of the memory."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime

import pytest

from footcore.adapters import import_limits_file
from footcore.adapters.importers import tcx as tcx_module
from footcore.adapters.importers.model import ParsedActivity
from footcore.domain.plausibility import Plausibility
from tests.synthetic_runs import tcx_track, track, with_jump


def test_a_large_tcx_streams_with_the_figures_of_the_whole_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    points = with_jump(track(datetime(2026, 10, 1, 7, tzinfo=UTC), 21, 600, every_s=1), 3000)
    data = tcx_track(points)
    whole = tcx_module.parse_tcx("big.tcx", data)
    limits = import_limits_file.plausibility()
    assert len(data) < limits.stream_from_bytes  # so the line above parsed the whole document
    small = Plausibility(**{**limits.__dict__, "stream_from_bytes": 1_000_000})
    monkeypatch.setattr(tcx_module, "plausibility", lambda: small)

    def no_document(*_: object) -> None:
        raise AssertionError("a file over the streaming size was parsed whole")

    monkeypatch.setattr(tcx_module, "parse_xml", no_document)
    tracemalloc.start()
    try:
        streamed = tcx_module.parse_tcx("big.tcx", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert streamed == whole
    (run,) = streamed
    assert isinstance(run, ParsedActivity)
    assert run.distance_source == "track" and run.distance_m == pytest.approx(21_022, abs=30)
    assert run.notes and "GPS jump" in run.notes[0]
    assert peak < len(data) / 4
