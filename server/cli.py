"""``hatif-server``: serve, migrate, seed-demo, import, create-user, the account
lifecycle (deactivate-user, reactivate-user, reset-password, revoke-tokens),
catalogue, webhook-secret, prune-changes, prune-sync.

Every command works on the database of ``--db`` or ``HATIF_DATABASE_URL`` and
says which one first (on stderr, password hidden). Without either it refuses,
rather than quietly creating a private SQLite file no other command would find;
an existing file at the old default place is still used, and named.

The desktop's demo mode runs ``python -m server.cli seed-demo --demo --password demo``
then ``python -m server.cli serve --db sqlite:///... --port N`` and waits for
the line ``Hatif server listening on http://HOST:PORT``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import socket
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import platformdirs
import uvicorn
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from uvicorn.supervisors import Multiprocess

from core.domain_error import DomainError
from core.order_transitions import Role
from core.wire.catalogue import ArticleWire, CityWire
from server.asgi import DATABASE_URL_ENV
from server.auth.password_rules import require_strong_password
from server.config import MIB, env_name
from server.db.migrate import upgrade_database
from server.db.models_catalogue import Article, City
from server.db.models_users import Team, User
from server.db.session import open_database
from server.services.accounts import (
    deactivate_user,
    reactivate_user,
    reset_password,
    revoke_tokens_of,
)
from server.services.catalogue import article_wire, city_wire, upsert_article, upsert_city
from server.services.change_log import prune_changes_older_than
from server.services.csv_import import import_csv
from server.services.db_clock import db_now
from server.services.demo_seed import seed_demo
from server.services.errors import ServiceError
from server.services.settings_store import load_settings, save_webhook_secret
from server.services.sync_pruning import prune_sync_bookkeeping
from server.services.users import create_team, create_user

LISTENING_PREFIX = "Hatif server listening on"


class CatalogueFile(BaseModel):
    """The JSON file of ``hatif-server catalogue``."""

    articles: list[ArticleWire] = Field(default_factory=list)
    cities: list[CityWire] = Field(default_factory=list)


class NoDatabaseChosen(Exception):
    """Neither --db nor HATIF_DATABASE_URL, and no database at the old default place."""


def legacy_default_database() -> Path:
    """Where earlier versions created a SQLite file when no database was named."""
    return Path(platformdirs.user_data_dir("hatif-server", appauthor=False)) / "hatif.db"


def shown_url(url: str) -> str:
    """The URL with its password hidden, for the console and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can parse: open_database will say why
        return url


def _database_url(args: argparse.Namespace) -> str:
    """The database this command works on, announced on stderr."""
    if args.db:
        url, origin = str(args.db), "--db"
    elif os.environ.get(DATABASE_URL_ENV):
        url, origin = os.environ[DATABASE_URL_ENV], DATABASE_URL_ENV
    elif legacy_default_database().is_file():
        url = f"sqlite:///{legacy_default_database()}"
        origin = f"the old default file; set {DATABASE_URL_ENV} to keep using it"
    else:
        raise NoDatabaseChosen(
            f"no database named: set {DATABASE_URL_ENV} (e.g. in the service's "
            f"EnvironmentFile) or pass --db, e.g. --db postgresql://hatif@/hatif or "
            f"--db sqlite:////var/lib/hatif/hatif.db (docs/it-guide.md, Running the server)")
    print(f"hatif-server: database {shown_url(url)} (from {origin})", file=sys.stderr,
          flush=True)
    return url


