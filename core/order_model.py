"""The order as the whole application sees it: customer, lines, totals, state.

Plain mutable dataclasses; persistence lives in server/ and app/. Line unit
prices are the ones ``core.pricing`` computed (the server recomputes them from
the catalogue; a client's totals are never trusted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from core.money import ZERO, percent_of, quantize_mad
from core.order_status import OrderStatus, is_open


class OrderSource(StrEnum):
    """How the order entered Hatif."""

    SHEET_IMPORT = "sheet_import"
    WEBHOOK = "webhook"
    AGENT = "agent"


@dataclass
class Customer:
    """Who ordered and where to deliver. ``phones`` are E.164, first is main."""

    name: str
    phones: list[str]
    email: str | None = None
    address: str = ""
    city: str = ""

    @property
    def main_phone(self) -> str | None:
        return self.phones[0] if self.phones else None


@dataclass
class OrderLine:
    """One article variant in a basket, at the unit price pricing decided."""

    article_ref: str
    quantity: int
    unit_price: Decimal
    color: str | None = None
    size: str | None = None
    upsell: bool = False
    discount_pct: Decimal = field(default_factory=lambda: Decimal(0))

    @property
    def gross(self) -> Decimal:
        """Quantity times unit price, before the line discount."""
        return quantize_mad(self.unit_price * self.quantity)

    @property
    def discount(self) -> Decimal:
        return percent_of(self.gross, Decimal(self.discount_pct))

    @property
    def total(self) -> Decimal:
        return self.gross - self.discount

    @property
    def variant_label(self) -> str:
        """"Rouge, M" style description of the variant ("" when none)."""
        return ", ".join(part for part in (self.color, self.size) if part)


@dataclass
class Order:
    """A cash-on-delivery order waiting for (or past) confirmation."""

    reference: str
    created_at: datetime
    customer: Customer
    lines: list[OrderLine]
    delivery_fee: Decimal
    status: OrderStatus = OrderStatus.UNASSIGNED
    tags: set[str] = field(default_factory=set)
    owner: str | None = None
    attempt_count: int = 0
    contact_count: int = 0
    callback_at: datetime | None = None
    cancel_reason: str | None = None
    source: OrderSource = OrderSource.SHEET_IMPORT
    version: int = 1
    updated_at: datetime | None = None
    confirmed_at: datetime | None = None
    order_discount_pct: Decimal = field(default_factory=lambda: Decimal(0))
    free_delivery: bool = False

    @property
    def subtotal(self) -> Decimal:
        """Sum of line totals (after line discounts)."""
        return sum((line.total for line in self.lines), ZERO)

    @property
    def order_discount(self) -> Decimal:
        return percent_of(self.subtotal, Decimal(self.order_discount_pct))

    @property
    def effective_delivery_fee(self) -> Decimal:
        return ZERO if self.free_delivery else quantize_mad(self.delivery_fee)

    @property
    def total(self) -> Decimal:
        """What the courier collects: lines, minus order discount, plus fee."""
        return self.subtotal - self.order_discount + self.effective_delivery_fee

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def is_open(self) -> bool:
        return is_open(self.status)
