"""The unit of work: one transaction per command. `with uow: ...; uow.commit()`; leaving the block
without commit rolls everything back, so a failure (or a killed process) half-way through a write
leaves nothing half written."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from footcore.adapters.storage.database import DatabaseUrl, open_engine
from footcore.adapters.storage.program_calendar import CalendarRepository
from footcore.adapters.storage.program_slots import SlotRepository
from footcore.adapters.storage.programs import ProgramRepository
from footcore.adapters.storage.repository import Repository
from footcore.errors import StorageError


class SqlUnitOfWork:
    def __init__(self, engine: Engine, db: DatabaseUrl) -> None:
        self.engine = engine
        self.db = db
        self._session: Session | None = None
        self._repo: Repository | None = None
        self._programs: ProgramRepository | None = None
        self._slots: SlotRepository | None = None
        self._calendar: CalendarRepository | None = None

    @classmethod
    def connect(cls, url: str | None = None) -> SqlUnitOfWork:
        engine, db = open_engine(url)
        return cls(engine, db)

    @property
    def repo(self) -> Repository:
        if self._repo is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._repo

    @property
    def programs(self) -> ProgramRepository:
        """The athletes' programs as the domain sees them (domain/program)."""
        if self._programs is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._programs

    @property
    def slots(self) -> SlotRepository:
        """The slots' decisions, levels, items and coaches' edits as values (domain/program)."""
        if self._slots is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._slots

    @property
    def calendar(self) -> CalendarRepository:
        """The programs' calendars: weeks, stored sessions, retests (domain/program/calendar)."""
        if self._calendar is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._calendar

    def __enter__(self) -> SqlUnitOfWork:
        # A plain Session, not a sessionmaker per unit of work: each sessionmaker makes a Session
        # subclass, whose event dispatch SQLAlchemy then builds again (a tenth of a web log).
        self._session = Session(self.engine, expire_on_commit=False, autoflush=True)
        self._repo = Repository(self._session)
        self._programs = ProgramRepository(self._session)
        self._slots = SlotRepository(self._session)
        self._calendar = CalendarRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session, self._session, self._repo = self._session, None, None
        self._programs = None
        self._slots = None
        self._calendar = None
        if session is None:
            return
        try:
            session.rollback()
        finally:
            session.close()
        if isinstance(exc, OperationalError):
            raise StorageError(
                f"the database at {self.db.display} failed: {str(exc.orig).splitlines()[0]}"
            ) from None

    def commit(self) -> None:
        if self._session is None:
            raise RuntimeError("commit outside the unit of work")
        try:
            self._session.commit()
        except SQLAlchemyError as exc:
            self._session.rollback()
            raise StorageError(
                f"the database at {self.db.display} refused the write: "
                f"{str(getattr(exc, 'orig', exc)).splitlines()[0]}"
            ) from None

    def dispose(self) -> None:
        self.engine.dispose()
