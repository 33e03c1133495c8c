"""The engine keeps its connections between transactions: a busy web server (up to 40 worker
threads) must not open and close an SQLite connection, pragmas and all, per request."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from footcore.adapters.storage.database import (
    POOL_SIZE,
    create_engine_for,
    resolve_url,
)

BUSY = 20  # more transactions at once than SQLAlchemy's default pool of 5 keeps


def _busy_moment(engine: Any, at_once: int) -> None:
    """`at_once` transactions open together, then all closed."""
    barrier = threading.Barrier(at_once)

    def one() -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            barrier.wait(timeout=30)

    threads = [threading.Thread(target=one) for _ in range(at_once)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_a_busy_moment_reuses_the_sqlite_connections_it_opened(tmp_path: Path) -> None:
    engine = create_engine_for(resolve_url(f"sqlite:///{tmp_path / 'pool.db'}"))
    opened: list[object] = []
    event.listen(engine, "connect", lambda conn, record: opened.append(conn))
    try:
        _busy_moment(engine, BUSY)
        _busy_moment(engine, BUSY)
        assert len(opened) == BUSY  # the second moment opened none
        with engine.connect() as conn:  # and the pragmas hold on a reused connection
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        engine.dispose()


def test_the_pool_is_as_large_as_the_web_servers_worker_threads() -> None:
    assert POOL_SIZE >= 40  # anyio's default limit of worker threads
    engine = create_engine_for(resolve_url("postgresql://u@127.0.0.1:1/nowhere"))
    assert engine.pool.size() == POOL_SIZE  # type: ignore[attr-defined]


def test_an_in_memory_sqlite_database_keeps_sqlalchemys_own_pool() -> None:
    engine = create_engine_for(resolve_url("sqlite:///:memory:"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()
