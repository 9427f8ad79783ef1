"""Change log, push bookkeeping (idempotency keys, applied ops, device sequences),
webhook event ids, audit trail and agent presence."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base

# SQLite only auto-increments INTEGER PRIMARY KEY; BigInteger elsewhere.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ChangeRow(Base):
    """One entry of the change log.

    ``id`` is taken when the writer inserts the row; ``seq`` (the public cursor)
    is handed out afterwards, only to committed rows and in one rising series,
    by ``services.change_log.assign_sequence`` — so a row that commits late gets
    a higher ``seq`` than anything a reader has already seen.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        Index(
            "ix_change_log_unsequenced",
            "id",
            postgresql_where=text("seq IS NULL"),
            sqlite_where=text("seq IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    seq: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(16), default="upsert")
    team_id: Mapped[int | None]
    user_id: Mapped[int | None]
    at: Mapped[datetime]
    payload: Mapped[dict[str, Any]]


class ChangeLogState(Base):
    """Single row: the lowest ``seq`` still kept (older cursors must reset)."""

    __tablename__ = "change_log_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    pruned_before: Mapped[int] = mapped_column(BigInteger, default=0)


class IdempotencyRecord(Base):
    """The answer given to a push batch, replayed for the same key and body."""

    __tablename__ = "idempotency_keys"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None]
    response: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(index=True)  # pruning (services.sync_pruning)


class AppliedOp(Base):
    """Every op the server processed, with its result (for duplicates)."""

    __tablename__ = "applied_ops"

    op_id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str] = mapped_column(String(64))
    client_seq: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]]
    at: Mapped[datetime] = mapped_column(index=True)  # pruning (services.sync_pruning)


class DeviceSequence(Base):
    """The last ``client_seq`` processed for a user's device (gap detection)."""

    __tablename__ = "device_sequences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_client_seq: Mapped[int] = mapped_column(default=0)


class WebhookEvent(Base):
    """A webhook event id the server accepted: the same id again is a replay."""

    __tablename__ = "webhook_events"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)


class AuditRow(Base):
    """Who did what, when, from which device, under which op — one per mutation."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    op_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]]


class PresenceRow(Base):
    """An agent's current presence state."""

    __tablename__ = "presence"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(100))
    order_id: Mapped[int | None]
    since: Mapped[datetime]
    updated_at: Mapped[datetime]
