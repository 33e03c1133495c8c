"""Migration 0003 upgrades an older database in place, on SQLite and PostgreSQL: a decision's old
`date` (the day it was made) moves to `made_at` and a decision about a session takes the session's
date; check-ins gain stiffness and pauses who cleared them, both empty. An export from before 0003
(without the new fields) still imports."""

from __future__ import annotations

import json
from datetime import date

from alembic import command
from sqlalchemy import text

from footcore.adapters.storage.database import (
    HEAD_REVISION,
    alembic_config,
    create_engine_for,
    current_revision,
    resolve_url,
)
from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.services import training
from tests.factories import example_profile, example_results

ROWS = """
INSERT INTO athletes (id, name, created_on) VALUES (1, 'old', '2026-01-05');
INSERT INTO checkins (athlete_id, date, area, morning_pain, symptoms)
    VALUES (1, '2026-01-07', '', 2, '[]');
INSERT INTO pauses (athlete_id, started, symptoms, message, cleared)
    VALUES (1, '2026-01-08', '["fever"]', 'See a doctor.', '2026-01-10');
INSERT INTO decisions (athlete_id, seq, date, session_date, exercise, kind, action, variant,
    reason, sources) VALUES
    (1, 1, '2026-01-09', '2026-01-06', 'marble_pickup', 'hold', 'none', NULL, 'r', '[]'),
    (1, 2, '2026-01-10', NULL, '', 'resume', 'none', NULL, 'r', '[]');
"""


def test_an_older_database_upgrades_in_place(empty_database_url: str) -> None:
    # An empty database, not `database_url`: that one is a copy of a template already migrated to
    # the head, where "upgrade to 0002" changes nothing and the old rows would land in the new
    # schema.
    db = resolve_url(empty_database_url)
    engine = create_engine_for(db)
    try:
        cfg = alembic_config(engine)
        command.upgrade(cfg, "0002_running")
        assert current_revision(engine) == "0002_running"
        with engine.begin() as conn:
            for statement in ROWS.split(";"):
                if statement.strip():
                    conn.execute(text(statement))
        command.upgrade(cfg, "head")
        assert current_revision(engine) == HEAD_REVISION
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT seq, date, session_date, made_at FROM decisions ORDER BY seq")
            ).all()
            checkin = conn.execute(text("SELECT morning_pain, stiffness FROM checkins")).one()
            pause = conn.execute(text("SELECT cleared, cleared_by FROM pauses")).one()

        def day(value: object) -> date:
            return value if isinstance(value, date) else date.fromisoformat(str(value))

        assert [(r[0], day(r[1]), r[2] and day(r[2]), day(r[3])) for r in rows] == [
            (1, date(2026, 1, 6), date(2026, 1, 6), date(2026, 1, 9)),
            (2, date(2026, 1, 10), None, date(2026, 1, 10)),
        ]
        assert tuple(checkin) == (2, None)
        assert (day(pause[0]), pause[1]) == (date(2026, 1, 10), None)
        command.downgrade(cfg, "0002_running")
        with engine.connect() as conn:
            back = conn.execute(text("SELECT date FROM decisions ORDER BY seq")).scalars().all()
        assert [day(v) for v in back] == [date(2026, 1, 9), date(2026, 1, 10)]
    finally:
        engine.dispose()


def test_an_export_from_before_0003_still_imports(uow: SqlUnitOfWork) -> None:

    from footcore.adapters.inputs import results_from_mapping

    profile = example_profile()
    results = example_results()
    start = date(2026, 1, 5)
    training.init(
        uow, "ana", profile, "runner.toml", results_from_mapping(results), results, start, 4, start
    )
    training.checkin(uow, "ana", start, 1, "", [], start, stiffness=3)
    doc = json.loads(training.export(uow, "ana", start))
    for table, column in (("checkins", "stiffness"), ("decisions", "made_at")):
        for record in doc[table]:
            record.pop(column, None)
    assert training.import_data(uow, json.dumps(doc), "old.json", "bea") == "bea"
    again = json.loads(training.export(uow, "bea", start))
    assert [c["stiffness"] for c in again["checkins"]] == [None]
