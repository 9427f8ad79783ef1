"""Account lifecycle: deactivate and reactivate a user, reset a password (the
user must choose a new one at the next sign-in), revoke all of a user's tokens.

Every change revokes the user's tokens in the same transaction (their event
streams end within seconds: the change hub re-checks open streams' tokens) and
writes an audit row. Used by the admin API and by ``hatif-server``.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from server.auth.auth_changes import announce_auth_change
from server.auth.password_rules import require_strong_password
from server.auth.passwords import hash_password
from server.auth.principal import Principal
from server.db.models_users import ApiToken, User
from server.services.account_leases import release_leases_of
from server.services.audit import record_audit
from server.services.errors import ServiceError, not_found


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise not_found("user", user_id)
    return user


def revoke_all_tokens(session: Session, user_id: int, now: datetime) -> int:
    """Revoke every live token of the user; how many."""
    announce_auth_change(session, user_id)
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def revoke_tokens_of(
    session: Session, actor: Principal | None, user_id: int, now: datetime
) -> tuple[User, int]:
    user = _user(session, user_id)
    revoked = revoke_all_tokens(session, user.id, now)
    record_audit(
        session,
        actor=actor,
        action="user.revoke_tokens",
        entity="user",
        entity_id=user.id,
        at=now,
        detail={"revoked_tokens": revoked},
    )
    return user, revoked


def deactivate_user(
    session: Session, actor: Principal | None, user_id: int, now: datetime
) -> tuple[User, int]:
    """The user can no longer sign in; their tokens and leases end now."""
    user = _user(session, user_id)
    if actor is not None and actor.user_id == user.id:
        raise ServiceError(
            422, "cannot_deactivate_self", "You cannot deactivate your own account."
        )
    user.active = False
    revoked = revoke_all_tokens(session, user.id, now)
    released = release_leases_of(session, user.id, now, actor.user_id if actor else None)
    record_audit(
        session,
        actor=actor,
        action="user.deactivate",
        entity="user",
        entity_id=user.id,
        at=now,
        detail={"revoked_tokens": revoked, "released_leases": released},
    )
    return user, revoked


def reactivate_user(
    session: Session, actor: Principal | None, user_id: int, now: datetime
) -> User:
    """The user may sign in again (with a new session; old tokens stay revoked)."""
    user = _user(session, user_id)
    user.active = True
    record_audit(
        session, actor=actor, action="user.reactivate", entity="user", entity_id=user.id, at=now
    )
    return user


def reset_password(
    session: Session,
    actor: Principal | None,
    user_id: int,
    new_password: str | None,
    now: datetime,
) -> tuple[str | None, int]:
    """Set a temporary password (generated when None, then returned) that the user
    must change at the next sign-in; every token of the user is revoked."""
    user = _user(session, user_id)
    generated = None
    if new_password is None:
        generated = new_password = secrets.token_urlsafe(12)
    require_strong_password(new_password, user.username)
    user.password_hash = hash_password(new_password)
    user.must_change_password = True
    revoked = revoke_all_tokens(session, user.id, now)
    record_audit(
        session,
        actor=actor,
        action="user.password_reset",
        entity="user",
        entity_id=user.id,
        at=now,
        detail={"revoked_tokens": revoked, "generated": generated is not None},
    )
    return generated, revoked
