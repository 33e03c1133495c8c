"""The real-file corpus: ../shared/samples beside the repository (CI lays it there; a fresh clone
has none). Tests that check the importer against those real files skip without it, saying where it
comes from; in CI (CI=true) a skip fails the run (tests/conftest.py), so there they always run."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from footcore.adapters.importers import FileOutcome, read_activities

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples"
FIT, GPX, TCX = SAMPLES / "fit", SAMPLES / "gpx", SAMPLES / "tcx"
WHERE = (
    f"needs the real-file sample corpus at {SAMPLES} (../shared/samples beside the repository, "
    "laid there in CI); not present in this clone"
)

needs_corpus = pytest.mark.skipif(not SAMPLES.is_dir(), reason=WHERE)


def sample(relative: str) -> Path:
    """A corpus file; the calling test is skipped (with WHERE) when the corpus is absent."""
    if not SAMPLES.is_dir():
        pytest.skip(WHERE)
    return SAMPLES / relative


def sample_bytes(relative: str) -> bytes:
    return sample(relative).read_bytes()


def activity_samples() -> list[Path]:
    """Every FIT, GPX and TCX file of the corpus (the test skips without it)."""
    folder = sample("")
    return sorted(p for p in folder.glob("*/*") if p.suffix in (".fit", ".gpx", ".tcx"))


@functools.cache
def outcomes_each(path: Path) -> tuple[FileOutcome, ...]:
    """The importer's outcomes for one file read on its own, in one process (no de-duplication
    against other files). Cached for the test process: parsing the corpus takes 10-20 s, and
    several tests compare the stored runs with these independent per-file readings."""
    return tuple(read_activities([path], workers=1))
