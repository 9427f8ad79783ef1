"""Builds the FastAPI application of the Hatif server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from core.domain_error import DomainError
from core.rulebook import Refusal
from core.wire import API_PREFIX
from core.wire.errors import ErrorBody
from server.api import (
    routes_accounts,
    routes_auth,
    routes_catalogue,
    routes_docs,
    routes_escalations,
    routes_events,
    routes_health,
    routes_history,
    routes_intake,
    routes_leases,
    routes_orders,
    routes_presence,
    routes_stock,
    routes_sync,
    routes_team_settings,
    routes_users,
    routes_wallboard,
)
from server.api.body_limit import BodyLimit
from server.api.nul_guard import NulGuard
from server.auth.token_cache import TokenCache
from server.config import ServerConfig
from server.db.migrate import upgrade_database
from server.db.session import Database, open_database
from server.reports import router as reports_router
from server.services.errors import ServiceError, refusal_status
from server.services.sse_events import ChangeHub
from server.services.stream_slots import StreamSlots
from server.services.sync_pruning import SyncPruner
from server.stream_shutdown import end_streams_on_exit_signals
from server.version import server_version


def _error_response(
    status: int, body: ErrorBody, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"), headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, error: ServiceError) -> JSONResponse:
        headers = None
        if error.status_code in (429, 503):
            headers = {"Retry-After": str(error.params.get("retry_after", 60))}
        if error.status_code == 401:
            headers = {"WWW-Authenticate": "Bearer"}
        return _error_response(
            error.status_code,
            ErrorBody(code=error.code, message=error.message, params=error.params),
            headers,
        )

    @app.exception_handler(DomainError)
    async def _domain_error(_request: Request, error: DomainError) -> JSONResponse:
        status = refusal_status(error.code) if isinstance(error, Refusal) else 422
        return _error_response(
            status, ErrorBody(code=error.code, message=error.message, params=error.params)
        )

    @app.exception_handler(ValidationError)
    async def _invalid_model(_request: Request, error: ValidationError) -> JSONResponse:
        problems = error.errors()
        field = ".".join(str(part) for part in problems[0]["loc"]) if problems else ""
        return _error_response(
            422,
            ErrorBody(
                code="invalid_input",
                message=f"Invalid data ({field}: {problems[0]['msg'] if problems else ''}).",
                params={"field": field},
            ),
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = error.errors()
        first = problems[0] if problems else {"loc": (), "msg": "invalid"}
        field = ".".join(str(part) for part in first.get("loc", ()))
        return _error_response(
            422,
            ErrorBody(
                code="invalid_input",
                message=f"Invalid request ({field}: {first.get('msg')}).",
                params={"field": field, "errors": len(problems)},
            ),
        )


def create_app(
    database_url: str,
    *,
    migrate: bool = False,
    poll_seconds: float = 1.0,
    db: Database | None = None,
    config: ServerConfig | None = None,
) -> FastAPI:
    """The server app for ``database_url`` (migrated first when ``migrate``)."""
    config = config or ServerConfig()
    if migrate:
        upgrade_database(database_url)
    database = db or open_database(database_url)
    hub = ChangeHub(database, poll_seconds=poll_seconds)
    database.on_changes_committed.append(hub.poke)
    token_cache = TokenCache()
    database.on_auth_changed.append(token_cache.drop_users)
    hub.on_auth_notice.append(token_cache.drop_users)

    pruner = SyncPruner(database, timedelta(days=config.retention_days))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await hub.start()
        await pruner.start()
        unhook_signals = end_streams_on_exit_signals(hub.end_streams)
        try:
            yield
        finally:
            unhook_signals()
            await pruner.stop()
            await hub.stop()
            database.dispose()

    app = FastAPI(
        title="Hatif server",
        version=server_version(),
        description="Orders, reservations, journal and live events for confirmation desks.",
        lifespan=lifespan,
        # Public docs only when IT switches them on (development, the demo); the
        # description then goes to signed-in callers only (routes_docs).
        openapi_url="/openapi.json" if config.docs else None,
        docs_url="/docs" if config.docs else None,
        redoc_url="/redoc" if config.docs else None,
    )
    app.state.db = database
    app.state.hub = hub
    app.state.token_cache = token_cache
    app.state.config = config
    app.state.stream_slots = StreamSlots(config.sse_per_user, config.sse_total)
    _install_error_handlers(app)
    app.add_middleware(NulGuard)
    # Added last, so it runs first: nothing reads a body before it is counted.
    app.add_middleware(
        BodyLimit, max_body=config.max_body_bytes, max_import=config.max_import_bytes
    )
    routers: list[Any] = [
        routes_health.router,
        routes_auth.router,
        routes_users.router,
        routes_accounts.router,
        routes_orders.router,
        routes_escalations.router,
        routes_history.router,
        routes_leases.router,
        routes_sync.router,
        routes_events.router,
        routes_catalogue.router,
        routes_stock.router,
        routes_intake.router,
        routes_presence.router,
        routes_wallboard.router,
        routes_team_settings.router,
    ]
    for router in routers:
        app.include_router(router, prefix=API_PREFIX)
    app.include_router(reports_router.router)  # carries its own /api/v1/reports prefix
    if not config.docs:
        app.include_router(routes_docs.router)
    return app
