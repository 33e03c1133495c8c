"""Zip archives, read in memory and never extracted: a Strava bulk export, or any zip of files.

A Strava export is recognised by its activities.csv (at the root or in one top folder); its rows
decide what is read: a row whose Activity Type is not a run is skipped without reading its file;
for a run row the file's own sport decides. Any other zip is read member by member.

Guards: the member count is capped, each member read is capped at MAX_FILE_BYTES (zipfile stops
at the declared size, which is checked first), and what is to be read must fit the request's
unpacking budget (unpacking.py): declared sizes up front, then the bytes as they are read.
Names from activities.csv are only ever looked up in the archive's own directory, and absolute
or ".." names are refused, so no path can reach outside.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from footcore.adapters.importers.formats import (
    Pending,
    Step,
    guarded,
    kind_of_name,
    unsupported,
)
from footcore.adapters.importers.limits import (
    MAX_FILE_BYTES,
    MAX_FILE_LABEL,
    MAX_ZIP_MEMBERS,
)
from footcore.adapters.importers.model import Failed, Imported, Skipped
from footcore.adapters.importers.sports import RUNNING, not_a_run, sport_label
from footcore.adapters.importers.strava_csv import StravaRow, manual_run, read_rows
from footcore.adapters.importers.unpacking import Budget
from footcore.errors import FileInputError


@dataclass(frozen=True)
class ZipPlan:
    """What will be read from one archive: Strava rows, or plain member names."""

    root: str
    rows: tuple[StravaRow, ...] = ()
    members: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.rows) + len(self.members)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    if info.file_size > MAX_FILE_BYTES:
        raise FileInputError(f"over the {MAX_FILE_LABEL} limit once unpacked; not read")
    try:
        return budget.read_member(archive, info, MAX_FILE_BYTES)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise FileInputError(f"the archive member is corrupt or encrypted ({exc})") from None


def _sizes(infos: list[zipfile.ZipInfo]) -> list[tuple[int, int]]:
    """(unpacked, packed) of the members that will be read (a member over MAX_FILE_BYTES is
    refused unread, on its own)."""
    return [(i.file_size, i.compress_size) for i in infos if i.file_size <= MAX_FILE_BYTES]


def _safe_name(root: str, filename: str) -> str | None:
    name = filename.replace("\\", "/")
    if name.startswith("/") or ".." in name.split("/") or ":" in name:
        return None
    return posixpath.join(root, name) if root else name


def plan_zip(path: Path, budget: Budget) -> ZipPlan:
    """Open the archive once to decide what to read; every problem is a FileInputError (an
    archive over the unpacking limits: TooLargeError, before anything is unpacked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                raise FileInputError(f"the archive holds over {MAX_ZIP_MEMBERS} members; refused")
            files = {i.filename: i for i in infos if not i.is_dir()}
            csvs = sorted((n for n in files if posixpath.basename(n) == "activities.csv"), key=len)
            if not csvs:
                members = tuple(sorted(files))
                read = [files[n] for n in members if kind_of_name(n)[0] not in (None, "zip")]
                budget.check_declared(path.name, _sizes(read))
                plan = ZipPlan("", members=members)
            else:
                root = posixpath.dirname(csvs[0])
                csv = files[csvs[0]]
                budget.check_declared(path.name, [(csv.file_size, csv.compress_size)])
                rows = tuple(read_rows(_read_member(archive, csv, budget)))
                named = {_safe_name(root, r.filename) for r in rows if r.filename}
                read = [files[n] for n in named if n in files]
                budget.check_declared(path.name, _sizes(read))
                plan = ZipPlan(root, rows=rows)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise FileInputError(f"not a readable zip archive ({exc})") from None
    except OSError as exc:
        raise FileInputError(f"cannot read the archive ({exc.strerror or exc})") from None
    return plan


def _row_outcome(
    archive: zipfile.ZipFile, source: str, root: str, row: StravaRow, budget: Budget
) -> Step:
    label = sport_label(row.activity_type or "unknown")
    if label != RUNNING:
        return Skipped(source, not_a_run(label), label)
    if not row.filename:
        run = manual_run(source, row)
        return Imported(source, (run,), ("manual entry: figures from activities.csv",))
    name = _safe_name(root, row.filename)
    if name is None:
        return Failed(source, f"activities.csv names an unsafe path '{row.filename}'; refused")
    try:
        info = archive.getinfo(name)
    except KeyError:
        return Failed(source, "listed in activities.csv but missing from the archive")
    return Pending(source, name, _read_member(archive, info, budget))


def _member_outcome(archive: zipfile.ZipFile, source: str, name: str, budget: Budget) -> Step:
    kind, _ = kind_of_name(name)
    if kind == "zip":
        return Skipped(source, "a zip inside a zip is not read; unpack the outer one first")
    if kind is None:
        return Skipped(source, unsupported(name))
    return Pending(source, name, _read_member(archive, archive.getinfo(name), budget))


def read_zip(path: Path, plan: ZipPlan, budget: Budget) -> Iterator[Step]:
    """One outcome (or member read, its parse pending) per planned row or member, in order."""
    zip_source = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        for _ in range(plan.count):
            yield Failed(zip_source, f"the archive can no longer be read ({exc})")
        return
    with archive:
        for row in plan.rows:
            where = row.filename or f"activities.csv row {row.number}"
            source = f"{zip_source}!{where}"
            yield guarded(source, partial(_row_outcome, archive, source, plan.root, row, budget))
        for name in plan.members:
            source = f"{zip_source}!{name}"
            yield guarded(source, partial(_member_outcome, archive, source, name, budget))
