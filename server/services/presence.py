"""Agent presence: available, ringing, in call, wrap-up, paused (reason), offline."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.wire.changes import ChangeEntity
from core.wire.presence import PresenceState, PresenceUpdate, PresenceWire
from server.auth.principal import Principal
from server.db.models_sync import PresenceRow
from server.db.models_users import User
from server.db.session import Database
from server.services.audit import record_audit
from server.services.change_log import append_change
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.order_access import visible_order

# A desk reports presence changes and heart-beats (even with no lease) every
# minute; silent longer than this, its agent is shown offline.
PRESENCE_TIMEOUT = timedelta(minutes=5)
# How often each server process looks for desks that went silent; the check
# is a cheap read and only a found desk takes the write lock.
PRESENCE_SWEEP_SECONDS = 5.0


def touch_presence(session: Session, user_id: int, now: datetime) -> None:
    """The desk is alive (called by the lease heartbeat)."""
    session.execute(
        update(PresenceRow)
        .where(PresenceRow.user_id == user_id)
        .values(updated_at=now)
        .execution_options(synchronize_session=False)
    )


def set_presence(db: Database, principal: Principal, update: PresenceUpdate) -> PresenceWire:
    """Store the caller's state in its own transaction (``PUT /presence``)."""
    with db.write() as session:
        return apply_presence(session, principal, update, db_now(session))


def apply_presence(
    session: Session,
    principal: Principal,
    update: PresenceUpdate,
    now: datetime,
    op_id: str | None = None,
) -> PresenceWire:
    """Store the caller's state; ``since`` moves only when the state changes."""
    if update.state == PresenceState.PAUSED and not (update.reason or "").strip():
        raise ServiceError(422, "pause_needs_reason", "Say why you pause (break, training...).")
    if update.order_id is not None:
        # Another team's order answers like a missing one (no probing through presence).
        visible_order(session, principal, update.order_id)
    row = session.get(PresenceRow, principal.user_id)
    if row is None:
        row = PresenceRow(
            user_id=principal.user_id, state=update.state.value, since=now, updated_at=now
        )
        session.add(row)
    elif row.state != update.state.value or row.reason != update.reason:
        row.since = now
    row.state = update.state.value
    row.reason = update.reason
    row.order_id = update.order_id
    row.updated_at = now
    wire = PresenceWire(
        user_id=principal.user_id,
        username=principal.username,
        display_name=principal.display_name,
        team_id=principal.team_id,
        state=update.state,
        reason=update.reason,
        order_id=update.order_id,
        since=row.since,
    )
    record_audit(
        session,
        actor=principal,
        action="presence.set",
        entity="presence",
        entity_id=principal.user_id,
        at=now,
        op_id=op_id,
        detail={"state": update.state.value},
    )
    append_change(
        session,
        entity=ChangeEntity.PRESENCE,
        entity_id=principal.user_id,
        payload=wire.model_dump(mode="json"),
        at=now,
        team_id=principal.team_id,
        user_id=principal.user_id,
    )
    return wire


def team_presence(
    session: Session, principal: Principal, roles: frozenset[str] | None = None
) -> list[PresenceWire]:
    """Presence of the caller's team (everybody for admins); offline when never set."""
    query = select(User).where(User.active.is_(True)).order_by(User.username)
    if roles is not None:
        query = query.where(User.role.in_(sorted(roles)))
    if not principal.is_admin:
        query = query.where(User.team_id == principal.team_id)
    users = list(session.execute(query).scalars())
    rows = {
        row.user_id: row
        for row in session.execute(
            select(PresenceRow).where(PresenceRow.user_id.in_([u.id for u in users]))
        ).scalars()
    }
    now = db_now(session)
    result = []
    for user in users:
        row = rows.get(user.id)
        if row is not None and row.updated_at < now - PRESENCE_TIMEOUT:
            row = None  # the desk stopped reporting: shown offline
        result.append(
            PresenceWire(
                user_id=user.id,
                username=user.username,
                display_name=user.display_name,
                team_id=user.team_id,
                state=PresenceState(row.state) if row else PresenceState.OFFLINE,
                reason=row.reason if row else None,
                order_id=row.order_id if row else None,
                since=row.since if row else now,
            )
        )
    return result


def sweep_silent_desks(db: Database) -> int:
    """Mark desks silent past the timeout offline and publish the change.

    Run periodically by every server process (the change hub's tick). The
    conditional update makes it idempotent: when several processes sweep the
    same PostgreSQL at once, the row lock serialises them and only the one
    whose update still matches the row emits the change. Returns how many
    desks this call took offline.
    """
    with db.read() as reader:
        cutoff = db_now(reader) - PRESENCE_TIMEOUT
        candidates = list(
            reader.execute(
                select(PresenceRow.user_id).where(
                    PresenceRow.state != PresenceState.OFFLINE.value,
                    PresenceRow.updated_at < cutoff,
                )
            ).scalars()
        )
    if not candidates:
        return 0
    swept = 0
    with db.write() as session:
        now = db_now(session)
        cutoff = now - PRESENCE_TIMEOUT
        for user_id in candidates:
            taken = session.execute(
                update(PresenceRow)
                .where(
                    PresenceRow.user_id == user_id,
                    PresenceRow.state != PresenceState.OFFLINE.value,
                    PresenceRow.updated_at < cutoff,
                )
                .values(state=PresenceState.OFFLINE.value, reason=None, order_id=None, since=now)
                .execution_options(synchronize_session=False)
            )
            if not taken.rowcount:  # type: ignore[attr-defined]
                continue  # another process swept it, or the desk came back
            user = session.get(User, user_id)
            if user is None:
                continue
            wire = PresenceWire(
                user_id=user.id,
                username=user.username,
                display_name=user.display_name,
                team_id=user.team_id,
                state=PresenceState.OFFLINE,
                since=now,
            )
            record_audit(
                session,
                actor=None,
                action="presence.timeout",
                entity="presence",
                entity_id=user.id,
                at=now,
                detail={
                    "state": PresenceState.OFFLINE.value,
                    "silent_for_s": int(PRESENCE_TIMEOUT.total_seconds()),
                },
            )
            append_change(
                session,
                entity=ChangeEntity.PRESENCE,
                entity_id=user.id,
                payload=wire.model_dump(mode="json"),
                at=now,
                team_id=user.team_id,
                user_id=user.id,
            )
            swept += 1
    return swept
