"""FastAPI dependencies: the database, the change hub, the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from server.auth.principal import Principal
from server.auth.sessions import authenticate
from server.db.session import Database
from server.services.errors import ServiceError
from server.services.sse_events import ChangeHub

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
    db: Database = request.app.state.db
    with db.read() as session:
        principal = authenticate(session, credentials.credentials)
    if principal is None:
        raise ServiceError(401, "unauthenticated", "Your session ended; log in again.")
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
