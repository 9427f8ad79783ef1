"""Login, logout, revocation and token lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.order_transitions import Role
from core.wire.auth import LoginRequest, LoginResponse
from server.auth.auth_changes import announce_auth_change
from server.auth.password_slots import password_check_slot
from server.auth.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from server.auth.principal import Principal
from server.auth.rate_limit import failure_keys, forget_failures, record_failure, wait_seconds
from server.auth.token_cache import TokenCache, TokenEntry
from server.auth.tokens import hash_token, new_token
from server.db.models_users import ApiToken, User
from server.db.session import Database
from server.services.audit import record_audit
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.users import user_info

TOKEN_LIFETIME = timedelta(days=30)
# How stale ``last_used_at`` may get before a request refreshes it (one small write
# per token every few minutes, not one per request).
TOUCH_EVERY = timedelta(minutes=5)


@dataclass
class LoginOutcome:
    """A login answer, or the refusal to give (after its failure was committed)."""

    response: LoginResponse | None = None
    error: ServiceError | None = None


def login(db: Database, request: LoginRequest, client_address: str | None) -> LoginResponse:
    """Check the password (slow KDF) and hand out a fresh token; 401 / 429 otherwise."""
    outcome = _login(db, request, client_address)
    if outcome.error is not None:
        raise outcome.error
    assert outcome.response is not None
    return outcome.response


def _login(db: Database, request: LoginRequest, client_address: str | None) -> LoginOutcome:
    keys = failure_keys(request.username, client_address)
    with db.read() as session:
        wait = wait_seconds(session, keys, db_now(session))
        if wait:
            return LoginOutcome(error=too_many_attempts(wait))
        found = session.execute(
            select(User.id, User.password_hash).where(User.username == request.username.strip())
        ).first()
    stored = found.password_hash if found is not None else DUMMY_HASH
    # The slow check runs in no transaction: on SQLite a write transaction holds the
    # database's only writer, and every heartbeat, claim and push of the shop would
    # queue behind each sign-in's scrypt (a sign-in storm starved the server).
    with password_check_slot():
        ok = verify_password(request.password, stored)
        rehashed = hash_password(request.password) if ok and needs_rehash(stored) else None
    with db.write() as session:
        now = db_now(session)
        user = session.get(User, found.id) if found is not None else None
        # A password changed while this one was checked is not the password any more.
        if user is not None and user.password_hash != stored:
            ok = False
        if user is None or not ok or not user.active:
            # Committed: the refusal is not an error.
            throttled = record_failure(session, keys, now)
            audit_failed_login(session, request.username, user, client_address, throttled, now)
            return LoginOutcome(
                error=ServiceError(401, "bad_credentials", "Wrong user name or password.")
            )
        # Failures that landed while the password was checked keep their delay.
        wait = wait_seconds(session, keys, now)
        if wait:
            return LoginOutcome(error=too_many_attempts(wait))
        forget_failures(session, keys)
        if rehashed is not None:
            user.password_hash = rehashed
        token, token_hash = new_token()
        row = ApiToken(
            user_id=user.id,
            token_hash=token_hash,
            device_id=request.device_id,
            created_at=now,
            expires_at=now + TOKEN_LIFETIME,
            revoked_at=None,
            last_used_at=now,
        )
        session.add(row)
        session.flush()
        record_audit(
            session,
            actor=principal_for(user, row),
            action="auth.login",
            entity="token",
            entity_id=row.id,
            at=now,
        )
        return LoginOutcome(
            response=LoginResponse(
                token=token,
                token_id=row.id,
                expires_at=row.expires_at,
                user=user_info(user),
                must_change_password=user.must_change_password,
            )
        )


def too_many_attempts(wait: int) -> ServiceError:
    return ServiceError(
        429,
        "too_many_attempts",
        f"Too many wrong passwords; wait {wait} seconds and try again.",
        {"retry_after": wait},
    )


def audit_failed_login(
    session: Session,
    username: str,
    user: User | None,
    client_address: str | None,
    throttled: dict[str, int],
    now: datetime,
) -> None:
    """An audit row per failed login, and one when it starts a delay."""
    detail = {"username": username.strip()[:64], "address": client_address}
    entity_id = user.id if user is not None else username.strip()[:64]
    record_audit(
        session,
        actor=None,
        action="auth.login_failed",
        entity="user",
        entity_id=entity_id,
        at=now,
        detail=detail,
    )
    for key, delay in throttled.items():
        record_audit(
            session,
            actor=None,
            action="auth.login_throttled",
            entity="user",
            entity_id=entity_id,
            at=now,
            detail={**detail, "key": key, "delay_s": delay},
        )


def principal_for(user: User, token: ApiToken | None) -> Principal:
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        team_id=user.team_id,
        token_id=token.id if token else None,
        device_id=token.device_id if token else None,
        must_change_password=user.must_change_password,
    )


@dataclass(frozen=True)
class Authenticated:
    """A live token's caller, and whether its ``last_used_at`` should be refreshed."""

    principal: Principal
    needs_touch: bool


