"""A user changes their own password: the old one proves it is them, the other
sessions end (a stolen token stops working), the one in use goes on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update

from server.auth.auth_changes import announce_auth_change
from server.auth.password_rules import require_strong_password
from server.auth.passwords import hash_password, verify_password
from server.auth.principal import Principal
from server.auth.rate_limit import failure_keys, record_failure, wait_seconds
from server.db.models_users import ApiToken, User
from server.db.session import Database
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.errors import ServiceError


@dataclass
class _Outcome:
    error: ServiceError | None = None


def change_password(
    db: Database,
    principal: Principal,
    old_password: str,
    new_password: str,
) -> None:
    """Check the old password (login rate limit applies), store the new one,
    revoke every other live token of the user. 403 / 422 / 429 otherwise."""
    outcome = _change(db, principal, old_password, new_password)
    if outcome.error is not None:
        raise outcome.error


def _change(
    db: Database,
    principal: Principal,
    old_password: str,
    new_password: str,
) -> _Outcome:
    # The user's key only: one person mistyping must not lock the whole office
    # (desks behind one address) out of logging in.
    keys = failure_keys(principal.username, None)
    with db.write() as session:
        now = db_now(session)
        wait = wait_seconds(session, keys, now)
        if wait:
            return _Outcome(
                ServiceError(
                    429,
                    "too_many_attempts",
                    f"Too many wrong passwords; wait {wait} seconds and try again.",
                    {"retry_after": wait},
                )
            )
        user = session.get(User, principal.user_id)
        if user is None or not verify_password(old_password, user.password_hash):
            # Committed with the refusal: a guesser holding a token is slowed down too.
            record_failure(session, keys, now)
            return _Outcome(
                ServiceError(403, "wrong_password", "Your current password is not this one.")
            )
        if new_password == old_password:
            return _Outcome(
                ServiceError(
                    422,
                    "password_unchanged",
                    "The new password is the same as the current one; choose another.",
                )
            )
        try:
            require_strong_password(new_password, user.username)
        except ServiceError as error:
            return _Outcome(error)
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        announce_auth_change(session, user.id)
        revoked = session.execute(
            update(ApiToken)
            .where(
                ApiToken.user_id == user.id,
                ApiToken.revoked_at.is_(None),
                ApiToken.id != (principal.token_id or 0),
            )
            .values(revoked_at=now)
            .execution_options(synchronize_session=False)
        )
        record_audit(
            session,
            actor=principal,
            action="auth.password_change",
            entity="user",
            entity_id=user.id,
            at=now,
            detail={"revoked_tokens": int(revoked.rowcount)},  # type: ignore[attr-defined]
        )
        return _Outcome()
