"""`footcore serve` on a port that is taken says so in one line and exits with 2 (bad input),
before printing any address: never the address, then exit 3 (the red-flag code)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.cli_runner import run


def test_a_taken_port_is_one_line_and_exit_2_without_an_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTCORE_HOME", str(tmp_path))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = run("serve", "--port", str(port), "--database-url", f"sqlite:///{tmp_path / 'f.db'}")
    assert r.code == 2, (r.out, r.err)
    assert "serving on" not in r.out
    assert r.err == (
        f"footcore: error: port {port} on 127.0.0.1 is taken (is footcore already serving?); "
        "choose another with --port\n"
    )
