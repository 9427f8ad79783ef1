"""Orders, their lines, notes and the journal of contact attempts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import JSON, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.db.base import Base


class OrderRow(Base):
    """An order with its lease (holder, epoch, expiry on the database clock) and owner.

    ``version`` rises with every change of the order's content or status;
    ``lease_epoch`` rises with every new lease holder (fencing token).
    """

    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_team_status", "team_id", "status"),
        Index("ix_orders_main_phone_status", "main_phone", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    customer_name: Mapped[str] = mapped_column(String(200))
    phones: Mapped[list[str]] = mapped_column(JSON, default=list)
    main_phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(500), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(default=1)
    lease_holder_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    lease_epoch: Mapped[int] = mapped_column(default=0)
    lease_expires_at: Mapped[datetime | None]
    lease_claimed_at: Mapped[datetime | None]
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    attempt_count: Mapped[int] = mapped_column(default=0)
    contact_count: Mapped[int] = mapped_column(default=0)
    #: Attempts a lead granted on this order beyond the shop's cap (audited).
    extra_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    last_call_at: Mapped[datetime | None]
    callback_at: Mapped[datetime | None]
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(16), default="sheet_import")
    possible_duplicate_of: Mapped[str | None] = mapped_column(String(64))
    imported_operator: Mapped[str | None] = mapped_column(String(64))
    imported_product: Mapped[str | None] = mapped_column(String(500))
    imported_total: Mapped[Decimal | None]
    import_fingerprint: Mapped[str | None] = mapped_column(String(64))
    delivery_fee: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    free_delivery: Mapped[bool] = mapped_column(default=False)
    subtotal: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    discount: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    total: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    upsell_tier: Mapped[int] = mapped_column(default=0)
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Rescue tools: a discount on the whole order, a later delivery date.
    order_discount_pct: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    delivery_date: Mapped[date | None]
    # An open escalation to the team lead (all null when none).
    escalation_reason: Mapped[str | None] = mapped_column(String(32))
    escalation_text: Mapped[str | None] = mapped_column(String(2000))
    escalated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    escalated_at: Mapped[datetime | None]
    escalation_lead_id: Mapped[int | None]

    lines: Mapped[list[OrderLineRow]] = relationship(
        back_populates="order",
        cascade="all, delete-orphan",
        order_by="OrderLineRow.position",
        lazy="selectin",
    )


class OrderLineRow(Base):
    """One line, priced by the server."""

    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    position: Mapped[int]
    article_ref: Mapped[str] = mapped_column(String(64))
    article_name: Mapped[str] = mapped_column(String(200), default="")
    variant_id: Mapped[int | None] = mapped_column(ForeignKey("variants.id"))
    color: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[str | None] = mapped_column(String(16))
    quantity: Mapped[int]
    unit_price: Mapped[Decimal]
    upsell: Mapped[bool] = mapped_column(default=False)
    discount_pct: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    line_total: Mapped[Decimal]

    order: Mapped[OrderRow] = relationship(back_populates="lines")


class NoteRow(Base):
    """A note on an order."""

    __tablename__ = "order_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(String(4000))
    predefined_code: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]


class JournalRow(Base):
    """One contact attempt; ``id`` is the desk's UUID so replays are recognised."""

    __tablename__ = "journal_entries"
    __table_args__ = (Index("ix_journal_agent_started", "agent_id", "started_at"),)

    id: Mapped[UUID] = mapped_column(Uuid, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    channel: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime]
    ring_seconds: Mapped[float]
    talk_seconds: Mapped[float]
    outcome: Mapped[str] = mapped_column(String(32))
    sip_code: Mapped[int | None]
    sip_reason: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(4000))
    template: Mapped[str | None] = mapped_column(String(64))
    counts_as_contact: Mapped[bool] = mapped_column(default=False)
    recorded_at: Mapped[datetime]
    #: ``core.rulebook.EntryFlag``: the entry changed nothing on its order; the lead sees it.
    flag: Mapped[str | None] = mapped_column(String(32), index=True)
