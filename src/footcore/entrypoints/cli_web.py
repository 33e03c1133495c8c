"""`footcore serve`: the local web app and REST API on the same database as the CLI."""

from __future__ import annotations

import click

from footcore.entrypoints.cli import cli
from footcore.errors import InputError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Only loopback by default: anything else lets other "
    "machines read your health data.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--database-url",
    help="Database URL (default: FOOTCORE_DATABASE_URL, else a SQLite file in your data folder).",
)
@click.option("--athlete", help="The athlete to serve (default: the only or default one).")
@click.option(
    "--demo",
    is_flag=True,
    help="Serve the demo runner (demo.db next to your own database, never in it; "
    "built first if missing, which takes about half a minute).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    help="Another host name the browser may use (repeat), for --host other than loopback.",
)
@click.option(
    "--behind-tls",
    is_flag=True,
    help="Team mode behind a TLS reverse proxy: session cookies get Secure and __Host-.",
)
def serve_cmd(
    host: str,
    port: int,
    database_url: str | None,
    athlete: str | None,
    demo: bool,
    allow_hosts: tuple[str, ...],
    behind_tls: bool,
) -> None:
    """Serve the web app and the API (open the printed address in a browser)."""
    import uvicorn

    from footcore.adapters.storage.database import data_home
    from footcore.entrypoints.web import WebSettings, create_app
    from footcore.entrypoints.web.secret import persistent_secret
    from footcore.entrypoints.web.settings import LOOPBACK_HOSTS

    hosts = list(LOOPBACK_HOSTS) + list(allow_hosts)
    if host not in LOOPBACK and not allow_hosts:
        raise InputError(
            f"--host {host} would serve your data beyond this machine; name the host "
            "name(s) browsers will use with --allow-host (e.g. --allow-host 192.168.1.20)"
        )
    if demo:
        if database_url or athlete:
            raise InputError(
                "--demo serves the demo runner in demo.db; leave out --database-url and --athlete"
            )
        database_url, athlete = _demo_database()
    if host not in LOOPBACK or behind_tls:
        # a proxy on this machine takes a loopback server to the network just the same
        _require_team_mode(database_url, host)
        if host not in LOOPBACK:
            click.echo(
                f"footcore: warning: listening on {host}: other machines can reach it", err=True
            )
    settings = WebSettings(
        database_url=database_url,
        athlete=athlete,
        allowed_hosts=tuple(hosts),
        secret_key=persistent_secret(data_home()),
        secure_cookies=behind_tls,
    )
    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"footcore: serving on http://{shown}:{port}/ (Ctrl+C stops)")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        date_header=False,
    )


def _require_team_mode(database_url: str | None, host: str) -> None:
    """Beyond loopback only with log-ins: without accounts anyone who reaches the server could
    read every runner's health data. Exit code 2 (bad input) when team mode is off."""
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.services.accounts import team_mode

    uow = SqlUnitOfWork.connect(database_url)
    try:
        on = team_mode(uow)
    finally:
        uow.dispose()
    if not on:
        raise InputError(
            f"serving beyond this machine (--host {host} or --behind-tls) needs team mode "
            "(log-ins): add an admin first with `footcore "
            "accounts add EMAIL --role admin --password-stdin`, or serve on 127.0.0.1"
        )


def _demo_database() -> tuple[str, str]:
    """The demo's database URL and runner, building the demo through its service if needed."""
    from datetime import date

    from footcore.adapters.storage.database import data_home
    from footcore.adapters.storage.uow import SqlUnitOfWork
    from footcore.services import demo

    url = f"sqlite:///{data_home() / 'demo.db'}"
    uow = SqlUnitOfWork.connect(url)
    try:
        with uow:
            missing = uow.repo.athlete(demo.NAME) is None
        if missing:
            click.echo("footcore: building the demo runner (about half a minute)...")
            demo.build(uow, date.today())
    finally:
        uow.dispose()
    return url, demo.NAME
