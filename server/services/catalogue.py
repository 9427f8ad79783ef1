"""Catalogue lookups for pricing, and catalogue management (stock moves through
``stock_ledger``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.delivery_fees import DeliveryFeeTable
from core.money import ZERO
from core.pricing import ArticlePhase, ArticlePricing, LineRequest, PricedOrder, price_order
from core.text_folding import fold_text
from core.wire.catalogue import ArticleWire, CityWire, VariantWire
from server.db.models_catalogue import Article, City, Variant
from server.db.models_orders import OrderLineRow, OrderRow
from server.services.db_clock import db_now
from server.services.errors import ServiceError
from server.services.stock_ledger import set_variant_stock
from server.services.variants import find_variant


def article_pricing(article: Article) -> ArticlePricing:
    return ArticlePricing(
        ref=article.ref,
        normal_price=article.normal_price,
        upsell=article.upsell,
        upsell_prices=(
            article.upsell_price_1,
            article.upsell_price_2,
            article.upsell_price_3,
            article.upsell_price_4,
        ),
        phase=ArticlePhase(article.phase),
    )


def articles_by_ref(session: Session, refs: set[str]) -> dict[str, Article]:
    rows = session.execute(select(Article).where(Article.ref.in_(refs))).scalars()
    return {row.ref: row for row in rows}


def delivery_fee_for(session: Session, city: str) -> Decimal:
    """Fee of the city; zero when the city is not in the table (the agent fixes it)."""
    fees = {row.name: row.delivery_fee for row in session.execute(select(City)).scalars()}
    return DeliveryFeeTable(fees=fees, default_fee=ZERO).fee_for(city or "")


@dataclass
class WantedLine:
    """A line to price: article, quantity, variant, line discount."""

    article_ref: str
    quantity: int
    color: str | None = None
    size: str | None = None
    discount_pct: Decimal = Decimal(0)


# Column widths of order_lines: longer text is refused before the database sees it.
_MAX_COLOR = 64
_MAX_SIZE = 16


def _check_variant_text(line: WantedLine) -> None:
    for field, value, limit in (("color", line.color, _MAX_COLOR), ("size", line.size, _MAX_SIZE)):
        if value is not None and len(value) > limit:
            raise ServiceError(
                422,
                "invalid_input",
                f"The {field} is longer than {limit} characters.",
                {"field": field, "max_length": limit},
            )


def reprice_order(
    session: Session,
    order: OrderRow,
    wanted: Sequence[WantedLine],
    *,
    free_delivery: bool,
    order_discount_pct: Decimal | None = None,
) -> PricedOrder:
    """Replace the order's lines with ``wanted``, priced from the catalogue by core.

    ``order_discount_pct`` replaces the order's discount; None keeps the stored one.
    """
    for line in wanted:
        _check_variant_text(line)
    pct = order_discount_pct
    if pct is None:
        pct = order.order_discount_pct or Decimal(0)
    articles = articles_by_ref(session, {line.article_ref for line in wanted})
    unknown = sorted({line.article_ref for line in wanted} - set(articles))
    if unknown:
        raise ServiceError(
            422,
            "unknown_article",
            f"Article {unknown[0]!r} is not in the catalogue.",
            {"article_ref": unknown[0]},
        )
    for line in wanted:
        article = articles[line.article_ref]
        if article.variants and find_variant(article, line.color, line.size) is None:
            raise ServiceError(
                422,
                "unknown_variant",
                f"{article.name} does not exist in {line.color or '-'} / {line.size or '-'}.",
                {"article_ref": line.article_ref, "color": line.color, "size": line.size},
            )
    priced = price_order(
        [
            LineRequest(
                article_ref=line.article_ref,
                quantity=line.quantity,
                color=line.color,
                size=line.size,
                discount_pct=line.discount_pct,
            )
            for line in wanted
        ],
        {ref: article_pricing(article) for ref, article in articles.items()},
        delivery_fee_for(session, order.city),
        order_discount_pct=pct,
        free_delivery=free_delivery,
    )
    order.lines.clear()
    session.flush()
    for position, (line, priced_line) in enumerate(zip(wanted, priced.lines, strict=True)):
        article = articles[line.article_ref]
        variant = find_variant(article, line.color, line.size) if article.variants else None
        order.lines.append(
            OrderLineRow(
                position=position,
                article_ref=article.ref,
                article_name=article.name,
                variant_id=variant.id if variant else None,
                color=variant.color if variant else line.color,
                size=variant.size if variant else line.size,
                quantity=priced_line.quantity,
                unit_price=priced_line.unit_price,
                upsell=priced_line.upsell,
                discount_pct=priced_line.discount_pct,
                line_total=priced_line.total,
            )
        )
    apply_totals(order, priced, free_delivery)
    order.order_discount_pct = pct
    return priced


def apply_totals(order: OrderRow, priced: PricedOrder, free_delivery: bool) -> None:
    order.subtotal = priced.subtotal
    order.discount = priced.discount
    order.delivery_fee = priced.delivery_fee
    order.total = priced.total
    order.upsell_tier = priced.tier
    order.free_delivery = free_delivery


def wanted_from_lines(order: OrderRow) -> list[WantedLine]:
    return [
        WantedLine(line.article_ref, line.quantity, line.color, line.size, line.discount_pct)
        for line in order.lines
    ]


def article_wire(article: Article) -> ArticleWire:
    return ArticleWire(
        ref=article.ref,
        name=article.name,
        category=article.category,
        normal_price=article.normal_price,
        upsell=article.upsell,
        upsell_prices=[
            article.upsell_price_1,
            article.upsell_price_2,
            article.upsell_price_3,
            article.upsell_price_4,
        ],
        phase=article.phase,
        variants=[
            VariantWire(id=v.id, color=v.color, size=v.size, stock=v.stock)
            for v in article.variants
        ],
    )


def upsert_article(
    session: Session, wire: ArticleWire, *, actor_id: int | None = None
) -> Article:
    """Create or update an article and its variants (by colour + size); a changed
    stock level is written to the ledger as an adjustment by ``actor_id``."""
    try:
        ArticlePhase(wire.phase)
    except ValueError:
        raise ServiceError(
            422,
            "invalid_phase",
            f"{wire.phase!r} is not a phase (active, liquidation, test).",
            {"phase": wire.phase},
        ) from None
    article = session.execute(select(Article).where(Article.ref == wire.ref)).scalar()
    if article is None:
        article = Article(ref=wire.ref, name=wire.name, normal_price=wire.normal_price)
        session.add(article)
    article.name = wire.name
    article.category = wire.category
    article.normal_price = wire.normal_price
    article.upsell = wire.upsell
    prices = list(wire.upsell_prices)
    (
        article.upsell_price_1,
        article.upsell_price_2,
        article.upsell_price_3,
        article.upsell_price_4,
    ) = prices
    article.phase = wire.phase
    now = db_now(session)
    for wanted in wire.variants:
        variant = find_variant(article, wanted.color, wanted.size)
        if variant is None:
            variant = Variant(color=wanted.color, size=wanted.size, stock=0)
            article.variants.append(variant)
        set_variant_stock(session, variant, wanted.stock, actor_id=actor_id, now=now)
    session.flush()
    return article


def city_wire(city: City) -> CityWire:
    return CityWire(name=city.name, region=city.region, delivery_fee=city.delivery_fee)


def upsert_city(session: Session, wire: CityWire) -> City:
    folded = fold_text(wire.name).replace(" ", "")
    city = session.execute(select(City).where(City.folded_name == folded)).scalar()
    if city is None:
        city = City(name=wire.name.strip(), folded_name=folded, delivery_fee=wire.delivery_fee)
        session.add(city)
    city.region = wire.region
    city.delivery_fee = wire.delivery_fee
    session.flush()
    return city
