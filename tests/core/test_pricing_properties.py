"""Properties of pricing that must hold for any basket."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from core.pricing import ArticlePhase, ArticlePricing, LineRequest, price_order

money = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False)
pct = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@st.composite
def catalogues(draw: st.DrawFn) -> dict[str, ArticlePricing]:
    refs = draw(st.lists(st.text("ABCDEFGH", min_size=1, max_size=4), min_size=1, max_size=6,
                         unique=True))
    return {
        ref: ArticlePricing(
            ref,
            draw(money),
            draw(st.booleans()),
            tuple(draw(st.lists(st.one_of(st.none(), money), min_size=4, max_size=4))),  # type: ignore[arg-type]
            draw(st.sampled_from(list(ArticlePhase))),
        )
        for ref in refs
    }


@st.composite
def baskets(
    draw: st.DrawFn, with_discounts: bool = False
) -> tuple[dict[str, ArticlePricing], list[LineRequest]]:
    catalogue = draw(catalogues())
    lines = draw(
        st.lists(
            st.builds(
                LineRequest,
                st.sampled_from(sorted(catalogue)),
                st.integers(min_value=1, max_value=12),
                st.sampled_from([None, "Rouge", "Noir"]),
                st.sampled_from([None, "S", "M", "XL"]),
                pct if with_discounts else st.just(Decimal(0)),
            ),
            max_size=8,
        )
    )
    return catalogue, lines


@settings(max_examples=150, deadline=None)
@given(basket=baskets(), fee=money)
def test_total_is_sum_of_lines_plus_fee(
    basket: tuple[dict[str, ArticlePricing], list[LineRequest]], fee: Decimal
) -> None:
    catalogue, lines = basket
    priced = price_order(lines, catalogue, fee)
    assert priced.total == sum((line.total for line in priced.lines), Decimal(0)) + fee
    for line in priced.lines:
        assert line.total == line.unit_price * line.quantity
        assert line.unit_price in {catalogue[line.article_ref].normal_price,
                                   *(p for p in catalogue[line.article_ref].upsell_prices if p)}


@settings(max_examples=150, deadline=None)
@given(basket=baskets(with_discounts=True), fee=money, order_pct=pct, free=st.booleans())
def test_discounted_totals_add_up_to_the_cent(
    basket: tuple[dict[str, ArticlePricing], list[LineRequest]],
    fee: Decimal,
    order_pct: Decimal,
    free: bool,
) -> None:
    catalogue, lines = basket
    priced = price_order(lines, catalogue, fee, order_discount_pct=order_pct, free_delivery=free)
    assert priced.subtotal == sum((line.total for line in priced.lines), Decimal(0))
    assert priced.total == priced.subtotal - priced.discount + priced.delivery_fee
    assert priced.delivery_fee == (Decimal(0) if free else fee)
    assert Decimal(0) <= priced.discount <= priced.subtotal
    for amount in (priced.total, priced.subtotal, priced.discount, priced.delivery_fee):
        assert amount.as_tuple().exponent == -2


@settings(max_examples=150, deadline=None)
@given(basket=baskets(with_discounts=True), data=st.data())
def test_tier_and_total_do_not_depend_on_line_order(
    basket: tuple[dict[str, ArticlePricing], list[LineRequest]], data: st.DataObject
) -> None:
    catalogue, lines = basket
    shuffled = data.draw(st.permutations(lines))
    a = price_order(lines, catalogue, Decimal("30"))
    b = price_order(shuffled, catalogue, Decimal("30"))
    assert a.tier == b.tier and a.counter == b.counter
    assert a.total == b.total
    assert sorted(line.total for line in a.lines) == sorted(line.total for line in b.lines)
