"""Importing the real sample corpus (../shared/samples) and hostile or broken input.

Reference figures are obtained independently of the importer: the GROUND TRUTH csv files and the
figures of MANIFEST.md, FIT record messages (not the session summary the importer uses), TCX laps
and trackpoints read with the stdlib ElementTree, GPX points with a haversine written here.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import math
import os
import random
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fitdecode
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.adapters.importers import (
    Failed,
    FileOutcome,
    Imported,
    ParsedActivity,
    Skipped,
    is_duplicate,
    read_activities,
    unpacking,
)
from footcore.domain.plausibility import Unpacking
from footcore.errors import TooLargeError
from tests.corpus import FIT, GPX, SAMPLES, TCX, WHERE, needs_corpus, outcomes_each, sample_bytes
from tests.synthetic import Track, fit_bytes, gpx_text, tcx_text

TCX_NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
GPX_NS = "{http://www.topografix.com/GPX/1/1}"


def only(outcomes: Iterator[FileOutcome]) -> FileOutcome:
    (outcome,) = list(outcomes)
    return outcome


def read_one(path: Path) -> FileOutcome:
    return only(read_activities([path]))


def the_run(outcome: FileOutcome) -> ParsedActivity:
    assert isinstance(outcome, Imported), outcome
    (run,) = outcome.activities
    assert run.sport == "running"
    assert run.start.tzinfo is not None and run.start.utcoffset() == timedelta(0)
    assert 0 <= run.moving_s <= run.elapsed_s
    return run


@pytest.fixture(scope="module")
def corpus() -> dict[str, FileOutcome]:
    """Every sample file read on its own (one batch each, so no de-duplication between them)."""
    if not SAMPLES.is_dir():
        pytest.skip(WHERE)
    files = sorted(p for p in SAMPLES.glob("*/*") if p.suffix != ".csv")
    return {p.name: only(iter(outcomes_each(p))) for p in files}


# --- FIT: positive runs ------------------------------------------------------------------------


def fit_records(path: Path) -> list[dict[str, object]]:
    with fitdecode.FitReader(path, check_crc=fitdecode.CrcCheck.READONLY) as reader:
        return [
            {f.name: f.value for f in frame.fields}
            for frame in reader
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record"
        ]


def number(value: object) -> float:
    assert isinstance(value, int | float), value
    return float(value)


# name: (km, elapsed "m:ss") as written in MANIFEST.md
FIT_RUNS = {
    "fitparse__activity-small-fenix2-run.fit": (9.0, "47:12", "garmin fenix2"),
    "fitparse__2013-02-06-12-11-14.fit": (4.84, "43:45", "garmin fr110"),
    "fitparse__developer-types-sample.fit": (6.75, "57:00", "stryd"),
    "runpandas__run.fit": (5.84, "52:45", "garmin fr645m"),
}


def seconds(mmss: str) -> float:
    minutes, secs = mmss.split(":")
    return int(minutes) * 60 + int(secs)


@pytest.mark.parametrize("name", sorted(FIT_RUNS))
def test_fit_run_matches_its_records_and_the_manifest(
    corpus: dict[str, FileOutcome], name: str
) -> None:
    run = the_run(corpus[name])
    km, duration, device = FIT_RUNS[name]
    records = fit_records(FIT / name)
    stamps = [s for r in records if isinstance(s := r.get("timestamp"), datetime)]
    last_distance = max(number(r["distance"]) for r in records if r.get("distance") is not None)
    assert run.start == min(stamps)
    assert run.distance_m == pytest.approx(last_distance, rel=0.01)
    assert run.distance_m / 1000 == pytest.approx(km, abs=0.01)
    assert run.elapsed_s == pytest.approx((max(stamps) - min(stamps)).total_seconds(), abs=5)
    assert run.elapsed_s == pytest.approx(seconds(duration), abs=60)
    assert run.distance_source == "device"
    assert run.device == device


def test_fenix5_run_matches_the_ground_truth_records(corpus: dict[str, FileOutcome]) -> None:
    with (FIT / "fitparse__garmin-fenix-5-run-records.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    pdt = timedelta(hours=7)
    stamps = [
        datetime.strptime(r["timestamp"], "%a %b %d %H:%M:%S PDT %Y").replace(tzinfo=UTC) + pdt
        for r in rows
    ]
    run = the_run(corpus["fitparse__garmin-fenix-5-run.fit"])
    assert run.start == stamps[0] == datetime(2017, 6, 11, 14, 34, 9, tzinfo=UTC)
    assert run.distance_m == pytest.approx(float(rows[-1]["distance"]), rel=0.01)
    assert run.elapsed_s == pytest.approx((stamps[-1] - stamps[0]).total_seconds(), abs=1)


def test_fit_without_a_set_clock_is_dated_by_its_activity_local_timestamp(
    corpus: dict[str, FileOutcome],
) -> None:
    # The ground truth's timestamps are seconds since power-on, not dates; the file's activity
    # message carries the local end time (2012-02-13 12:21:03, relative stamp 17221751).
    with (FIT / "fitparse__compressed-speed-distance-records.csv").open(newline="") as f:
        rows = list(csv.reader(f))[1:]
    stamps = [int(row[0]) for row in rows]
    assert max(stamps) < 0x10000000  # FIT: below this a date_time is relative, not absolute
    run = the_run(corpus["fitparse__compressed-speed-distance.fit"])
    end_local = datetime(2012, 2, 13, 12, 21, 3, tzinfo=UTC)
    first_record = end_local - timedelta(seconds=17221751 - stamps[0])
    assert abs((run.start - first_record).total_seconds()) <= 5  # session starts just before
    assert run.distance_m == pytest.approx(float(rows[-1][3]), abs=1)  # 10248.69 m
    assert run.elapsed_s == pytest.approx(stamps[-1] - stamps[0], abs=15)


def test_multisport_triathlon_yields_only_the_run_session(corpus: dict[str, FileOutcome]) -> None:
    outcome = corpus["fitparse__sample_mulitple_header.fit"]
    run = the_run(outcome)
    assert run.start == datetime(2018, 5, 27, 9, 23, 41, tzinfo=UTC)
    assert run.distance_m / 1000 == pytest.approx(9.8, abs=0.05)  # MANIFEST: run 9.8 km
    records = fit_records(FIT / "fitparse__sample_mulitple_header.fit")
    in_run = [
        s for r in records if isinstance(s := r.get("timestamp"), datetime) and s >= run.start
    ]
    assert run.elapsed_s == pytest.approx((max(in_run) - run.start).total_seconds(), abs=30)
    assert isinstance(outcome, Imported)
    notes = " ".join(outcome.notes)
    assert "swimming" in notes and "cycling" in notes and "transition" in notes


def test_multisport_run_row_file_yields_the_indoor_run_and_skips_rowing(
    corpus: dict[str, FileOutcome],
) -> None:
    outcome = corpus["sweatpy__6471559601_ACTIVITY.fit"]
    run = the_run(outcome)
    assert run.distance_m == 0.0  # indoor: the device recorded no distance (MANIFEST)
    assert run.start == datetime(2021, 3, 22, 10, 48, 16, tzinfo=UTC)
    assert isinstance(outcome, Imported)
    assert "rowing" in " ".join(outcome.notes)


# --- FIT: not runs, and broken files ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("fitparse__coros-pace-2-cycling-misaligned-fields.fit", "cycling"),
        ("fitparse__garmin-fenix-5-walk.fit", "walking"),
        ("sweatpy__2020-06-01-16-52-40.fit", "cycling"),
        ("fitparse__event_timestamp.fit", "swimming"),
        ("fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit", "cycling"),
        ("sweatpy__activity_5039744860.gpx", "cycling"),
        ("sweatpy__4801048867_strava.gpx", "cycling"),
        ("sweatpy__activity_5039744860.tcx", "cycling"),
        ("saf__walking_activity_1.tcx", "other sport"),
        ("saf__pool_swim-activity_1.tcx", "other sport"),
    ],
)
def test_other_sports_are_skipped_with_the_sport_named(
    corpus: dict[str, FileOutcome], name: str, sport: str
) -> None:
    outcome = corpus[name]
    assert isinstance(outcome, Skipped), outcome
    assert outcome.sport == sport
    assert outcome.reason == f"{sport} is not a run"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("fitparse__activity-unexpected-eof.fit", ["truncated"]),
        ("fitparse__activity-filecrc.fit", ["CRC"]),
        ("fitparse__activity-settings-corruptheader.fit", ["chained", "header"]),
        ("fitparse__MonitoringFile.fit", ["not an activity", "monitoring"]),
        ("gpxpy__route.gpx", ["route"]),
        ("gpxpy__cerknicko-without-times.gpx", ["5 of 296", "time"]),
    ],
)
def test_bad_sample_files_fail_with_a_reason_that_names_the_problem(
    corpus: dict[str, FileOutcome], name: str, words: list[str]
) -> None:
    outcome = corpus[name]
    assert isinstance(outcome, Failed), outcome
    for word in words:
        assert word in outcome.reason
    assert "\n" not in outcome.reason


# --- GPX ---------------------------------------------------------------------------------------


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


def gpx_reference(path: Path) -> tuple[datetime, float, float]:
    """Start, elapsed and 2D length of the timed points, read with the stdlib."""
    root = ET.parse(path).getroot()
    ns = GPX_NS if root.tag.startswith(GPX_NS) else "{http://www.topografix.com/GPX/1/0}"
    times: list[datetime] = []
    length = 0.0
    for seg in root.iter(f"{ns}trkseg"):
        points = [
            (float(p.get("lat", "0")), float(p.get("lon", "0")), p.findtext(f"{ns}time"))
            for p in seg.iter(f"{ns}trkpt")
        ]
        timed = [(lat, lon, t) for lat, lon, t in points if t]
        times += [datetime.fromisoformat(t) for _, _, t in timed]
        length += sum(haversine_m(p[:2], q[:2]) for p, q in itertools.pairwise(timed))
    return min(times), (max(times) - min(times)).total_seconds(), length


@pytest.mark.parametrize(
    ("name", "km", "elapsed", "device"),
    [
        ("runpandas__strava_export.gpx", 12.6, 5127.0, "StravaGPX"),  # MANIFEST: 85:27
        ("runpandas__run.gpx", 4.8, None, "TomTom.1001"),
        ("runpandas__garmin_connect.gpx", None, None, "Garmin Connect"),
        ("gpxpy__track-with-empty-segment.gpx", None, None, "TC2 to GPX11 XSLT stylesheet"),
        ("gpxpy__korita-zbevnica.gpx", None, None, "GPSBabel - http://www.gpsbabel.org"),
    ],
)
def test_gpx_run_matches_the_points_and_the_manifest(
    corpus: dict[str, FileOutcome],
    name: str,
    km: float | None,
    elapsed: float | None,
    device: str,
) -> None:
    run = the_run(corpus[name])
    start, wall_clock, length = gpx_reference(GPX / name)
    assert run.start == start
    assert run.elapsed_s == pytest.approx(wall_clock)
    assert run.distance_m == pytest.approx(length, rel=0.01, abs=0.5)
    assert run.distance_source == "track"
    assert run.device == device
    if km is not None:
        assert run.distance_m / 1000 == pytest.approx(km, abs=0.1)
    if elapsed is not None:
        assert run.elapsed_s == elapsed


def test_strava_gpx_moving_time_leaves_out_the_stops(corpus: dict[str, FileOutcome]) -> None:
    run = the_run(corpus["runpandas__strava_export.gpx"])
    # MANIFEST: elapsed 85:27 versus moving ~76 min (gpxpy ~4553 s)
    assert run.moving_s == pytest.approx(76 * 60, abs=60)


# --- TCX ---------------------------------------------------------------------------------------


def tcx_reference(path: Path) -> tuple[datetime, float, float, float]:
    """Start, distance, elapsed, moving, from the laps and trackpoints with the stdlib."""
    activity = next(ET.parse(path).getroot().iter(f"{TCX_NS}Activity"))
    laps = activity.findall(f"{TCX_NS}Lap")
    start = datetime.fromisoformat(laps[0].get("StartTime", ""))
    moving = sum(float(lap.findtext(f"{TCX_NS}TotalTimeSeconds", "0")) for lap in laps)
    distance = sum(float(lap.findtext(f"{TCX_NS}DistanceMeters", "0")) for lap in laps)
    last = max(datetime.fromisoformat(t.text or "") for t in activity.iter(f"{TCX_NS}Time"))
    return start, distance, max((last - start).total_seconds(), moving), moving


@pytest.mark.parametrize(
    ("name", "km", "device"),
    [
        ("runpandas__stopped_example.tcx", 12.0, None),
        ("runpandas__run.tcx", 4.8, "TomTom GPS Sport Watch"),
        ("runpandas__run_garmin.tcx", 2.15, "Garmin Forerunner 620"),
        ("tcxparser__test.tcx", 4.69, "Forerunner 410 Software Version 2.20"),
    ],
)
def test_tcx_run_matches_its_laps_and_trackpoints(
    corpus: dict[str, FileOutcome], name: str, km: float, device: str | None
) -> None:
    run = the_run(corpus[name])
    start, distance, elapsed, moving = tcx_reference(TCX / name)
    assert run.start == start
    assert run.distance_m == pytest.approx(distance)
    assert run.distance_m / 1000 == pytest.approx(km, abs=0.05)
    assert run.elapsed_s == pytest.approx(elapsed)
    assert run.moving_s == pytest.approx(moving)
    assert run.distance_source == "device"
    assert run.device == device


def test_stopped_tcx_moving_time_is_the_lap_timer_not_the_wall_clock(
    corpus: dict[str, FileOutcome],
) -> None:
    run = the_run(corpus["runpandas__stopped_example.tcx"])
    assert run.moving_s == 4753  # MANIFEST: python-tcxparser duration (lap TotalTimeSeconds)
    assert run.elapsed_s > run.moving_s + 300


# --- the same activity in several formats ------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("runpandas__strava_export.gpx", "runpandas__stopped_example.tcx"),
        ("runpandas__run.gpx", "runpandas__run.tcx"),
    ],
)
def test_one_run_in_two_formats_is_a_duplicate(
    corpus: dict[str, FileOutcome], a: str, b: str
) -> None:
    assert is_duplicate(the_run(corpus[a]), the_run(corpus[b]))


@needs_corpus
def test_a_batch_keeps_the_first_of_two_formats_of_one_run() -> None:
    outcomes = list(read_activities([GPX / "runpandas__run.gpx", TCX / "runpandas__run.tcx"]))
    assert isinstance(outcomes[0], Imported)
    assert isinstance(outcomes[1], Skipped) and "duplicate" in outcomes[1].reason


def test_the_same_ride_in_three_formats_is_skipped_in_each(corpus: dict[str, FileOutcome]) -> None:
    names = [
        "sweatpy__2020-06-01-16-52-40.fit",
        "sweatpy__activity_5039744860.gpx",
        "sweatpy__activity_5039744860.tcx",
    ]
    assert all(isinstance(corpus[n], Skipped) for n in names)


# --- gzip, folders, names that lie, empty and broken files -------------------------------------


@pytest.mark.parametrize(
    "original",
    [
        "synthetic.fit",
        "synthetic.gpx",
        "synthetic.tcx",
        pytest.param(FIT / "fitparse__garmin-fenix-5-run.fit", marks=needs_corpus),
        pytest.param(GPX / "runpandas__run.gpx", marks=needs_corpus),
        pytest.param(TCX / "runpandas__run.tcx", marks=needs_corpus),
    ],
)
def test_gzipped_file_reads_like_the_original(tmp_path: Path, original: Path | str) -> None:
    if isinstance(original, str):  # a file the test writes
        original = write(tmp_path / original, valid_files("synthetic")[Path(original).suffix])
    packed = tmp_path / (original.name + ".gz")
    packed.write_bytes(gzip.compress(original.read_bytes()))
    plain, zipped = the_run(read_one(original)), the_run(read_one(packed))
    assert (zipped.start, zipped.distance_m, zipped.elapsed_s, zipped.moving_s) == (
        plain.start,
        plain.distance_m,
        plain.elapsed_s,
        plain.moving_s,
    )


def test_folders_are_read_recursively_and_stray_files_are_skipped(tmp_path: Path) -> None:
    deep = tmp_path / "watch" / "2017" / "June"
    deep.mkdir(parents=True)
    write(deep / "run.fit", fit_bytes(Track()))
    write(tmp_path / "watch" / "walk.fit", fit_bytes(Track(sport="walking")))
    (tmp_path / "watch" / "notes.txt").write_text("not an activity")
    seen: list[tuple[int, int]] = []
    outcomes = list(read_activities([tmp_path], progress=lambda d, t: seen.append((d, t))))
    kinds = {Path(o.source).name: type(o).__name__ for o in outcomes}
    assert kinds == {"run.fit": "Imported", "walk.fit": "Skipped", "notes.txt": "Skipped"}
    assert seen == [(1, 3), (2, 3), (3, 3)]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def valid_files(kind: str) -> dict[str, bytes]:
    """One valid run per format: written by the test, or the corpus's (skipped without it)."""
    if kind == "synthetic":
        track = Track()
        return {
            ".fit": fit_bytes(track),
            ".gpx": gpx_text(track).encode(),
            ".tcx": tcx_text(track).encode(),
        }
    return {
        ".fit": sample_bytes("fit/fitparse__garmin-fenix-5-run.fit"),
        ".gpx": sample_bytes("gpx/runpandas__run.gpx"),
        ".tcx": sample_bytes("tcx/runpandas__run.tcx"),
    }


