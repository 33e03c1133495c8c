"""`footcore accounts` end to end: add with a password or an invitation, list, grant, revoke,
disable, and bad input as one line with exit code 2."""

from __future__ import annotations

import json

import pytest

from tests.cli_runner import run


def test_an_admin_sets_up_a_coach_and_an_athlete(sqlite_cli: str) -> None:
    r = run("accounts", "list")
    assert r.code == 0 and "team mode is off" in r.out
    r = run(
        "accounts",
        "add",
        "coach@club.example",
        "--role",
        "coach",
        "--password-stdin",
        stdin="a coach's long passphrase\n",
    )
    assert r.code == 0, r.err
    assert "passphrase" not in r.out + r.err
    r = run("accounts", "add", "ana@club.example", "--role", "athlete", "--athlete", "ana")
    assert r.code == 0, r.err
    code = r.out.splitlines()[1]
    assert len(code) >= 40 and "valid 7 days" in r.out
    r = run("accounts", "grant", "coach@club.example", "ana", "--access", "edit")
    assert r.code == 0, r.err
    listed = json.loads(run("accounts", "list", "--format", "json").out)
    assert [(a["email"], a["invited"], a["grants"]) for a in listed] == [
        ("ana@club.example", True, []),
        ("coach@club.example", False, [{"athlete": "ana", "access": "edit"}]),
    ]
    assert run("accounts", "revoke", "coach@club.example", "ana").code == 0
    assert run("accounts", "disable", "ana@club.example").code == 0
    r = run("accounts", "list")
    assert "ana@club.example  athlete  disabled athlete ana" in r.out
    assert "access:" not in r.out


@pytest.mark.parametrize(
    ("args", "stdin", "text"),
    [
        (("add", "nobody", "--role", "coach"), "", "not an email address"),
        (("add", "a@b.example", "--role", "athlete"), "", "needs --athlete"),
        (("add", "a@b.example", "--role", "coach", "--password-stdin"), "short\n", "shorter than"),
        (("grant", "a@b.example", "ana", "--access", "view"), "", "no account a@b.example"),
        (("revoke", "a@b.example", "ana"), "", "no access to 'ana'"),
        (("disable", "a@b.example"), "", "no account"),
        (("add", "a@b.example", "--role", "boss"), "", "'boss' is not one of"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    sqlite_cli: str, args: tuple[str, ...], stdin: str, text: str
) -> None:
    r = run("accounts", *args, stdin=stdin)
    assert r.code == 2, r.out + r.err
    assert text in r.err and len(r.err.strip().splitlines()) == 1
    assert "team mode is off" in run("accounts", "list").out
