"""Plain, immutable snapshots the windows draw from.

Services build these from the local store; widgets never see store rows or
wire schemas, so either side can change without touching the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from core.order_status import OrderStatus


class QueueSort(StrEnum):
    """Columns the queue can be sorted by (SQL does the sorting)."""

    PRIORITY = "priority"
    REFERENCE = "reference"
    CUSTOMER = "customer"
    CITY = "city"
    STATUS = "status"
    TOTAL = "total"
    CREATED = "created"
    CALLBACK = "callback"


@dataclass(frozen=True)
class QueueQuery:
    """What the queue shows: instant search plus filters, and the order."""

    search: str = ""
    statuses: frozenset[OrderStatus] = frozenset()
    city: str | None = None
    callbacks_due_only: bool = False
    mine_only: bool = False  # held or owned by me
    or_unowned: bool = False  # with ``mine_only``: also orders nobody owns
    returned_only: bool = False
    sort: QueueSort = QueueSort.PRIORITY
    descending: bool = False


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue table."""

    order_id: int
    reference: str
    customer_name: str
    phone: str
    city: str
    status: OrderStatus
    total: Decimal
    created_at: datetime
    callback_at: datetime | None
    holder: str | None
    attempt_count: int
    #: The signed-in user holds it (decided by user id, never by the name shown).
    held_by_me: bool = False


@dataclass(frozen=True)
class LineView:
    """One order line, priced."""

    article_ref: str
    title: str
    quantity: int
    color: str | None
    size: str | None
    unit_price: Decimal
    line_total: Decimal
    upsell: bool
    discount_pct: Decimal = Decimal(0)


@dataclass(frozen=True)
class HistoryEntry:
    """One state change of the order."""

    at: datetime
    status: OrderStatus
    by: str
    note: str = ""


@dataclass(frozen=True)
class OrderEvent:
    """One audited change of the order as the server recorded it (its history)."""

    at: datetime
    actor: str
    action: str
    from_status: OrderStatus | None = None
    to_status: OrderStatus | None = None
    detail: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EscalationView:
    """The order waits for the team lead: why, who asked, since when."""

    reason: str
    text: str
    by: str
    at: datetime
    by_id: int | None = None
    lead_id: int | None = None


@dataclass(frozen=True)
class RescueLimitsView:
    """What the signed-in role may grant to save an order (the server enforces it)."""

    max_line_discount_pct: Decimal
    max_order_discount_pct: Decimal
    free_delivery: bool
    max_delivery_delay_days: int


@dataclass(frozen=True)
class JournalView:
    """One contact attempt on any channel."""

    at: datetime
    channel: str
    direction: str
    number: str
    outcome: str
    ring_seconds: float
    talk_seconds: float
    sip_code: int | None = None
    sip_reason: str = ""
    agent: str = ""
    template: str = ""


@dataclass(frozen=True)
class NoteView:
    """A note written on the order."""

    at: datetime
    author: str
    text: str
    pending: bool = False


@dataclass(frozen=True)
class PreviousOrder:
    """Another order of the same customer (found by phone)."""

    order_id: int
    reference: str
    created_at: datetime
    status: OrderStatus
    total: Decimal


@dataclass(frozen=True)
class OrderDetail:
    """Everything the order panel shows about one order."""

    order_id: int
    reference: str
    status: OrderStatus
    customer_name: str
    phones: tuple[str, ...]
    email: str | None
    address: str
    city: str
    lines: tuple[LineView, ...]
    subtotal: Decimal
    delivery_fee: Decimal
    discount: Decimal
    total: Decimal
    upsell_tier: int
    tags: frozenset[str]
    owner: str | None
    holder: str | None
    attempt_count: int
    contact_count: int
    callback_at: datetime | None
    last_call_at: datetime | None
    created_at: datetime
    version: int
    history: tuple[HistoryEntry, ...] = ()
    journal: tuple[JournalView, ...] = ()
    notes: tuple[NoteView, ...] = ()
    previous_orders: tuple[PreviousOrder, ...] = ()
    open_duplicates: tuple[str, ...] = ()
    cancel_reason: str | None = None
    free_delivery: bool = False
    order_discount_pct: Decimal = Decimal(0)
    delivery_date: date | None = None
    escalation: EscalationView | None = None
    owner_id: int | None = None
    #: Who holds the lease, by user id (``holder`` is only the name to show).
    holder_id: int | None = None
    #: This desk holds the order's lease (it has the epoch to fence its writes with).
    holds_lease: bool = False
    #: Attempts a lead granted on top of the shop's cap.
    extra_attempts: int = 0


@dataclass(frozen=True)
class VariantStock:
    """Stock of one article variant."""

    color: str | None
    size: str | None
    stock: int


@dataclass(frozen=True)
class ArticleView:
    """A catalogue article with its variants and their stock."""

    ref: str
    title: str
    price: Decimal
    variants: tuple[VariantStock, ...] = field(default_factory=tuple)