@pytest.fixture(params=["synthetic", "samples"])
def valid(request: pytest.FixtureRequest) -> dict[str, bytes]:
    return valid_files(request.param)


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("run.txt", lambda v: b"hello", ["unsupported", "'.txt'", ".fit, .gpx, .tcx", ".zip"]),
        ("run", lambda v: v[".fit"], ["unsupported", "without an extension"]),
        ("run.gpx", lambda v: v[".fit"], ["named .gpx", "FIT", "rename it to .fit"]),
        ("run.tcx", lambda v: v[".gpx"], ["named .tcx", "GPX"]),
        ("run.fit", lambda v: gzip.compress(v[".fit"]), ["gzip", "add .gz"]),
        ("run.fit.gz", lambda v: v[".fit"], ["not gzip"]),
        ("run.fit.gz", lambda v: gzip.compress(v[".fit"])[:-100], ["gzip", "truncated"]),
        ("run.fit", lambda v: b"", ["empty"]),
        ("run.gpx", lambda v: b"", ["empty"]),
        ("run.fit", lambda v: os.urandom(3000), ["not a FIT file"]),
        ("run.gpx", lambda v: b"\x00\xffgarbage" * 50, ["GPX", "not valid utf-8"]),
        ("run.gpx", lambda v: b"garbage " * 50, ["GPX", "not well-formed XML"]),
        ("run.tcx", lambda v: b"<<<<not xml", ["TCX", "XML"]),
        ("run.fit", lambda v: half(v[".fit"]), ["truncated"]),
        ("run.gpx", lambda v: half(v[".gpx"]), ["GPX", "truncated"]),
        ("run.tcx", lambda v: half(v[".tcx"]), ["TCX", "truncated"]),
        ("run.gpx", lambda v: b"<?xml version='1.0'?><kml/>", ["not a GPX file", "<kml>"]),
    ],
)
def test_bad_files_fail_with_a_one_line_reason(
    tmp_path: Path,
    valid: dict[str, bytes],
    name: str,
    data: Callable[[dict[str, bytes]], bytes],
    words: list[str],
) -> None:
    outcome = read_one(write(tmp_path / name, data(valid)))
    assert isinstance(outcome, Failed), outcome
    for word in words:
        assert word in outcome.reason
    assert "\n" not in outcome.reason


