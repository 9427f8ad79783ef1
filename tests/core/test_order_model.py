"""Order totals and the delivery fee table."""

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from core.delivery_fees import DeliveryFeeTable, UnknownCity
from core.order_model import Customer, Order, OrderLine, OrderSource
from core.order_status import OrderStatus
from core.pricing import LineRequest, price_order
from tests.core.test_pricing import CATALOGUE


def make_order(**overrides: object) -> Order:
    fields: dict[str, object] = {
        "reference": "CMD-1001",
        "created_at": datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        "customer": Customer("Salma B.", ["+212612345678"], None, "12 rue Atlas", "Rabat"),
        "lines": [
            OrderLine("ROBE", 2, D("179.00"), "Rouge", "M", upsell=True),
            OrderLine("CEINTURE", 1, D("49.90"), discount_pct=D("10")),
        ],
        "delivery_fee": D("30"),
    }
    fields.update(overrides)
    return Order(**fields)  # type: ignore[arg-type]


def test_new_order_defaults() -> None:
    order = make_order()
    assert order.status == OrderStatus.UNASSIGNED and order.is_open
    assert order.attempt_count == 0 and order.contact_count == 0
    assert order.tags == set() and order.owner is None
    assert order.source == OrderSource.SHEET_IMPORT
    assert order.version == 1
    assert order.customer.main_phone == "+212612345678"


def test_totals_from_lines() -> None:
    order = make_order()
    assert order.lines[0].total == D("358.00")
    assert order.lines[1].discount == D("4.99")
    assert order.lines[1].total == D("44.91")
    assert order.subtotal == D("402.91")
    assert order.total == D("432.91")
    assert order.item_count == 3
    assert order.lines[0].variant_label == "Rouge, M"
    assert order.lines[1].variant_label == ""


def test_order_discount_and_free_delivery() -> None:
    order = make_order(order_discount_pct=D("10"), free_delivery=True)
    assert order.order_discount == D("40.29")
    assert order.effective_delivery_fee == D("0.00")
    assert order.total == D("362.62")


def test_model_totals_agree_with_pricing() -> None:
    requests = [LineRequest("ROBE", 2, "Rouge", "M"), LineRequest("CEINTURE", 1)]
    priced = price_order(requests, CATALOGUE, D("30"))
    order = make_order(
        lines=[
            OrderLine(p.article_ref, p.quantity, p.unit_price, p.color, p.size, p.upsell)
            for p in priced.lines
        ]
    )
    assert order.total == priced.total


def test_delivery_fee_by_city() -> None:
    table = DeliveryFeeTable(
        {"Casablanca": D("20"), "Rabat": D("30"), "Fès": D("35")},
        default_fee=D("45"),
        aliases={"Casa": "Casablanca"},
    )
    assert table.fee_for("Casablanca") == D("20.00")
    assert table.fee_for(" CASA BLANCA ") == D("20.00")
    assert table.fee_for("casa") == D("20.00")
    assert table.fee_for("fes") == D("35.00")
    assert table.fee_for("Zagora") == D("45.00")


def test_unknown_city_without_default() -> None:
    table = DeliveryFeeTable({"Rabat": D("30")})
    with pytest.raises(UnknownCity) as info:
        table.fee_for("Zagora ")
    assert info.value.code == "unknown_city"
    assert info.value.params == {"city": "Zagora"}
