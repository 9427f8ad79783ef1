"""Orders as the API shows them: customer, lines with totals, status, lease, owner.

Money is ``Decimal`` in MAD (serialised as a JSON string such as ``"249.00"``);
totals are always computed by the server from the lines (``core.pricing``).
``status`` is a ``core.order_status.OrderStatus`` value, ``source`` a
``core.order_model.OrderSource`` value.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from core.wire.base import Id, WireModel


class CustomerWire(WireModel):
    """The customer of an order; phones are E.164 (``+212...``)."""

    name: str
    phones: list[str] = Field(default_factory=list)
    email: str | None = None
    address: str = ""
    city: str = ""


class OrderLineWire(WireModel):
    """One line of an order as priced by the server."""

    id: int | None = None
    article_ref: str
    article_name: str = ""
    color: str | None = None
    size: str | None = None
    quantity: int
    unit_price: Decimal
    upsell: bool = False
    discount_pct: Decimal = Decimal("0")
    line_total: Decimal = Decimal("0")


class LeaseInfo(WireModel):
    """Who holds an order right now (a claim), until when, under which epoch.

    ``epoch`` rises with every new holder; writes carry it (fencing).
    """

    order_id: int
    holder_id: int
    holder_name: str
    epoch: int
    expires_at: datetime
    claimed_at: datetime | None = Field(default=None, description="Held by this holder since")
    order_reference: str | None = None


class EscalationReason(StrEnum):
    """Why an agent hands an order to the team lead."""

    COMPLEX_CASE = "complex_case"
    COMPLAINT = "complaint"
    SPECIAL_AUTHORISATION = "special_authorisation"


class EscalationWire(WireModel):
    """An open escalation: the order waits for the team lead's answer."""

    reason: EscalationReason
    text: str = ""
    by_id: int
    by_name: str
    at: datetime
    lead_id: int | None = Field(default=None, description="The lead of the agent's team")


class OrderWire(WireModel):
    """An order with everything a desk needs to show and act on it."""

    id: int
    reference: str
    created_at: datetime
    updated_at: datetime
    customer: CustomerWire
    lines: list[OrderLineWire] = Field(default_factory=list)
    delivery_fee: Decimal = Decimal("0")
    subtotal: Decimal = Decimal("0")
    discount: Decimal = Decimal("0")
    total: Decimal = Decimal("0")
    upsell_tier: int = 0
    status: str
    version: int = Field(description="Rises by one with every change of the order")
    lease: LeaseInfo | None = None
    lease_epoch: int = Field(default=0, description="Last epoch handed out for this order")
    owner_id: int | None = None
    owner_name: str | None = None
    team_id: int | None = None
    tags: list[str] = Field(default_factory=list)
    attempt_count: int = Field(default=0, description="Contact attempts (all channels)")
    contact_count: int = Field(default=0, description="Attempts that reached the customer")
    extra_attempts: int = Field(
        default=0, description="Attempts a lead granted beyond the shop's cap on this order"
    )
    last_call_at: datetime | None = None
    next_call_allowed_at: datetime | None = None
    callback_at: datetime | None = None
    cancel_reason: str | None = None
    source: str = "sheet_import"
    possible_duplicate_of: str | None = Field(
        default=None, description="Reference of an open order with the same phone"
    )
    imported_operator: str | None = None
    order_discount_pct: Decimal = Field(
        default=Decimal("0"), description="Discount in % on the whole order (rescue tool)"
    )
    delivery_date: date | None = Field(
        default=None, description="Later delivery date agreed with the customer (rescue tool)"
    )
    escalation: EscalationWire | None = Field(
        default=None, description="Set while the order waits for the team lead"
    )


class OrderPage(WireModel):
    """``GET /api/v1/orders`` — a page of orders visible to the caller."""

    items: list[OrderWire]
    total: int
    offset: int = 0
    limit: int = 50
    cursor: int = Field(
        default=0,
        description="Change-log cursor at the time of this read: pull from here to stay "
        "up to date (changes already in the page may come again; apply them idempotently)",
    )
    next_after_id: int | None = Field(
        default=None,
        description="Keyset paging (``sort=id``): pass as ``after_id`` for the next page; "
        "null on the last page (and always null for the other sorts)",
    )


class NoteWire(WireModel):
    """A note written on an order (free text or a predefined note)."""

    id: int
    order_id: int
    author_id: int
    author_name: str
    text: str
    predefined_code: str | None = None
    created_at: datetime


class ReassignRequest(WireModel):
    """``POST /api/v1/orders/{id}/reassign`` (lead / admin): new owner, or none."""

    owner_id: Id | None = None
    release_lease: bool = True


class EscalateRequest(WireModel):
    """``POST /orders/{id}/escalate``: hand the order to the team lead."""

    reason: EscalationReason
    text: str = Field(default="", max_length=2000)


class EscalationAnswer(WireModel):
    """``POST /orders/{id}/escalation/answer``: the lead's answer; the order goes back
    to the agent who escalated it, with the answer as a note."""

    text: str = Field(min_length=1, max_length=4000)


class NewOrderLine(WireModel):
    """A line of a new order; the server prices it."""

    article_ref: str = Field(min_length=1, max_length=64)
    quantity: int = Field(ge=1, le=999)
    color: str | None = None
    size: str | None = None


class NewOrderRequest(WireModel):
    """``POST /orders``: an order typed by an agent (existing or new customer)."""

    customer: CustomerWire
    lines: list[NewOrderLine] = Field(min_length=1, max_length=50)
    free_delivery: bool = False
    note: str | None = Field(default=None, max_length=4000)


class NewOrderResult(WireModel):
    """The created order, already leased to and owned by its creator."""

    id: int
    order: OrderWire
    lease: LeaseInfo