def test_a_missing_path_fails_instead_of_raising(tmp_path: Path) -> None:
    outcome = read_one(tmp_path / "nowhere.fit")
    assert isinstance(outcome, Failed) and "no such file" in outcome.reason


@pytest.mark.parametrize("name", ["huge.fit", "huge.gpx", "huge.tcx.gz"])
def test_files_over_50_mb_are_refused_unread(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as f:
        f.truncate(51_000_000)  # sparse: nothing is written, and nothing may be read
    began = time.perf_counter()
    outcome = read_one(path)
    assert isinstance(outcome, Failed) and "50 MB" in outcome.reason, outcome
    assert time.perf_counter() - began < 0.5


def test_a_gzip_bomb_stops_at_the_limit(tmp_path: Path) -> None:
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", compresslevel=1) as f:
        chunk = bytes(1_000_000)
        for _ in range(51):
            f.write(chunk)
    # 51 MB of zeros pack about 250 times: over the ratio limit, the request is refused
    with pytest.raises(TooLargeError, match="over 100 times its packed size"):
        read_one(write(tmp_path / "bomb.fit.gz", bomb.getvalue()))


# --- hostile XML -------------------------------------------------------------------------------

LAUGHS = "".join(f'  <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10))
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE {root} [\n  <!ENTITY lol0 "lol">\n' + LAUGHS + "]>\n"
)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("laughs.gpx", '<gpx version="1.1"><trk><name>&lol9;</name></trk></gpx>'),
        (
            "laughs.tcx",
            "<TrainingCenterDatabase><Activities>&lol9;</Activities></TrainingCenterDatabase>",
        ),
    ],
)
def test_billion_laughs_is_refused_quickly_without_expansion(
    tmp_path: Path, name: str, body: str
) -> None:
    root = "gpx" if name.endswith(".gpx") else "TrainingCenterDatabase"
    path = write(tmp_path / name, (BILLION_LAUGHS.format(root=root) + body).encode())
    began = time.perf_counter()
    outcome = read_one(path)
    assert time.perf_counter() - began < 1.0
    assert isinstance(outcome, Failed), outcome
    assert "refused" in outcome.reason and "entities" in outcome.reason


