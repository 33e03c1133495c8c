"""One athlete's training program as the domain sees it: its pause, its planned sessions with
their prescriptions, and its logs; with the behaviour that changes it (`Program.log`).

Pure like the rest of the domain. Storage maps rows to and from it behind the unit of work
(`uow.programs`, adapters/storage/programs.py); tests use an in-memory fake (tests/fakes.py).
"""

from footcore.domain.program.checkins import CheckIn
from footcore.domain.program.logbook import LogEntry, Logged, LogRecord
from footcore.domain.program.model import ClearedPause, Pause, PlannedItem, PlannedSession, Program

__all__ = [
    "CheckIn",
    "ClearedPause",
    "LogEntry",
    "LogRecord",
    "Logged",
    "Pause",
    "PlannedItem",
    "PlannedSession",
    "Program",
]
