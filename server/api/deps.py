"""FastAPI dependencies: the database, the change hub, the authenticated caller."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from core.wire import API_PREFIX
from server.auth.principal import Principal
from server.auth.sessions import authenticate_cached
from server.config import ServerConfig
from server.db.session import Database
from server.services.errors import ServiceError
from server.services.sse_events import ChangeHub

# What a user whose password an admin reset may still do: change it, see who they
# are, sign out.
PASSWORD_CHANGE_PATHS = frozenset(
    f"{API_PREFIX}/auth/{name}" for name in ("password", "me", "logout")
)

_bearer = HTTPBearer(auto_error=False, description="Token from POST /api/v1/auth/login")


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_hub(request: Request) -> ChangeHub:
    hub: ChangeHub = request.app.state.hub
    return hub


def get_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller of the request; 401 without a live token."""
    if credentials is None or not credentials.credentials:
        raise ServiceError(401, "unauthenticated", "Log in first.")
    config: ServerConfig = request.app.state.config
    found = authenticate_cached(
        request.app.state.db,
        request.app.state.token_cache,
        credentials.credentials,
        timedelta(hours=config.idle_timeout_hours),
    )
    if found is None:
        raise ServiceError(401, "unauthenticated", "Your session ended; log in again.")
    principal = found.principal
    if principal.must_change_password and request.url.path not in PASSWORD_CHANGE_PATHS:
        raise ServiceError(
            403,
            "password_change_required",
            "An administrator reset your password: choose a new one first.",
        )
    device = request.headers.get("X-Hatif-Device")
    if device:
        principal = Principal(**{**principal.__dict__, "device_id": device[:64]})
    return principal


def require_supervisor(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    if not principal.is_supervisor:
        raise ServiceError(403, "forbidden", "Only a team lead or an admin can do this.")
    return principal


def require_admin(principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    if not principal.is_admin:
        raise ServiceError(403, "forbidden", "Only an admin can do this.")
    return principal


DbDep = Annotated[Database, Depends(get_db)]
HubDep = Annotated[ChangeHub, Depends(get_hub)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]
SupervisorDep = Annotated[Principal, Depends(require_supervisor)]
AdminDep = Annotated[Principal, Depends(require_admin)]

ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"description": "Not logged in"},
    403: {"description": "Not allowed"},
    404: {"description": "Unknown"},
    409: {"description": "Conflict (lease held, stale epoch...)"},
    412: {"description": "Stale version"},
    422: {"description": "Invalid input"},
}