def test_external_entities_are_refused(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<gpx version="1.1"><trk><name>&x;</name></trk></gpx>'
    )
    outcome = read_one(write(tmp_path / "xxe.gpx", xxe.encode()))
    assert isinstance(outcome, Failed) and "refused" in outcome.reason


# --- Strava bulk export ------------------------------------------------------------------------


def strava_header() -> list[str]:
    """The 94 columns of a real Strava export (from the corpus; the test skips without it)."""
    return next(csv.reader(io.StringIO(sample_bytes("strava-activities-header.csv").decode())))


def strava_row(**values: str) -> list[str]:
    """A 94-column row; keys are column names, with "#2" for a name's second occurrence."""
    header = strava_header()
    row = [""] * len(header)
    for key, value in values.items():
        name, _, nth = key.partition("#")
        positions = [i for i, h in enumerate(header) if h == name]
        row[positions[int(nth or 1) - 1]] = value
    return row


def build_export(folder: Path) -> Path:
    rows = [
        strava_row(
            **{
                "Activity ID": "1001",
                "Activity Date": "Aug 15, 2015, 2:45:08 PM",
                "Activity Type": "Run",
                "Filename": "activities/1001.fit.gz",
                "Distance": "9.01",
                "Elapsed Time": "2832",
            }
        ),
        strava_row(
            **{
                "Activity ID": "1002",
                "Activity Date": "Apr 18, 2020, 11:10:44 AM",
                "Activity Type": "Ride",
                "Filename": "activities/1002.gpx",
                "Distance": "36.31",
            }
        ),
        strava_row(
            **{
                "Activity ID": "1003",
                "Activity Date": "Jul 5, 2018, 3:00:00 PM",
                "Activity Type": "Run",
                "Activity Name": "Treadmill, by hand",
                "Distance": "10.5",
                "Elapsed Time": "3600",
                "Elapsed Time#2": "3600.0",
                "Moving Time": "3500.0",
                "Distance#2": "10500.0",
            }
        ),
        strava_row(
            **{
                "Activity ID": "1004",
                "Activity Date": "Nov 25, 2018, 7:20:49 AM",
                "Activity Type": "Run",
                "Filename": "activities/1004.tcx.gz",
                "Activity Description": 'Felt good.\nSecond line, with "quotes", commas',
            }
        ),
        strava_row(
            **{"Activity ID": "1005", "Activity Type": "Run", "Filename": "../../etc/passwd"}
        ),
        strava_row(
            **{"Activity ID": "1006", "Activity Type": "Run", "Filename": "activities/1006.fit"}
        ),
    ]
    table = io.StringIO()
    csv.writer(table).writerows([strava_header(), *rows])
    path = folder / "export_12345.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("activities.csv", table.getvalue())
        z.writestr(
            "activities/1001.fit.gz",
            gzip.compress((FIT / "fitparse__activity-small-fenix2-run.fit").read_bytes()),
        )
        z.writestr("activities/1002.gpx", (GPX / "sweatpy__4801048867_strava.gpx").read_bytes())
        z.writestr(
            "activities/1004.tcx.gz",
            gzip.compress((TCX / "runpandas__run_garmin.tcx").read_bytes()),
        )
        z.writestr("media/photo.jpg", b"\xff\xd8 not read")
    return path


