"""One use case in one transaction: the runner opened in a unit of work, the work done on it and
committed. An error leaves nothing written; a red-flag pause that the work stored is committed
first and then raised as RedFlagError, so the entrypoint shows the referral and exits 3."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from footcore.adapters.storage.uow import SqlUnitOfWork
from footcore.domain.knowledge import Rules
from footcore.errors import RedFlagError
from footcore.services.context import Runner, open_runner

T = TypeVar("T")


def in_transaction(
    uow: SqlUnitOfWork, name: str, as_of: date, work: Callable[[Runner], T], r: Rules | None = None
) -> T:
    """Run one use case in one transaction; a pause it stored is raised after the commit."""
    with uow:
        runner = open_runner(uow, name, as_of, r)
        result = work(runner)
        uow.commit()
        if runner.new_pause is not None:
            raise RedFlagError(runner.new_pause.message, runner.new_pause.symptoms)
        return result
