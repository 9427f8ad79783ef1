"""Login, logout, the current user, token revocation."""

from __future__ import annotations

from fastapi import APIRouter, Request

from core.wire.auth import LoginRequest, LoginResponse, PasswordChangeRequest, UserInfo
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep
from server.api.params import TokenId
from server.auth.password_change import change_password
from server.auth.sessions import login, revoke_token
from server.db.models_users import User
from server.services.errors import not_found
from server.services.users import user_info

router = APIRouter(
    prefix="/auth",
    tags=["auth"],
    responses={**ERROR_RESPONSES, 429: {"description": "Too many failed logins"}},
)


@router.post("/login", response_model=LoginResponse)
def post_login(body: LoginRequest, request: Request, db: DbDep) -> LoginResponse:
    address = request.client.host if request.client else None
    return login(db, body, address)


@router.post("/logout", status_code=204)
def post_logout(db: DbDep, principal: PrincipalDep) -> None:
    if principal.token_id is not None:
        revoke_token(db, principal, principal.token_id)


@router.post("/password", status_code=204)
def post_password(body: PasswordChangeRequest, db: DbDep, principal: PrincipalDep) -> None:
    """Change one's own password; the caller's other sessions are signed out
    (403 ``wrong_password``, 422 ``password_unchanged``, 429 after repeated failures)."""
    change_password(db, principal, body.old_password, body.new_password)


@router.post("/tokens/{token_id}/revoke", status_code=204)
def post_revoke(token_id: TokenId, db: DbDep, principal: PrincipalDep) -> None:
    revoke_token(db, principal, token_id)


@router.get("/me", response_model=UserInfo)
def get_me(db: DbDep, principal: PrincipalDep) -> UserInfo:
    with db.read() as session:
        user = session.get(User, principal.user_id)
        if user is None:
            raise not_found("user", principal.user_id)
        return user_info(user)