def cmd_migrate(args: argparse.Namespace) -> int:
    applied = upgrade_database(_database_url(args))
    if applied:
        print(f"Applied {len(applied)} migration(s):")
        for line in applied:
            print(f"  {line}")
    else:
        print("Nothing to apply: the database was already at the newest schema.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    url = _database_url(args)
    if not args.no_migrate:
        upgrade_database(url)
    # Bind first so the printed port is the real one (--port 0 picks a free port)
    # and clients connecting right after the line queue in the backlog.
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this. Uvicorn is handed the socket as a bare fd,
    # so asyncio does not set it itself; without it every response's body waits
    # behind its headers for the client's delayed ACK (~40 ms per request).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as error:
        sock.close()
        print(f"error: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    sock.listen(2048)
    sock.set_inheritable(True)
    host, port = sock.getsockname()[:2]
    os.environ[DATABASE_URL_ENV] = url
    _export_limits(args)
    print(
        f"{LISTENING_PREFIX} http://{host}:{port} (database: {url.split('://')[0]}, "
        f"workers: {args.workers})",
        flush=True,
    )
    config = uvicorn.Config(
        "server.asgi:app_from_env",
        factory=True,
        fd=sock.fileno(),
        workers=args.workers,
        log_level=args.log_level,
        access_log=args.access_log,
        timeout_graceful_shutdown=3,
        # Client addresses (login throttling, audit) come from X-Forwarded-For only
        # when the request comes from one of these proxies.
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        # uvicorn kills a worker that does not answer its health ping within this time,
        # counted from its spawn: a worker importing FastAPI and SQLAlchemy on a busy
        # 2-core machine took longer than the default 5 s, and was killed and respawned
        # forever (the server never answered).
        timeout_worker_healthcheck=30,
    )
    server = uvicorn.Server(config)
    if args.workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        server.run(sockets=[sock])
    return 0


def _export_limits(args: argparse.Namespace) -> None:
    """Hand the limits to the app through ``HATIF_*`` variables (every worker reads them)."""
    given: dict[str, object] = {
        "max_body_bytes": args.max_body_kb * 1024 if args.max_body_kb else None,
        "max_import_bytes": int(args.max_import_mb * MIB) if args.max_import_mb else None,
        "sse_per_user": args.sse_per_user,
        "sse_total": args.sse_total,
        "sse_write_timeout_s": args.sse_write_timeout,
        "idle_timeout_hours": args.idle_timeout_hours,
        "retention_days": args.retention_days,
        "docs": "1" if args.docs else None,
    }
    for name, value in given.items():
        if value is not None:
            os.environ[env_name(name)] = str(value)


def cmd_seed_demo(args: argparse.Namespace) -> int:
    url = _database_url(args)
    upgrade_database(url)
    db = open_database(url)
    try:
        with db.write() as session:
            result = seed_demo(
                session,
                db_now(session),
                password=args.password,
                orders=args.orders,
                demo=args.demo,
            )
    finally:
        db.dispose()
    if not result.created:
        print("The database already has users; demo data not added.")
        return 0
    print(f"Demo shop created: {result.orders} orders.")
    for username, password in result.passwords.items():
        shown = "(the password given)" if args.password else password
        print(f"  {username:<8} {shown}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    url = _database_url(args)
    upgrade_database(url)
    db = open_database(url)
    try:
        data = Path(args.file).read_bytes()
        with db.write() as session:
            report = import_csv(
                session,
                data,
                now=db_now(session),
                actor=None,
                region=load_settings(session).default_region,
            )
    finally:
        db.dispose()
    print(
        f"{report.rows} rows: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.flagged_duplicates} possible duplicates, "
        f"{len(report.errors)} errors, {len(report.warnings)} warnings "
        f"({report.encoding}, '{report.delimiter}')."
    )
    for error in report.errors:
        print(f"  line {error.line}: {error.message} [{error.code}]")
    for warning in report.warnings:
        print(f"  line {warning.line}: warning: {warning.message} [{warning.code}]")
    if args.json:
        Path(args.json).write_text(report.model_dump_json(indent=2), encoding="utf-8")
    return 0 if not report.errors else 1


def cmd_create_user(args: argparse.Namespace) -> int:
    url = _database_url(args)
    password = args.password
    generated = False
    if not password:
        if sys.stdin.isatty():
            password = getpass.getpass(f"Password for {args.username}: ")
        else:
            password, generated = secrets.token_urlsafe(12), True
    try:
        # Before the database is touched: a refused password creates nothing.
        require_strong_password(password, args.username)
    except ServiceError as weak:
        print(f"error: {weak.message} [{weak.code}]; user {args.username} not created",
              file=sys.stderr)
        return 2
    upgrade_database(url)
    db = open_database(url)
    try:
        with db.write() as session:
            team_id = None
            if args.team:
                team = session.query(Team).filter(Team.name == args.team).one_or_none()
                team_id = team.id if team else create_team(session, args.team).id
            user = create_user(
                session,
                username=args.username,
                display_name=args.display_name or args.username,
                password=password,
                role=Role(args.role),
                team_id=team_id,
                now=db_now(session),
            )
            print(f"User {user.username} ({args.role}) created with id {user.id}.")
    finally:
        db.dispose()
    if generated:
        print(f"Generated password: {password}")
    return 0


def _user_id(session: Session, username: str) -> int:
    user_id = session.execute(select(User.id).where(User.username == username)).scalar()
    if user_id is None:
        raise DomainError("not_found", f"There is no user {username!r}.", {"username": username})
    return int(user_id)


def cmd_account(args: argparse.Namespace) -> int:
    """deactivate-user, reactivate-user, reset-password, revoke-tokens."""
    url = _database_url(args)
    upgrade_database(url)
    db = open_database(url)
    try:
        with db.write() as session:
            now = db_now(session)
            user_id = _user_id(session, args.username)
            if args.command == "deactivate-user":
                _user, revoked = deactivate_user(session, None, user_id, now)
                print(f"{args.username} deactivated; {revoked} sessions ended.")
            elif args.command == "reactivate-user":
                reactivate_user(session, None, user_id, now)
                print(f"{args.username} may sign in again.")
            elif args.command == "reset-password":
                generated, revoked = reset_password(session, None, user_id, args.password, now)
                print(
                    f"Password of {args.username} reset; {revoked} sessions ended. "
                    "It must be changed at the next sign-in."
                )
                if generated:
                    print(f"Temporary password: {generated}")
            else:
                _user, revoked = revoke_tokens_of(session, None, user_id, now)
                print(f"{revoked} sessions of {args.username} ended.")
    finally:
        db.dispose()
    return 0


def cmd_webhook_secret(args: argparse.Namespace) -> int:
    url = _database_url(args)
    upgrade_database(url)
    secret = args.set or secrets.token_urlsafe(32)
    db = open_database(url)
    try:
        with db.write() as session:
            save_webhook_secret(session, secret)
    finally:
        db.dispose()
    print(json.dumps({"webhook_secret": secret}))
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    """Load articles and cities from a JSON file, or print the catalogue as JSON."""
    url = _database_url(args)
    upgrade_database(url)
    db = open_database(url)
    try:
        if args.load:
            data = CatalogueFile.model_validate_json(Path(args.load).read_text(encoding="utf-8"))
            with db.write() as session:
                for article in data.articles:
                    upsert_article(session, article)
                for city in data.cities:
                    upsert_city(session, city)
            print(f"{len(data.articles)} articles and {len(data.cities)} cities saved.")
        else:
            with db.read() as session:
                current = CatalogueFile(
                    articles=[
                        article_wire(a) for a in session.query(Article).order_by(Article.ref)
                    ],
                    cities=[city_wire(c) for c in session.query(City).order_by(City.name)],
                )
            print(current.model_dump_json(indent=2))
    finally:
        db.dispose()
    return 0


def cmd_prune_changes(args: argparse.Namespace) -> int:
    url = _database_url(args)
    upgrade_database(url)
    db = open_database(url)
    try:
        deleted = prune_changes_older_than(db, timedelta(days=args.keep_days))
    finally:
        db.dispose()
    print(f"{deleted} changes older than {args.keep_days} days removed.")
    return 0


def cmd_prune_sync(args: argparse.Namespace) -> int:
    url = _database_url(args)
    upgrade_database(url)
    db = open_database(url)
    try:
        pruned = prune_sync_bookkeeping(db, timedelta(days=args.keep_days))
    finally:
        db.dispose()
    print(
        f"{pruned.idempotency_keys} idempotency keys and {pruned.applied_ops} applied ops "
        f"older than {args.keep_days} days removed."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hatif-server", description="The Hatif central server and its administration.",
        epilog=f"Every command works on the database of --db or, without it, of the "
        f"environment variable {DATABASE_URL_ENV}, and names it on stderr first.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--db", help=f"Database URL, e.g. postgresql://hatif@/hatif or "
            f"sqlite:////var/lib/hatif/hatif.db (default: ${DATABASE_URL_ENV})")
        return sub

    serve = with_db(commands.add_parser("serve", help="Run the HTTP server"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--no-migrate", action="store_true", help="Do not migrate at start")
    serve.add_argument("--log-level", default="warning")
    serve.add_argument("--access-log", action="store_true")
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="Comma-separated proxy addresses trusted for X-Forwarded-For ('*' for any)",
    )
    serve.add_argument("--max-body-kb", type=int, help="Largest request body (default 1024)")
    serve.add_argument("--max-import-mb", type=float, help="Largest sheet import (default 20)")
    serve.add_argument("--sse-per-user", type=int, help="Event streams per user (default 4)")
    serve.add_argument("--sse-total", type=int, help="Event streams per process (default 1000)")
    serve.add_argument(
        "--sse-write-timeout", type=float, help="Drop a stream not read for this long (s, 30)"
    )
    serve.add_argument(
        "--idle-timeout-hours", type=float, help="Sign out tokens unused this long (default 12)"
    )
    serve.add_argument(
        "--retention-days", type=float, help="Keep push bookkeeping this long (default 30)"
    )
    serve.add_argument("--docs", action="store_true", help="Serve /docs, /redoc and /openapi.json")
    serve.set_defaults(func=cmd_serve)

    with_db(commands.add_parser("migrate", help="Apply schema migrations")).set_defaults(
        func=cmd_migrate
    )

    seed = with_db(commands.add_parser("seed-demo", help="Create the demo shop"))
    seed.add_argument("--password", help="Password for every demo user (generated when absent)")
    seed.add_argument(
        "--demo",
        action="store_true",
        help="The desktop's demo shop: --password may be the documented demo password",
    )
    seed.add_argument("--orders", type=int, default=300)
    seed.set_defaults(func=cmd_seed_demo)

    imp = with_db(commands.add_parser("import", help="Import orders from a shop CSV sheet"))
    imp.add_argument("file")
    imp.add_argument("--json", help="Also write the report as JSON to this path")
    imp.set_defaults(func=cmd_import)

    user = with_db(commands.add_parser("create-user", help="Create a user"))
    user.add_argument("username")
    user.add_argument("--role", choices=[r.value for r in Role], default=Role.AGENT.value)
    user.add_argument("--team", help="Team name (created if missing)")
    user.add_argument("--display-name")
    user.add_argument("--password", help="Asked for (or generated) when absent")
    user.set_defaults(func=cmd_create_user)

    for name, text in (
        ("deactivate-user", "Stop a user signing in; end their sessions and leases"),
        ("reactivate-user", "Let a deactivated user sign in again"),
        ("reset-password", "Set a temporary password the user must change"),
        ("revoke-tokens", "End every session of a user"),
    ):
        account = with_db(commands.add_parser(name, help=text))
        account.add_argument("username")
        if name == "reset-password":
            account.add_argument("--password", help="Temporary password (generated when absent)")
        account.set_defaults(func=cmd_account)

    catalogue = with_db(
        commands.add_parser("catalogue", help="Print the catalogue as JSON, or --load one")
    )
    catalogue.add_argument("--load", help='JSON file {"articles": [...], "cities": [...]}')
    catalogue.set_defaults(func=cmd_catalogue)

    prune = with_db(commands.add_parser("prune-changes", help="Drop old change-log entries"))
    prune.add_argument("--keep-days", type=float, default=30.0)
    prune.set_defaults(func=cmd_prune_changes)

    prune_sync = with_db(
        commands.add_parser("prune-sync", help="Drop old idempotency keys and applied ops")
    )
    prune_sync.add_argument("--keep-days", type=float, default=30.0)
    prune_sync.set_defaults(func=cmd_prune_sync)

    hook = with_db(commands.add_parser("webhook-secret", help="Set or generate the webhook secret"))
    hook.add_argument("--set", help="Secret to use (generated when absent)")
    hook.set_defaults(func=cmd_webhook_secret)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except NoDatabaseChosen as error:
        print(f"hatif-server: {error}", file=sys.stderr)
        return 2
    except DomainError as error:
        print(f"error: {error.message} [{error.code}]", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