def test_strava_export_imports_runs_and_manual_entries_and_skips_rides(tmp_path: Path) -> None:
    export = build_export(tmp_path)
    seen: list[tuple[int, int]] = []
    outcomes = list(read_activities([export], progress=lambda d, t: seen.append((d, t))))
    assert seen == [(i, 6) for i in range(1, 7)]
    fit_run, ride, manual, tcx_run, unsafe, missing = outcomes

    assert the_run(fit_run).distance_m == pytest.approx(9008.22)
    assert fit_run.source == f"{export}!activities/1001.fit.gz"
    assert isinstance(ride, Skipped) and ride.reason == "cycling is not a run"
    run = the_run(manual)
    assert (run.start, run.distance_m, run.elapsed_s, run.moving_s) == (
        datetime(2018, 7, 5, 15, 0, tzinfo=UTC),
        10500.0,
        3600.0,
        3500.0,
    )
    assert run.distance_source == "manual" and run.device is None
    assert the_run(tcx_run).distance_m == pytest.approx(2153.67)
    assert isinstance(unsafe, Failed) and "unsafe path" in unsafe.reason
    assert isinstance(missing, Failed) and "missing from the archive" in missing.reason
    assert not (tmp_path / "activities").exists()  # nothing was extracted


def test_strava_export_member_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "activities.csv",
            "\n".join(
                ",".join(r)
                for r in [
                    strava_header(),
                    strava_row(**{"Activity Type": "Run", "Filename": "activities/1.fit"}),
                ]
            ),
        )
        z.writestr("activities/1.fit", bytes(51_000_000))
    outcome = only(read_activities([path]))
    assert isinstance(outcome, Failed) and "50 MB" in outcome.reason


