"""Upsell tiers, discounts, delivery fee and rounding of a basket."""

from decimal import Decimal as D

import pytest

from core.money import format_mad, parse_amount, quantize_mad
from core.pricing import (
    ArticlePhase,
    ArticlePricing,
    LineRequest,
    PricingError,
    price_order,
    unit_price_for,
    upsell_counter,
    upsell_tier,
)

CATALOGUE = {
    # Upsell article with all four tiers.
    "ROBE": ArticlePricing("ROBE", D("199"), True, (D("179"), D("159"), D("139"), D("119"))),
    # Upsell article missing tiers 2 and 4.
    "SAC": ArticlePricing("SAC", D("150"), True, (D("140"), None, D("120"), None)),
    # Not an upsell article.
    "CEINTURE": ArticlePricing("CEINTURE", D("49.90")),
    # Flagged upsell but in liquidation: no upsell.
    "FOULARD": ArticlePricing(
        "FOULARD", D("60"), True, (D("50"), D("40"), D("30"), D("20")), ArticlePhase.LIQUIDATION
    ),
    "TESTEUR": ArticlePricing(
        "TESTEUR", D("80"), True, (D("70"), D("60"), D("50"), D("40")), ArticlePhase.TEST
    ),
}


@pytest.mark.parametrize(
    ("units", "tier", "robe_price"),
    [
        (1, 0, "199.00"),
        (2, 1, "179.00"),
        (3, 2, "159.00"),
        (4, 3, "139.00"),
        (5, 4, "119.00"),
        (12, 4, "119.00"),
    ],
)
def test_tier_follows_upsell_units(units: int, tier: int, robe_price: str) -> None:
    priced = price_order([LineRequest("ROBE", units)], CATALOGUE, D("30"))
    assert priced.counter == units - 1
    assert priced.tier == tier
    assert priced.lines[0].unit_price == D(robe_price)
    assert priced.total == D(robe_price) * units + D("30.00")


def test_tier_applies_to_every_upsell_line_and_falls_back_to_normal() -> None:
    lines = [LineRequest("ROBE", 1, "Rouge", "M"), LineRequest("SAC", 1), LineRequest("ROBE", 1)]
    priced = price_order(lines, CATALOGUE, D("30"))
    assert priced.tier == 2  # three upsell units -> counter 2
    assert [line.unit_price for line in priced.lines] == [D("159.00"), D("150.00"), D("159.00")]
    # SAC has no tier-2 price: normal price, and it is not marked as upsold.
    assert [line.upsell for line in priced.lines] == [True, False, True]
    assert priced.lines[0].color == "Rouge" and priced.lines[0].size == "M"
    assert priced.total == D("159") + D("150") + D("159") + D("30")


def test_non_upsell_lines_count_nothing_and_keep_normal_price() -> None:
    lines = [LineRequest("CEINTURE", 5), LineRequest("ROBE", 1)]
    priced = price_order(lines, CATALOGUE, D("0"))
    assert priced.counter == 0 and priced.tier == 0
    assert priced.lines[0].unit_price == D("49.90")
    assert priced.total == D("249.50") + D("199.00")


@pytest.mark.parametrize("ref", ["FOULARD", "TESTEUR"])
def test_liquidation_and_test_articles_never_take_upsell(ref: str) -> None:
    priced = price_order([LineRequest(ref, 4), LineRequest("ROBE", 2)], CATALOGUE, D("0"))
    assert priced.tier == 1  # only the two ROBE units count
    assert priced.lines[0].unit_price == CATALOGUE[ref].normal_price
    assert priced.lines[1].unit_price == D("179.00")


def test_counter_and_tier_functions() -> None:
    assert upsell_counter([], CATALOGUE) == 0
    assert upsell_counter([LineRequest("ROBE", 3), LineRequest("SAC", 2)], CATALOGUE) == 4
    assert [upsell_tier(c) for c in (-1, 0, 1, 2, 3, 4, 5, 40)] == [0, 0, 1, 2, 3, 4, 4, 4]
    assert unit_price_for(CATALOGUE["SAC"], 4) == D("150.00")
    assert unit_price_for(CATALOGUE["SAC"], 3) == D("120.00")


