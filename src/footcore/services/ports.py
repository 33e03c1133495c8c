"""What the services receive from the composition root instead of importing it: the knowledge and
rules built once from the data files, and the pictures. `footcore.bootstrap` installs them when it
is imported (every entrypoint imports it first); the services only ever ask this module, so the
arrows point downwards and a test may install knowledge of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from footcore.adapters.pictures.datafile import Pictures
    from footcore.domain.knowledge import Knowledge, Rules
    from footcore.domain.program import Pause, Program


class Programs(Protocol):
    """The programs' repository: `uow.programs` (adapters/storage/programs.py; tests/fakes.py)."""

    def pause(self, athlete_id: int) -> Pause | None: ...

    def add_pause(self, athlete_id: int, pause: Pause) -> None: ...

    def get(
        self,
        athlete_id: int,
        as_of: date,
        days: Iterable[date],
        pause: Pause | None,
        checkins: bool = False,
    ) -> Program: ...

    def save(self, program: Program) -> None: ...


@dataclass(frozen=True)
class Dependencies:
    """Factories, each called on first use (a command such as `today` never loads the planner)."""

    knowledge: Callable[[], Knowledge]
    rules: Callable[[], Rules]
    pictures: Callable[[], Pictures]


_installed: list[Dependencies] = []


def install(deps: Dependencies) -> None:
    _installed[:] = [deps]


def _deps() -> Dependencies:
    if not _installed:
        raise RuntimeError("the services are used before footcore.bootstrap wired them")
    return _installed[0]


def knowledge() -> Knowledge:
    return _deps().knowledge()


def rules() -> Rules:
    return _deps().rules()


def pictures() -> Pictures:
    return _deps().pictures()
