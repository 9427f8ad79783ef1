"""Order intake: the CSV import report and the shop webhook body."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from core.wire.base import WireModel
from core.wire.time_bounds import PlausibleMoment


class ImportRowError(WireModel):
    """A row that was not imported (in ``errors``), or one imported with something to
    check (in ``warnings``), with its line number in the file (1 = header)."""

    line: int
    code: str
    message: str
    params: dict[str, str] = Field(default_factory=dict)


class ImportReport(WireModel):
    """What ``POST /api/v1/import/orders`` (CSV body) did."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    flagged_duplicates: int = 0
    errors: list[ImportRowError] = Field(default_factory=list)
    # Rows imported with a doubt the lead should see (e.g. an unknown status read as new).
    warnings: list[ImportRowError] = Field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


class WebhookLine(WireModel):
    """A line as the shop sends it."""

    article_ref: str = Field(min_length=1, max_length=64)
    quantity: int = Field(default=1, ge=1, le=999)
    color: str | None = Field(default=None, max_length=64)
    size: str | None = Field(default=None, max_length=64)


class WebhookOrder(WireModel):
    """``POST /api/v1/webhooks/orders``, signed with ``X-Hatif-Signature:
    t=<unix s>,id=<event id>,v1=<hex HMAC-SHA256 of "{t}.{id}." + raw body>``."""

    reference: str = Field(min_length=1, max_length=64)
    created_at: PlausibleMoment | None = None
    customer_name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=3, max_length=32)
    address: str = Field(default="", max_length=500)
    city: str = Field(default="", max_length=100)
    lines: list[WebhookLine] = Field(default_factory=list, max_length=50)
    total: Decimal | None = Field(
        default=None,
        ge=0,
        le=Decimal("9999999999.99"),
        decimal_places=2,
        description="Informative; the server reprices",
    )
    product_text: str | None = Field(default=None, max_length=500)


class WebhookResult(WireModel):
    """``created`` is false on a replay of an order already known."""

    order_id: int
    reference: str
    created: bool
    possible_duplicate_of: str | None = None
