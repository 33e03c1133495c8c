"""Text and JSON for `footcore runs`, `load` and `shoes`, every distance and pace in the
runner's units (units.py). JSON keeps metres and seconds in `*_m`/`*_s` fields and adds the same
distance in the runner's units next to them, under the key without the suffix."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from footcore.presentation.evidence import cite_all
from footcore.presentation.units import Units, duration_text, units_of

if TYPE_CHECKING:
    from footcore.services.running import ImportReport, LoadReport, RunsView, StoredRun

MAX_LISTED = 50  # imported runs named one by one in text; JSON lists every file


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:+.0f}%"


def _sources(sources: tuple[str, ...] | list[str]) -> str:
    return f"[{cite_all(sources)}]"


# Runs ---------------------------------------------------------------------------------------------


def run_line(run: StoredRun, u: Units) -> str:
    when = (
        run.day.isoformat()
        if run.distance_source == "manual"
        else f"{run.start:%Y-%m-%d %H:%M} UTC"
    )
    extras = [
        text
        for text, given in (
            (f"effort {run.rpe}/10", run.rpe is not None),
            (f"{run.surface}", run.surface is not None),
            (f"in {run.shoe}", run.shoe is not None),
        )
        if given
    ]
    if run.distance_m <= 0:  # stored before such runs were refused: time only, no pace
        return (
            f"{when}  no distance  {duration_text(run.moving_s)} moving, "
            f"{duration_text(run.elapsed_s)} elapsed" + "".join(f", {e}" for e in extras)
        )
    return (
        f"{when}  {u.distance_text(run.distance_m)}  {duration_text(run.moving_s)} moving"
        f" ({u.pace_text(run.moving_s, run.distance_m)}), {duration_text(run.elapsed_s)}"
        f" elapsed" + "".join(f", {e}" for e in extras)
    )


def added_text(run: StoredRun) -> str:
    u = units_of(run.units)
    lines = [f"Stored the run of {run.day.isoformat()}: {run_line(run, u)}."]
    if run.spike:
        lines.append(f"Spike: {u.text(run.spike)}.")
    if run.restricted_until is not None:
        lines.append(
            "The foot plan leaves out plyometric and high-load items until "
            f"{run.restricted_until.isoformat()} (`footcore today` shows what stays)."
        )
    return "\n".join(lines)


def run_dict(run: StoredRun, u: Units) -> dict[str, Any]:
    return {
        "start": run.start.isoformat(),
        "date": run.day.isoformat(),
        "distance_m": run.distance_m,
        "distance": u.distance(run.distance_m),
        "elapsed_s": run.elapsed_s,
        "moving_s": run.moving_s,
        "pace": u.pace_text(run.moving_s, run.distance_m),
        "rpe": run.rpe,
        "shoe": run.shoe,
        "surface": run.surface,
        "source": run.source,
        "distance_source": run.distance_source,
        "device": run.device,
    }


def runs_text(view: RunsView) -> str:
    u = units_of(view.units)
    if not view.runs:
        return "No runs stored yet: `footcore runs add` or `footcore runs import FILES`."
    lines = [run_line(r, u) for r in view.runs]
    more = view.total - len(view.runs)
    lines.append(
        f"{view.total} runs stored" + (f"; the latest {len(view.runs)} shown." if more else ".")
    )
    return "\n".join(lines)


def runs_dict(view: RunsView) -> dict[str, Any]:
    u = units_of(view.units)
    return {"units": view.units, "total": view.total, "runs": [run_dict(r, u) for r in view.runs]}


def import_text(report: ImportReport) -> str:
    u = units_of(report.units)
    files = len(report.imported) + len(report.duplicates) + len(report.skipped) + len(report.failed)
    lines = [
        f"Imported {len(report.imported)} run(s); {len(report.duplicates)} duplicate(s), "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed ({files} in all)."
    ]
    for r in report.imported[:MAX_LISTED]:
        lines.append(
            f"  imported   {r.file}: {r.start:%Y-%m-%d %H:%M} UTC, "
            f"{u.distance_text(r.distance_m)}, {duration_text(r.moving_s)} moving, "
            f"{duration_text(r.elapsed_s)} elapsed"
        )
    if len(report.imported) > MAX_LISTED:
        lines.append(
            f"  ... and {len(report.imported) - MAX_LISTED} more imported "
            "(--format json lists every file)"
        )
    lines += [f"  duplicate  {f}: already stored" for f in report.duplicates]
    lines += [f"  skipped    {f}: {why}" for f, why in report.skipped]
    lines += [f"  failed     {f}: {why}" for f, why in report.failed]
    lines += [f"  note       {f}: {note}" for f, note in report.notes]
    if report.unconfirmed:
        lines.append(
            "A questionable run is stored once confirmed: answer the question at a terminal, "
            "or import it again with --yes."
        )
    if report.restricted_days:
        days = ", ".join(d.isoformat() for d in report.restricted_days)
        lines.append(
            f"The foot plan leaves out plyometric and high-load items on {days} "
            "(`footcore load` says why)."
        )
    return "\n".join(lines)


# Load ---------------------------------------------------------------------------------------------


def _spike_rows(shown: list[Any], u: Any) -> list[str]:
    """One row per run (its distance, the longest run before it, the change, the band), then
    what each band means, once: the reason is not repeated on every run of the same band."""
    rows = [
        f"  {'run of':<11} {'distance':>11} {'longest':>11} {'change':>7}  band",
    ]
    meanings: dict[str, str] = {}
    for s in shown:
        band = "-" if s.spike.band.value == "none" else s.spike.band.value
        reference = s.spike.reference_m or 0.0
        rows.append(
            f"  {s.spike.run_date.isoformat():<11} {u.distance_text(s.spike.distance_m):>11} "
            f"{u.distance_text(reference):>11} {_pct(s.spike.increase_pct):>7}  {band}"
            + ("  -> restricts the foot plan" if s.restricts else "")
        )
        # The sentence ends "... (12.70 km): a small spike (over 10%; ...)": keep what follows.
        _, _, meaning = s.text.partition("): ")
        if meaning and band != "-" and band not in meanings:
            meanings[band] = meaning
    rows += [f"  {band}: {u.text(text)}" for band, text in meanings.items()]
    if len(rows) > 1:
        rows.append("  -: within the reference band (no spike)")
    return rows


def load_text(r: LoadReport) -> str:
    u = units_of(r.units)
    lines = [
        f"Running load, weeks up to {r.as_of.isoformat()} ({u.name})",
        f"  {'week of':<11} {'distance':>11} {'moving':>9} {'runs':>5} {'change':>7}",
    ]
    for w in r.weeks:
        lines.append(
            f"  {w.week_start.isoformat():<11} {u.distance_text(w.distance_m):>11} "
            f"{duration_text(w.moving_s):>9} {w.runs:>5} {_pct(w.change_pct):>7}"
        )
    lines.append(f"  {r.weekly_note} {_sources(r.weekly_sources)}")
    lines.append(
        "Single-run spikes (each run against the longest run of the previous 30 days, "
        f"Frandsen 2025) {_sources(r.spike_sources)}:"
    )
    shown = [s for s in r.spikes if s.spike.band is not None]
    lines += _spike_rows(shown, u)
    if not shown:
        lines.append("  none in these weeks")
    if r.acwr is not None and r.acwr.ratio is not None:
        lines.append(
            f"Acute:chronic ratio on {r.acwr.date.isoformat()} (EWMA, 7 and 28 days, "
            f"Williams 2017): {r.acwr.ratio:.2f} (acute "
            f"{u.distance_text(r.acwr.acute * 1000)}/day, chronic "
            f"{u.distance_text(r.acwr.chronic * 1000)}/day)"
        )
    else:
        lines.append("Acute:chronic ratio: no running yet to compute it from.")
    lines += [f"  {line}" for line in r.acwr_lines]
    if r.restrictions:
        lines.append("Foot plan: plyometric and high-load items are left out on these days:")
        lines += [
            f"  {x.day.isoformat()}: {u.text(x.reason)} {_sources(x.sources)}"
            for x in r.restrictions
        ]
    else:
        lines.append("Foot plan: no restriction from the running load.")
    return "\n".join(lines)


def load_dict(r: LoadReport) -> dict[str, Any]:
    u = units_of(r.units)
    acwr = None
    if r.acwr is not None:
        acwr = {
            "date": r.acwr.date.isoformat(),
            "ratio": r.acwr.ratio,
            "acute_per_day": u.distance(r.acwr.acute * 1000, 3),
            "chronic_per_day": u.distance(r.acwr.chronic * 1000, 3),
        }
    return {
        "units": r.units,
        "as_of": r.as_of.isoformat(),
        "weeks": [
            {
                "week_start": w.week_start.isoformat(),
                "distance_m": w.distance_m,
                "distance": u.distance(w.distance_m),
                "moving_s": w.moving_s,
                "runs": w.runs,
                "change_pct": w.change_pct,
            }
            for w in r.weeks
        ],
        "weekly_note": r.weekly_note,
        "weekly_sources": list(r.weekly_sources),
        "spikes": [
            {
                "date": s.spike.run_date.isoformat(),
                "distance_m": s.spike.distance_m,
                "distance": u.distance(s.spike.distance_m),
                "reference_m": s.spike.reference_m,
                "increase_pct": s.spike.increase_pct,
                "band": s.spike.band.value if s.spike.band is not None else None,
                "restricts": s.restricts,
                "text": u.text(s.text),
            }
            for s in r.spikes
        ],
        "spike_sources": list(r.spike_sources),
        "acwr": acwr,
        "acwr_caveat": r.acwr_lines[0],
        "acwr_context": list(r.acwr_lines[1:]),
        "acwr_sources": list(r.acwr_sources),
        "restrictions": [
            {
                "day": x.day.isoformat(),
                "trigger_date": x.trigger_date.isoformat(),
                "trigger": x.trigger.value,
                "drops": sorted(d.value for d in x.drops),
                "reason": u.text(x.reason),
                "sources": list(x.sources),
            }
            for x in r.restrictions
        ],
    }
