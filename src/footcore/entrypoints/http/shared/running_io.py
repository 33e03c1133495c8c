"""Uploads of activity files for the running services: written to a private temporary folder
under their own (sanitised) names, imported, and gone; and the import report as the page's and
the API's summary. `import_upload` is the whole of it, for the API's and the page's upload."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request

from footcore.entrypoints.http.shared import forms
from footcore.errors import InputError
from footcore.presentation.runs import import_text
from footcore.services import running

if TYPE_CHECKING:
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.services.running import ImportReport

# Why: a Strava export is one zip; 200 single files is several months of a watch's runs, and the
# whole body is already capped at 60 MB by the middleware.
MAX_FILES = 200
CHUNK = 1 << 20


@dataclass(frozen=True)
class Uploaded:
    folder: Path
    paths: list[Path]


def _safe_name(raw: str | None, n: int) -> str:
    base = Path((raw or "").replace("\\", "/")).name
    base = re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" .") or f"file-{n}"
    return base[:120]


async def save(files: Sequence[Any]) -> Uploaded:
    """Write the uploaded files to a new private folder; the caller removes it (discard)."""
    uploads = [f for f in files if isinstance(f, UploadFile)]
    if not uploads:
        raise InputError(
            "choose one or more activity files (FIT, GPX, TCX, .gz or a Strava export zip)", "files"
        )
    if len(uploads) > MAX_FILES:
        raise InputError(
            f"{len(uploads)} files at once; send at most {MAX_FILES} (or one zip)", "files"
        )
    folder = Path(tempfile.mkdtemp(prefix="footcore-upload-"))
    paths: list[Path] = []
    try:
        for n, upload in enumerate(uploads, start=1):
            name = _safe_name(upload.filename, n)
            target = folder / f"{n:03d}" / name  # a folder each: two files may share a name
            target.parent.mkdir()
            with target.open("wb") as out:
                while chunk := await upload.read(CHUNK):
                    out.write(chunk)
            paths.append(target)
    except BaseException:
        discard(folder)
        raise
    return Uploaded(folder, paths)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def report_dict(report: ImportReport, folder: Path) -> dict[str, Any]:
    """The summary line and one line per file, with the temporary folder out of the names."""

    def show(source: str) -> str:
        text = source.replace(str(folder) + "/", "")
        return re.sub(r"^\d{3}/", "", text)

    files: list[dict[str, Any]] = []
    seen: set[str] = set()
    for run in report.imported:
        if run.file not in seen:
            seen.add(run.file)
            count = sum(1 for r in report.imported if r.file == run.file)
            files.append(
                {"source": show(run.file), "outcome": "imported", "detail": f"{count} run(s)"}
            )
    files += [
        {"source": show(f), "outcome": "duplicate", "detail": "already stored"}
        for f in report.duplicates
    ]
    files += [{"source": show(f), "outcome": "skipped", "detail": why} for f, why in report.skipped]
    files += [{"source": show(f), "outcome": "failed", "detail": why} for f, why in report.failed]
    files += [{"source": show(f), "outcome": "note", "detail": note} for f, note in report.notes]
    summary = import_text(report).splitlines()[0].replace(str(folder) + "/", "")
    return {"summary": summary, "files": files, "restricted_days": report.restricted_days}


def restricted(days: Sequence[date]) -> str:
    return ", ".join(d.isoformat() for d in days)


async def import_upload(
    request: Request,
    uow: Callable[[], SqlUnitOfWork],
    athlete: str,
    today: date,
    confirmed: Callable[[str], bool],
) -> dict[str, Any]:
    """Import the form's `files` (`shoe` optional; `confirm`, read by `confirmed`, stores runs
    from questionable files that would be a large spike), each file whole or not, in a worker
    thread; the summary as report_dict gives it. The uploaded files are gone afterwards."""
    async with request.form(max_files=MAX_FILES) as form:
        shoe = forms.text(form, "shoe") or None
        sure = confirmed(forms.text(form, "confirm"))
        uploaded = await save(form.getlist("files"))
    try:
        report = await run_in_threadpool(
            running.import_paths,
            uow(),
            athlete,
            uploaded.paths,
            today,
            None,
            1,
            shoe,
            (lambda _question: True) if sure else None,
        )
        return report_dict(report, uploaded.folder)
    finally:
        discard(uploaded.folder)
