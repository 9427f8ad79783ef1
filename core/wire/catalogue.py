"""Catalogue, cities, settings, predefined notes and message templates.

``phase`` is a ``core.pricing.ArticlePhase`` value (active / liquidation /
test). ``upsell_prices`` holds the unit price for tiers 1..4 (null = normal).
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field, field_validator

from core.message_templates import PLACEHOLDERS
from core.shop_time import DEFAULT_TIME_ZONE, shop_zone
from core.wire.base import MAX_INT32, Money, WireModel

_NO_UPSELL_PRICES: tuple[Decimal | None, ...] = (None, None, None, None)


class VariantWire(WireModel):
    """A colour / size of an article with its stock."""

    id: int | None = None
    color: str | None = None
    size: str | None = None
    stock: int = Field(default=0, ge=0, le=MAX_INT32)


class ArticleWire(WireModel):
    """An article of the catalogue."""

    ref: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    category: str = ""
    normal_price: Decimal = Field(ge=0, le=Decimal("9999999999.99"), decimal_places=2)
    upsell: bool = False
    upsell_prices: list[Money | None] = Field(
        default_factory=lambda: list(_NO_UPSELL_PRICES), min_length=4, max_length=4
    )
    phase: str = "active"
    variants: list[VariantWire] = Field(default_factory=list)


class CityWire(WireModel):
    """A delivery city with its fee."""

    name: str = Field(min_length=1, max_length=100)
    region: str = ""
    delivery_fee: Decimal = Field(ge=0, le=Decimal("9999999999.99"), decimal_places=2)


class RescueLimits(WireModel):
    """What one role may grant to save an order; the server refuses more."""

    max_line_discount_pct: Decimal = Field(default=Decimal("10"), ge=0, le=100)
    max_order_discount_pct: Decimal = Field(default=Decimal("10"), ge=0, le=100)
    free_delivery: bool = True
    max_delivery_delay_days: int = Field(default=7, ge=0, le=90)


def default_rescue_limits() -> dict[str, RescueLimits]:
    """Agents a little, leads more, admins everything."""
    return {
        "agent": RescueLimits(),
        "lead": RescueLimits(
            max_line_discount_pct=Decimal("30"),
            max_order_discount_pct=Decimal("30"),
            max_delivery_delay_days=30,
        ),
        "admin": RescueLimits(
            max_line_discount_pct=Decimal("100"),
            max_order_discount_pct=Decimal("100"),
            max_delivery_delay_days=90,
        ),
    }


class SettingsWire(WireModel):
    """Shop settings managed by admins."""

    attempt_cap: int = Field(default=4, ge=1, le=50)
    call_gap_minutes: int = Field(default=10, ge=0, le=1440)
    lease_seconds: int = Field(default=120, ge=10, le=3600)
    max_leases_per_agent: int = Field(
        default=3, ge=1, le=50, description="Orders one agent may hold at once"
    )
    default_region: str = "MA"
    shop_name: str = Field(default="", max_length=120, description="Signs {shop_name}")
    message_language: str = Field(
        default="fr",
        pattern=r"^(fr|ar)$",
        description="Language of messages to customers who did not write in Arabic",
    )
    remind_pool_callbacks: bool = Field(
        default=False,
        description="Remind agents of due callbacks nobody owns (not only their own)",
    )
    rescue_limits: dict[str, RescueLimits] = Field(
        default_factory=default_rescue_limits, description="Per role: agent, lead, admin"
    )
    time_zone: str = Field(
        default=DEFAULT_TIME_ZONE,
        max_length=64,
        description="IANA time zone of the shop: its 'today' and hour slots in every figure",
    )

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        shop_zone(value)  # ValueError becomes the 422 of an unknown zone
        return value


class TeamSettingsWire(WireModel):
    """A team's ways of reaching customers and its lead, set by its lead or an admin
    and pushed to the team's desks only (the gateway key is the team's business)."""

    lead_extension: str = Field(
        default="",
        max_length=64,
        pattern=r"^[0-9A-Za-z+*#._@:;=-]*$",
        description="Where 'Transfer to lead' sends a call: an extension or a sip: URI",
    )
    sms_gateway_url: str = Field(
        default="",
        max_length=500,
        pattern=r"^(https?://\S+)?$",
        description="SMS gateway endpoint (JSON POST); empty opens the desk's SMS app",
    )
    sms_gateway_token: str = Field(
        default="", max_length=500, description="Bearer token of the SMS gateway"
    )
    whatsapp_calls: bool = Field(
        default=False, description="Offer WhatsApp calls (needs the WhatsApp desktop app)"
    )
    whatsapp_voice: bool = Field(default=False, description="Offer WhatsApp voice messages")


class PredefinedNoteWire(WireModel):
    """A note an agent picks instead of typing; may apply tags and a disposition."""

    code: str = Field(min_length=1, max_length=64)
    title: str
    text: str
    tags: list[str] = Field(default_factory=list)
    disposition: str | None = None


class TemplateWire(WireModel):
    """A WhatsApp / SMS message template.

    Placeholders: those of ``core.message_templates.PLACEHOLDERS``
    (``{customer_name}``, ``{order_reference}``, ``{total}``, ``{items}``...).
    """

    code: str = Field(min_length=1, max_length=64)
    language: str = Field(pattern=r"^(fr|ar)$")
    channel: str = Field(default="whatsapp", description="whatsapp | sms")
    title: str
    body: str


TEMPLATE_PLACEHOLDERS: tuple[str, ...] = tuple(PLACEHOLDERS)