def test_line_and_order_discounts_and_free_delivery() -> None:
    lines = [LineRequest("CEINTURE", 2, discount_pct=D("10")), LineRequest("ROBE", 1)]
    priced = price_order(lines, CATALOGUE, D("35"), order_discount_pct=D("5"))
    assert priced.lines[0].gross == D("99.80")
    assert priced.lines[0].discount == D("9.98")
    assert priced.lines[0].total == D("89.82")
    assert priced.subtotal == D("288.82")
    assert priced.discount == D("14.44")  # 5 % of 288.82 = 14.441
    assert priced.line_discounts == D("9.98")
    assert priced.total == D("288.82") - D("14.44") + D("35.00")
    free = price_order(lines, CATALOGUE, D("35"), free_delivery=True)
    assert free.delivery_fee == D("0.00")
    assert free.total == free.subtotal


def test_empty_basket_costs_the_fee() -> None:
    priced = price_order([], CATALOGUE, D("25"))
    assert priced.total == D("25.00") and priced.tier == 0


@pytest.mark.parametrize(
    ("lines", "kwargs", "code"),
    [
        ([LineRequest("INCONNU", 1)], {}, "unknown_article"),
        ([LineRequest("ROBE", 0)], {}, "invalid_quantity"),
        ([LineRequest("ROBE", 1, discount_pct=D("101"))], {}, "invalid_discount"),
        ([LineRequest("ROBE", 1, discount_pct=D("-1"))], {}, "invalid_discount"),
        ([LineRequest("ROBE", 1)], {"order_discount_pct": D("150")}, "invalid_discount"),
        ([LineRequest("ROBE", 1)], {"delivery_fee": D("-5")}, "invalid_delivery_fee"),
    ],
)
def test_unpriceable_baskets_are_refused(
    lines: list[LineRequest], kwargs: dict[str, D], code: str
) -> None:
    fee = kwargs.pop("delivery_fee", D("30"))
    with pytest.raises(PricingError) as info:
        price_order(lines, CATALOGUE, fee, **kwargs)
    assert info.value.code == code
    assert info.value.message


def test_catalogue_prices_are_checked() -> None:
    with pytest.raises(PricingError) as info:
        ArticlePricing("X", D("-1"))
    assert info.value.code == "invalid_article_price"
    with pytest.raises(PricingError):
        ArticlePricing("X", D("10"), True, (D("9"), D("-8"), None, None))


def test_quantize_mad() -> None:
    assert quantize_mad(D("0.005")) == D("0.01")
    assert quantize_mad(D("2.675")) == D("2.68")  # half-up, unlike binary floats
    assert quantize_mad("12,5") == D("12.50")
    assert quantize_mad(7) == D("7.00")
    assert quantize_mad(D("1")).as_tuple().exponent == -2
    with pytest.raises(TypeError):
        quantize_mad(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        quantize_mad("douze")
    with pytest.raises(ValueError):
        quantize_mad(D("NaN"))


def test_format_mad() -> None:
    assert format_mad(D("1249.9")) == "1 249,90 MAD"
    assert format_mad(D("30")) == "30,00 MAD"
    assert format_mad(D("-1234567.5")) == "-1 234 567,50 MAD"


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1 249,90 DH", "1249.90"),
        ("1\u202f249,90\u00a0MAD", "1249.90"),
        ("1.249,90", "1249.90"),
        ("1,249.90 MAD", "1249.90"),
        ("249", "249.00"),
        ("249,9", "249.90"),
        ("12 345 Dhs", "12345.00"),
        ("-12.50", "-12.50"),
    ],
)
def test_parse_amount_as_sheets_write_it(written: str, amount: str) -> None:
    assert parse_amount(written) == D(amount)


@pytest.mark.parametrize("written", ["", "DH", "abc", "12 abc", "1-2"])
def test_parse_amount_refuses_text(written: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(written)
