"""The real-file corpus: ../shared/samples beside the repository (CI lays it there; a fresh clone
has none). Tests that check the importer against those real files skip without it, saying where it
comes from; in CI (CI=true) a skip fails the run (tests/conftest.py), so there they always run."""

from __future__ import annotations

import csv
import functools
import gzip
import io
import zipfile
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


def strava_export(folder: Path) -> Path:
    """A Strava bulk export (zip) of five activities: runs in FIT, TCX and by hand, a ride, and a
    FIT file with a bad CRC (from the corpus; the test skips without it)."""
    header = next(csv.reader(io.StringIO(sample_bytes("strava-activities-header.csv").decode())))

    def row(**values: str) -> list[str]:
        out = [""] * len(header)
        for key, value in values.items():
            name, _, nth = key.partition("#")
            out[[i for i, h in enumerate(header) if h == name][int(nth or 1) - 1]] = value
        return out

    rows = [
        row(**{"Activity ID": "1", "Activity Type": "Run", "Filename": "activities/1.fit.gz"}),
        row(**{"Activity ID": "2", "Activity Type": "Ride", "Filename": "activities/2.gpx"}),
        row(
            **{
                "Activity ID": "3",
                "Activity Type": "Run",
                "Activity Date": "Jul 5, 2018, 3:00:00 PM",
                "Distance": "10.5",
                "Distance#2": "10500.0",
                "Elapsed Time": "3600",
                "Moving Time": "3500",
            }
        ),
        row(
            **{
                "Activity ID": "4",
                "Activity Type": "Run",
                "Filename": "activities/4.tcx.gz",
                "Activity Description": 'Felt good.\nSecond line, with "quotes"',
            }
        ),
        row(**{"Activity ID": "5", "Activity Type": "Run", "Filename": "activities/5.fit.gz"}),
    ]
    table = io.StringIO()
    csv.writer(table).writerows([header, *rows])
    path = folder / "export_1.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("activities.csv", table.getvalue())
        z.writestr(
            "activities/1.fit.gz",
            gzip.compress(sample_bytes("fit/fitparse__activity-small-fenix2-run.fit")),
        )
        z.writestr("activities/2.gpx", sample_bytes("gpx/sweatpy__activity_5039744860.gpx"))
        z.writestr(
            "activities/4.tcx.gz",
            gzip.compress(sample_bytes("tcx/runpandas__run_garmin.tcx")),
        )
        z.writestr(
            "activities/5.fit.gz",
            gzip.compress(sample_bytes("fit/fitparse__activity-filecrc.fit")),
        )
    return path
