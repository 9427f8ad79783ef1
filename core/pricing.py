"""Prices of a basket, recomputed from the catalogue (never taken from outside).

Upsell tiers as the shops use them: articles flagged upsell carry up to four
upsell prices. The counter is the number of upsell units in the order minus
one; counter 0 means normal price, 1-3 the upsell price of that rank, 4 or
more upsell price 4. A missing tier price falls back to the normal price. The
tier applies to every upsell line of the order. Articles in liquidation or
test phase never take part in upsell (they count no units and keep their
normal price).

Order of operations: line gross = unit price x quantity; line discount %;
subtotal = sum of line totals; order discount % on the subtotal; delivery fee
(zero with free delivery); total = subtotal - order discount + fee. Every
amount is a Decimal rounded half-up to 0.01 MAD.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from core.domain_error import DomainError
from core.money import HUNDRED, ZERO, format_mad, percent_of, quantize_mad

__all__ = [
    "MAX_TIER",
    "ArticlePhase",
    "ArticlePricing",
    "LineRequest",
    "PricedLine",
    "PricedOrder",
    "PricingError",
    "format_mad",
    "price_order",
    "quantize_mad",
    "unit_price_for",
    "upsell_counter",
    "upsell_tier",
    "upsell_units",
]

MAX_TIER = 4


class PricingError(DomainError):
    """A basket cannot be priced (unknown article, bad quantity or discount)."""


class ArticlePhase(StrEnum):
    """Commercial phase of an article; only ACTIVE articles take upsell."""

    ACTIVE = "active"
    LIQUIDATION = "liquidation"
    TEST = "test"


UpsellPrices = tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]


@dataclass(frozen=True)
class ArticlePricing:
    """What the catalogue says about one article's price."""

    ref: str
    normal_price: Decimal
    upsell: bool = False
    upsell_prices: UpsellPrices = (None, None, None, None)
    phase: ArticlePhase = ArticlePhase.ACTIVE

    def __post_init__(self) -> None:
        prices = [self.normal_price, *(p for p in self.upsell_prices if p is not None)]
        if len(self.upsell_prices) != MAX_TIER or any(
            not Decimal(p).is_finite() or p < 0 for p in prices
        ):
            raise PricingError(
                "invalid_article_price",
                f"Article {self.ref!r} has a negative or malformed price.",
                {"article_ref": self.ref},
            )

    @property
    def takes_upsell(self) -> bool:
        """Flagged upsell and in a phase where upsell applies."""
        return self.upsell and self.phase == ArticlePhase.ACTIVE


@dataclass(frozen=True)
class LineRequest:
    """A line as asked for: which article variant, how many, line discount."""

    article_ref: str
    quantity: int
    color: str | None = None
    size: str | None = None
    discount_pct: Decimal = field(default_factory=lambda: Decimal(0))


@dataclass(frozen=True)
class PricedLine:
    """A line with its unit price and amounts; ``upsell`` = a tier price applied."""

    article_ref: str
    quantity: int
    color: str | None
    size: str | None
    unit_price: Decimal
    upsell: bool
    discount_pct: Decimal
    gross: Decimal
    discount: Decimal
    total: Decimal


@dataclass(frozen=True)
class PricedOrder:
    """The priced basket. ``discount`` is the order-level discount only."""

    lines: tuple[PricedLine, ...]
    subtotal: Decimal
    delivery_fee: Decimal
    discount: Decimal
    total: Decimal
    tier: int
    counter: int

    @property
    def line_discounts(self) -> Decimal:
        return sum((line.discount for line in self.lines), ZERO)


def _article(ref: str, articles: Mapping[str, ArticlePricing]) -> ArticlePricing:
    try:
        return articles[ref]
    except KeyError:
        raise PricingError(
            "unknown_article", f"Article {ref!r} is not in the catalogue.", {"article_ref": ref}
        ) from None


def upsell_units(lines: Sequence[LineRequest], articles: Mapping[str, ArticlePricing]) -> int:
    """Units of upsell-eligible articles in the basket."""
    return sum(
        line.quantity for line in lines if _article(line.article_ref, articles).takes_upsell
    )


def upsell_counter(lines: Sequence[LineRequest], articles: Mapping[str, ArticlePricing]) -> int:
    """Upsell units minus one, never below zero."""
    return max(0, upsell_units(lines, articles) - 1)


def upsell_tier(counter: int) -> int:
    """Tier 0 (normal price) to 4 for a counter."""
    return max(0, min(counter, MAX_TIER))


def _tier_price(article: ArticlePricing, tier: int) -> Decimal | None:
    """The upsell price of ``tier`` when it applies, else ``None``."""
    if tier <= 0 or not article.takes_upsell:
        return None
    return article.upsell_prices[min(tier, MAX_TIER) - 1]


def unit_price_for(article: ArticlePricing, tier: int) -> Decimal:
    """Unit price of ``article`` at ``tier``; normal price where the tier is missing."""
    tier_price = _tier_price(article, tier)
    return quantize_mad(article.normal_price if tier_price is None else tier_price)


def _check_pct(value: Decimal, what: str, **params: object) -> Decimal:
    pct = Decimal(value)
    if not pct.is_finite() or pct < 0 or pct > HUNDRED:
        raise PricingError(
            "invalid_discount",
            f"The {what} discount must be between 0 and 100 %.",
            {"discount_pct": str(value), **params},
        )
    return pct


def _price_line(line: LineRequest, article: ArticlePricing, tier: int) -> PricedLine:
    if line.quantity < 1:
        raise PricingError(
            "invalid_quantity",
            f"The quantity of {line.article_ref!r} must be at least 1.",
            {"article_ref": line.article_ref, "quantity": line.quantity},
        )
    pct = _check_pct(line.discount_pct, "line", article_ref=line.article_ref)
    unit = unit_price_for(article, tier)
    gross = quantize_mad(unit * line.quantity)
    discount = percent_of(gross, pct)
    return PricedLine(
        article_ref=line.article_ref,
        quantity=line.quantity,
        color=line.color,
        size=line.size,
        unit_price=unit,
        upsell=_tier_price(article, tier) is not None,
        discount_pct=pct,
        gross=gross,
        discount=discount,
        total=gross - discount,
    )


def price_order(
    lines: Sequence[LineRequest],
    articles: Mapping[str, ArticlePricing],
    delivery_fee: Decimal,
    *,
    order_discount_pct: Decimal = Decimal(0),
    free_delivery: bool = False,
) -> PricedOrder:
    """Price a basket from the catalogue; raises ``PricingError``."""
    counter = upsell_counter(lines, articles)
    tier = upsell_tier(counter)
    priced = tuple(_price_line(line, _article(line.article_ref, articles), tier) for line in lines)
    subtotal = sum((line.total for line in priced), ZERO)
    discount = percent_of(subtotal, _check_pct(order_discount_pct, "order"))
    fee = ZERO if free_delivery else quantize_mad(delivery_fee)
    if fee < 0:
        raise PricingError(
            "invalid_delivery_fee", "The delivery fee cannot be negative.", {"fee": str(fee)}
        )
    return PricedOrder(
        lines=priced,
        subtotal=subtotal,
        delivery_fee=fee,
        discount=discount,
        total=subtotal - discount + fee,
        tier=tier,
        counter=counter,
    )
