"""Message templates: placeholders, errors an admin can act on, order values."""

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from core.message_templates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    TemplateError,
    items_text,
    order_template_values,
    render_template,
    template_placeholders,
    validate_template,
)
from core.order_model import Customer, Order, OrderLine


def sample_order() -> Order:
    return Order(
        reference="CMD-77",
        created_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        customer=Customer("Youssef", ["+212612345678"], None, "5 bd Zerktouni", "Casablanca"),
        lines=[
            OrderLine("ROBE-01", 2, D("179"), "Rouge", "M"),
            OrderLine("SAC-03", 1, D("1150")),
        ],
        delivery_fee=D("20"),
        callback_at=datetime(2026, 11, 23, 14, 30, tzinfo=UTC),
    )


def test_render_fills_placeholders_and_keeps_literal_braces() -> None:
    text = render_template(
        "Bonjour {customer_name}, commande {order_reference} : {total} {{merci}}",
        {"customer_name": "Amina", "order_reference": "CMD-1", "total": "99,00 MAD"},
    )
    assert text == "Bonjour Amina, commande CMD-1 : 99,00 MAD {merci}"


def test_missing_value_is_named() -> None:
    with pytest.raises(TemplateError) as info:
        render_template("{customer_name} {total}", {"customer_name": "Amina"})
    assert info.value.code == "missing_value"
    assert info.value.params == {"placeholders": ["total"]}
    assert "{total}" in info.value.message


@pytest.mark.parametrize(
    ("template", "code"),
    [
        ("Bonjour {prenom}", "unknown_placeholder"),
        ("Total {total:>10}", "invalid_placeholder"),
        ("Total {total!r}", "invalid_placeholder"),
        ("{customer_name.upper}", "invalid_placeholder"),
        ("{items[0]}", "invalid_placeholder"),
        ("Bonjour {customer_name", "malformed_template"),
        ("Bonjour }", "malformed_template"),
    ],
)
def test_bad_templates_are_refused(template: str, code: str) -> None:
    with pytest.raises(TemplateError) as info:
        validate_template(template)
    assert info.value.code == code


def test_placeholders_listed_once_in_order() -> None:
    assert template_placeholders("{total} {customer_name} {total}") == ["total", "customer_name"]


def test_order_values_render_every_default_template() -> None:
    order = sample_order()
    values = order_template_values(order, agent_name="Nadia", shop_name="Mode Casa", tz=UTC)
    assert values["total"] == "1 528,00 MAD"
    assert values["items"] == "2 × ROBE-01 (Rouge, M), 1 × SAC-03"
    assert values["phone"] == "06 12 34 56 78"
    assert values["callback_time"] == "23/11 14:30"
    assert set(values) <= set(PLACEHOLDERS)
    for template in DEFAULT_TEMPLATES:
        text = render_template(template.body, values)
        assert "{" not in text and "Youssef" in text
    assert items_text(order).startswith("2 × ")


def test_values_without_data_are_left_out() -> None:
    values = order_template_values(sample_order())
    assert "agent_name" not in values and "shop_name" not in values
    with pytest.raises(TemplateError):
        render_template(DEFAULT_TEMPLATES[0].body, values)
