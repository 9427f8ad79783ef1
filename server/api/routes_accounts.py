"""Account lifecycle (admin): deactivate, reactivate, reset a password, revoke
every token of a user (``services.accounts``)."""

from __future__ import annotations

from fastapi import APIRouter

from core.wire.auth import AccountChange, PasswordResetRequest, PasswordResetResult
from server.api.deps import ERROR_RESPONSES, AdminDep, DbDep, PrincipalDep
from server.api.params import UserId
from server.services.accounts import (
    deactivate_user,
    reactivate_user,
    reset_password,
    revoke_tokens_of,
)
from server.services.db_clock import db_now
from server.services.errors import forbidden
from server.services.users import user_info

router = APIRouter(prefix="/users", tags=["users"], responses=ERROR_RESPONSES)


@router.post("/{user_id}/deactivate", response_model=AccountChange)
def post_deactivate(user_id: UserId, db: DbDep, principal: AdminDep) -> AccountChange:
    """The user can no longer sign in; their tokens end now, their open event
    streams within seconds, their leases go back to the pool."""
    with db.write() as session:
        user, revoked = deactivate_user(session, principal, user_id, db_now(session))
        return AccountChange(user=user_info(user), revoked_tokens=revoked)


@router.post("/{user_id}/reactivate", response_model=AccountChange)
def post_reactivate(user_id: UserId, db: DbDep, principal: AdminDep) -> AccountChange:
    """The user may sign in again (old tokens stay revoked)."""
    with db.write() as session:
        user = reactivate_user(session, principal, user_id, db_now(session))
        return AccountChange(user=user_info(user))


@router.post("/{user_id}/password", response_model=PasswordResetResult)
def post_password_reset(
    user_id: UserId, body: PasswordResetRequest, db: DbDep, principal: AdminDep
) -> PasswordResetResult:
    """A temporary password (policy-checked; generated and answered once when
    absent) that the user must change at the next sign-in; all their tokens end."""
    with db.write() as session:
        generated, revoked = reset_password(
            session, principal, user_id, body.new_password, db_now(session)
        )
        return PasswordResetResult(generated_password=generated, revoked_tokens=revoked)


@router.post("/{user_id}/revoke-tokens", response_model=AccountChange)
def post_revoke_tokens(user_id: UserId, db: DbDep, principal: PrincipalDep) -> AccountChange:
    """Sign the user out everywhere (an admin for anyone, a user for themselves)."""
    if user_id != principal.user_id and not principal.is_admin:
        raise forbidden("Only an admin can sign out another user.")
    with db.write() as session:
        user, revoked = revoke_tokens_of(session, principal, user_id, db_now(session))
        return AccountChange(user=user_info(user), revoked_tokens=revoked)