def test_an_archive_over_the_total_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, valid: dict[str, bytes]
) -> None:
    monkeypatch.setattr(unpacking, "unpacking", lambda: Unpacking(1000, 100.0))
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.fit", valid[".fit"])
    with pytest.raises(TooLargeError, match="unpacks to over 1,000 bytes"):
        list(read_activities([path]))


def test_a_plain_zip_is_read_member_by_member_without_touching_the_disk(
    tmp_path: Path, valid: dict[str, bytes]
) -> None:
    path = tmp_path / "runs.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("../../escaped.fit", valid[".fit"])
        z.writestr("readme.md", "hello")
    outcomes = list(read_activities([path]))
    assert [type(o).__name__ for o in outcomes] == ["Imported", "Skipped"]
    assert not (tmp_path.parent.parent / "escaped.fit").exists()


def test_a_corrupt_zip_fails_with_a_reason(tmp_path: Path) -> None:
    outcome = read_one(write(tmp_path / "export.zip", b"PK\x03\x04" + os.urandom(200)))
    assert isinstance(outcome, Failed) and "zip" in outcome.reason


# --- nothing ever raises -----------------------------------------------------------------------

FIT_HEADER = bytes([14, 0x10]) + (2093).to_bytes(2, "little")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        # a valid FIT header in front drives the bytes deep into the record decoder
        st.binary(max_size=2000).map(
            lambda b: FIT_HEADER + len(b).to_bytes(4, "little") + b".FIT\x00\x00" + b
        ),
        st.binary(max_size=500).map(lambda b: b"<?xml version='1.0'?><gpx>" + b),
    ),
    name=st.sampled_from(["a.fit", "a.gpx", "a.tcx", "a.fit.gz", "a.zip", "a.txt"]),
)
def test_random_bytes_never_raise(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        outcome = only(read_activities([write(Path(folder) / name, data)]))
    assert isinstance(outcome, Imported | Skipped | Failed)


def test_bit_flipped_fit_files_never_raise(tmp_path: Path, valid: dict[str, bytes]) -> None:
    rng = random.Random(7)
    for i in range(40):
        data = bytearray(valid[".fit"])
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        outcome = read_one(write(tmp_path / f"flip{i}.fit", bytes(data)))
        assert isinstance(outcome, Imported | Skipped | Failed)


def test_a_fit_session_without_a_total_takes_the_device_record_distance() -> None:
    fenix5 = sample_bytes("fit/fitparse__garmin-fenix-5-run.fit")
    from footcore.adapters.importers.fit import _scan, _session_run

    session = {
        "sport": "running",
        "start_time": datetime(2017, 6, 11, 14, 34, 9, tzinfo=UTC),
        "total_elapsed_time": 56.887,
        "total_timer_time": 56.887,
    }
    run = _session_run("fenix5.fit", _scan(fenix5).records, session, None)
    assert isinstance(run, ParsedActivity)
    assert run.distance_m == pytest.approx(157.56)  # the ground-truth csv's last distance
    assert run.distance_source == "device"


def test_a_zip_inside_a_zip_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "outer.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("inner.zip", b"PK\x05\x06" + bytes(18))
    outcome = only(read_activities([path]))
    assert isinstance(outcome, Skipped) and "zip inside a zip" in outcome.reason