def read_token(session: Session, token_hash: str) -> TokenEntry | None:
    """A token that is neither revoked nor of an inactive user, as stored (times not judged)."""
    found = session.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == token_hash)
    ).first()
    if found is None:
        return None
    row, user = found
    if row.revoked_at is not None or not user.active:
        return None
    return TokenEntry(principal_for(user, row), row.expires_at, row.last_used_at or row.created_at)


def judge_token(entry: TokenEntry, idle_timeout: timedelta | None) -> Authenticated | None:
    """The caller, unless the token expired or stayed unused longer than ``idle_timeout``."""
    # Token lifetimes are hours to days long: the local clock is precise enough here.
    now = datetime.now(UTC)
    if entry.expires_at is not None and entry.expires_at <= now:
        return None
    last_used = entry.last_used_at
    if idle_timeout is not None and last_used + idle_timeout <= now:
        return None
    return Authenticated(entry.principal, last_used + TOUCH_EVERY <= now)


def authenticate(
    session: Session, token: str, idle_timeout: timedelta | None = None
) -> Authenticated | None:
    """The caller of a bearer token, or None (unknown, revoked, expired, idle
    longer than ``idle_timeout``, user inactive)."""
    entry = read_token(session, hash_token(token))
    return judge_token(entry, idle_timeout) if entry is not None else None


def authenticate_cached(
    db: Database, cache: TokenCache, token: str, idle_timeout: timedelta | None
) -> Authenticated | None:
    """``authenticate`` through the process's token cache (see ``server.auth.token_cache``)."""
    token_hash = hash_token(token)
    entry = cache.get(token_hash)
    if entry is None:
        generation = cache.generation
        with db.read() as session:
            entry = read_token(session, token_hash)
        if entry is None:
            return None  # refusals are not cached: a new token must work at once
        cache.put(token_hash, entry, generation)
    found = judge_token(entry, idle_timeout)
    if found is not None and found.needs_touch and found.principal.token_id is not None:
        cache.touched(token_hash, touch_token(db, found.principal.token_id))
    return found


def touch_token(db: Database, token_id: int) -> datetime:
    """Record that the token was used now (for the idle timeout); when that was."""
    with db.write() as session:
        now = db_now(session)
        session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))
        return now


def dead_token_ids(session: Session, token_ids: list[int]) -> set[int]:
    """Which of these tokens no longer authenticate (revoked, expired, user inactive, gone)."""
    if not token_ids:
        return set()
    now = datetime.now(UTC)
    live = {
        row.id
        for row, active in session.execute(
            select(ApiToken, User.active)
            .join(User, User.id == ApiToken.user_id)
            .where(ApiToken.id.in_(token_ids))
        )
        if row.revoked_at is None and active and (row.expires_at is None or row.expires_at > now)
    }
    return set(token_ids) - live


def revoke_token(db: Database, actor: Principal, token_id: int) -> bool:
    """Revoke a token (one's own, or anybody's for an admin). True if it was live."""
    with db.write() as session:
        now = db_now(session)
        row = session.get(ApiToken, token_id)
        if row is None or (row.user_id != actor.user_id and not actor.is_admin):
            raise ServiceError(404, "not_found", f"No token {token_id} here.", {"id": token_id})
        if row.revoked_at is not None:
            return False
        row.revoked_at = now
        announce_auth_change(session, row.user_id)
        record_audit(
            session, actor=actor, action="auth.revoke", entity="token", entity_id=token_id, at=now
        )
        return True
