"""A zip bomb is refused before it is unpacked: the request's total and each file's ratio are
capped (data/import_limits.toml), through the importer, the API (413) and the CLI (exit 2),
with memory staying small and handed back. The bombs are generated here, small on disk."""

from __future__ import annotations

import gzip
import io
import os
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from footcore.adapters.import_limits_file import unpacking as limits
from footcore.adapters.importers import read_activities, unpacking
from footcore.domain.plausibility import Unpacking
from footcore.errors import TooLargeError
from tests.cli_runner import run
from tests.conftest import EXAMPLES
from tests.factories import example_profile
from tests.web.conftest import HOSTS, TODAY, TestClient, make_client

MB = 1_000_000


def zip_bomb(path: Path, members: int = 6, size: int = 45 * MB) -> Path:
    """Zero-filled members, each under the 50 MB file limit: about 45 KB each once packed."""
    zeros = bytes(size)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n in range(members):
            z.writestr(f"run-{n}.gpx", zeros)
    return path


def test_a_zip_of_zeros_is_refused_before_anything_is_unpacked(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.zip")
    assert bomb.stat().st_size < 2 * MB
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError) as refused:
            list(read_activities([bomb], workers=1))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert f"over {limits().max_ratio:g} times its packed size" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert peak < 10 * MB  # nothing was inflated


def test_a_member_read_without_the_declared_check_still_stops_at_the_ratio(
    tmp_path: Path,
) -> None:
    """The ratio is counted again as the bytes come (headers can be wrong): a member is never
    inflated past it, even when the up-front check of its declared size is skipped."""
    bomb = zip_bomb(tmp_path / "bomb.zip", members=1, size=30 * MB)
    with zipfile.ZipFile(bomb) as archive:
        info = archive.infolist()[0]
        budget = unpacking.Budget()
        with pytest.raises(TooLargeError, match="times its packed size"):
            budget.read_member(archive, info, 50 * MB)
    assert budget.left == budget.limit


def test_the_total_is_capped_per_request_across_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(unpacking, "unpacking", lambda: Unpacking(3 * MB, 100.0))
    files = []
    for n in range(4):
        path = tmp_path / f"export-{n}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            z.writestr(f"run-{n}.gpx", os.urandom(900_000))
        files.append(path)
    outcomes = read_activities(files, workers=1)
    read = [next(outcomes) for _ in range(3)]
    assert len(read) == 3
    with pytest.raises(TooLargeError, match=r"over 3 MB \(the limit for one request\)"):
        next(outcomes)


def test_a_gzip_of_zeros_stops_at_the_ratio(tmp_path: Path) -> None:
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb") as f:
        f.write(bytes(20 * MB))
    path = tmp_path / "run.gpx.gz"
    path.write_bytes(packed.getvalue())
    with pytest.raises(TooLargeError, match=r"the \.gz file unpacks to over 100 times"):
        list(read_activities([path], workers=1))


@pytest.fixture
def runner_client(tmp_path: Path) -> Iterator[TestClient]:
    from footcore.entrypoints.http import WebSettings

    settings = WebSettings(
        database_url=f"sqlite:///{tmp_path / 'footcore.db'}",
        allowed_hosts=HOSTS,
        today=lambda: TODAY,
    )
    with make_client(settings) as client:
        profile = example_profile()
        assert client.post("/api/athlete", json={"profile": profile}).status_code == 201
        yield client


def test_an_uploaded_zip_bomb_is_a_413_naming_the_limit(
    runner_client: TestClient, tmp_path: Path
) -> None:
    bomb = zip_bomb(tmp_path / "export.zip").read_bytes()
    tracemalloc.start()
    try:
        r = runner_client.post(
            "/api/runs/upload", files=[("files", ("export.zip", bomb, "application/zip"))]
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status_code == 413, r.text
    assert "over 100 times its packed size" in r.json()["error"]
    assert peak < 40 * MB
    assert runner_client.get("/api/runs").json()["total"] == 0


def test_the_cli_refuses_a_zip_bomb_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTCORE_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("FOOTCORE_HOME", str(tmp_path / "home"))
    start = TODAY.isoformat()
    assert run("init", "--profile", str(EXAMPLES / "runner.toml"), "--start", start).code == 0
    r = run("runs", "import", str(zip_bomb(tmp_path / "bomb.zip")))
    assert r.code == 2, (r.out, r.err)
    assert r.err.count("\n") == 1 and "over 100 times its packed size" in r.err
    assert "Traceback" not in r.err
