"""`footcore serve`: the local web app and REST API on the same database as the CLI."""

from __future__ import annotations

import errno
import socket

import click

from footcore.entrypoints.cli.base import cli
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
    from footcore.entrypoints.http import WebSettings, create_app
    from footcore.entrypoints.http.security.secret import persistent_secret
    from footcore.entrypoints.http.settings import LOOPBACK_HOSTS

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
        from footcore.entrypoints.cli.options import demo_database

        database_url, athlete = demo_database()
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
    sock = listening_socket(host, port)  # before the address is printed: a taken port says so
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"footcore: serving on http://{shown}:{port}/ (Ctrl+C stops)")
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        date_header=False,
    )
    with sock:
        uvicorn.Server(config).run(sockets=[sock])


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


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket, bound here so that a port in use is one line and exit 2 (uvicorn
    alone prints the address, then exits with 3, footcore's red-flag code)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror:
        raise InputError(f"--host {host}: no such address on this machine") from None
    sock = socket.socket(family, kind, proto)
    # As uvicorn does: a port left in TIME_WAIT by the last run is free to use again.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise InputError(
                f"port {port} on {host} is taken (is footcore already serving?); "
                "choose another with --port"
            ) from None
        raise InputError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    sock.set_inheritable(True)
    return sock
