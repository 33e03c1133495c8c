"""Mapping the program's stored items (domain/program/items.py) to and from their rows."""

from __future__ import annotations

import json

from footcore.adapters.storage.models import PrescriptionRow, json_text
from footcore.domain.catalog import Dose
from footcore.domain.program.items import StoredItem


def stored_item(row: PrescriptionRow) -> StoredItem:
    return StoredItem(
        position=row.position,
        slot=row.exercise,
        name=row.name,
        category=row.category,
        load=row.load,
        planned_sets=row.planned_sets,
        planned_reps=row.planned_reps,
        planned_hold_s=row.planned_hold_s,
        planned_distance_m=row.planned_distance_m,
        priority=row.priority,
        why=row.why,
        sources=tuple(json.loads(row.sources)),
        exercise_done=row.exercise_done,
        name_done=row.name_done,
        dose=Dose(
            sets=row.sets,
            reps=row.reps,
            hold_s=row.hold_s,
            distance_m=row.distance_m,
            tempo=row.tempo,
            per_side=row.per_side,
            rest_s=row.rest_s,
        ),
        cues=tuple(json.loads(row.cues)),
        adaptation=row.adaptation,
    )


def write_adapted(row: PrescriptionRow, item: StoredItem) -> None:
    """Write what adaptation changes (the exercise done, the dose, cues, note) onto a row."""
    d = item.dose
    row.exercise_done, row.name_done = item.exercise_done, item.name_done
    row.sets, row.reps, row.hold_s, row.distance_m = d.sets, d.reps, d.hold_s, d.distance_m
    row.tempo, row.per_side, row.rest_s = d.tempo, d.per_side, d.rest_s
    row.cues = json_text(list(item.cues))
    row.adaptation = item.adaptation


def item_row(athlete_id: int, item: StoredItem) -> PrescriptionRow:
    row = PrescriptionRow(
        athlete_id=athlete_id,
        position=item.position,
        exercise=item.slot,
        name=item.name,
        category=item.category,
        load=item.load,
        planned_sets=item.planned_sets,
        planned_reps=item.planned_reps,
        planned_hold_s=item.planned_hold_s,
        planned_distance_m=item.planned_distance_m,
        priority=item.priority,
        why=item.why,
        sources=json_text(list(item.sources)),
    )
    write_adapted(row, item)
    return row
