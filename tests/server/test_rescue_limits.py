"""Rescue tools within the role's limits: discounts, free delivery and a later
delivery date are refused beyond them (with a code the desk can explain), leads get
more room, an admin changes the limits and they apply at once; totals follow."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from server.db.models_sync import AuditRow
from tests.server.desk_ops import claim, line, order, push_op
from tests.server.shop import Shop


@pytest.fixture
def restore_settings(shop: Shop) -> Iterator[dict[str, Any]]:
    """The shop settings as they were; put back after the test (the server is shared)."""
    before = shop.admin.client.get("/settings").json()
    yield before
    assert shop.admin.client.put("/settings", json=before).status_code == 200


def edit(lines: list[dict[str, Any]], order_pct: str = "0", free: bool = False) -> dict[str, Any]:
    return {"lines": lines, "order_discount_pct": order_pct, "free_delivery": free}


def test_agent_discount_over_the_limit_is_refused_with_the_limit(shop: Shop) -> None:
    agent = shop.agents[0].client
    order_id = shop.order_ids[0]
    epoch = claim(agent, order_id)
    ref = shop.article_ref

    over_line = push_op(agent, "edit_lines", order_id, edit([line(ref, 1, "15")]), epoch=epoch)
    assert over_line["status"] == "rejected"
    assert over_line["code"] == "discount_over_limit"
    assert over_line["params"] == {"limit_pct": "10", "field": "line"}

    over_order = push_op(agent, "edit_lines", order_id, edit([line(ref)], "12.5"), epoch=epoch)
    assert over_order["code"] == "discount_over_limit"
    assert over_order["params"] == {"limit_pct": "10", "field": "order"}
    untouched = order(agent, order_id)
    assert untouched["order_discount_pct"] == "0.00" and untouched["total"] == "279.00"

    within = push_op(agent, "edit_lines", order_id, edit([line(ref)], "10"), epoch=epoch)
    assert within["status"] == "applied"
    priced = order(agent, order_id)
    # 249 - 10 % of 249 + 30 delivery to Casablanca.
    assert priced["order_discount_pct"] == "10.00"
    assert priced["discount"] == "24.90"
    assert priced["total"] == "254.10"


def test_lead_may_give_more_and_agent_keeps_the_leads_discount(shop: Shop) -> None:
    agent, lead = shop.agents[0].client, shop.lead.client
    order_id = shop.order_ids[1]
    ref = shop.article_ref
    lead_epoch = claim(lead, order_id)
    granted = push_op(
        lead, "edit_lines", order_id, edit([line(ref, 1, "25")], "20"), epoch=lead_epoch
    )
    assert granted["status"] == "applied", granted
    assert lead.post(f"/orders/{order_id}/release", json={}).status_code == 200

    epoch = claim(agent, order_id)
    # Two pairs now: the lead's 25 % line stays, only the quantity changes.
    kept = push_op(
        agent, "edit_lines", order_id, edit([line(ref, 2, "25")], "20"), epoch=epoch
    )
    assert kept["status"] == "applied", kept
    assert order(agent, order_id)["lines"][0]["quantity"] == 2
    raised = push_op(
        agent, "edit_lines", order_id, edit([line(ref, 2, "26")], "20"), epoch=epoch
    )
    assert raised["code"] == "discount_over_limit"


def test_delivery_date_within_the_roles_delay(shop: Shop) -> None:
    agent, lead = shop.agents[0].client, shop.lead.client
    order_id = shop.order_ids[2]
    epoch = claim(agent, order_id)
    today = datetime.now(UTC).date()

    def set_date(client: Any, day: Any, lease: int) -> dict[str, Any]:
        value = day.isoformat() if day else None
        return push_op(client, "set_delivery_date", order_id, {"delivery_date": value}, epoch=lease)

    late = set_date(agent, today + timedelta(days=8), epoch)
    assert (late["code"], late["params"]) == ("delivery_date_over_limit", {"max_days": 7})
    assert set_date(agent, today - timedelta(days=1), epoch)["code"] == "delivery_date_in_past"
    assert set_date(agent, today + timedelta(days=7), epoch)["status"] == "applied"
    assert order(agent, order_id)["delivery_date"] == (today + timedelta(days=7)).isoformat()
    assert set_date(agent, None, epoch)["status"] == "applied"
    assert order(agent, order_id)["delivery_date"] is None

    assert agent.post(f"/orders/{order_id}/release", json={}).status_code == 200
    lead_epoch = claim(lead, order_id)
    assert set_date(lead, today + timedelta(days=20), lead_epoch)["status"] == "applied"
    with shop.db.read() as session:
        audit = session.execute(
            select(AuditRow)
            .where(
                AuditRow.entity_id == str(order_id),
                AuditRow.action == "order.set_delivery_date",
            )
            .order_by(AuditRow.id.desc())
        ).scalars().first()
    assert audit is not None and audit.user_id == shop.lead.id
    assert audit.detail["delivery_date"] == (today + timedelta(days=20)).isoformat()


def test_admin_changes_the_limits_and_they_apply(
    shop: Shop, restore_settings: dict[str, Any]
) -> None:
    agent, admin = shop.agents[0].client, shop.admin.client
    order_id = shop.order_ids[3]
    epoch = claim(agent, order_id)
    ref = shop.article_ref
    limits = restore_settings["rescue_limits"]
    assert set(limits) == {"agent", "lead", "admin"}
    assert limits["agent"]["max_line_discount_pct"] == "10"

    looser = {**limits["agent"], "max_line_discount_pct": "20", "free_delivery": False}
    changed = admin.put(
        "/settings", json={**restore_settings, "rescue_limits": {"agent": looser}}
    )
    assert changed.status_code == 200, changed.text
    saved = admin.get("/settings").json()["rescue_limits"]
    assert saved["agent"]["max_line_discount_pct"] == "20"
    assert saved["lead"] == limits["lead"]  # a role left out keeps its defaults

    assert push_op(
        agent, "edit_lines", order_id, edit([line(ref, 1, "15")]), epoch=epoch
    )["status"] == "applied"
    free_lines = edit([line(ref, 1, "15")], free=True)
    free = push_op(agent, "edit_lines", order_id, free_lines, epoch=epoch)
    assert free["code"] == "free_delivery_not_allowed"
    assert order(agent, order_id)["delivery_fee"] == "30.00"

    assert shop.agents[1].client.put("/settings", json=restore_settings).status_code == 403
    unknown = admin.put(
        "/settings", json={**restore_settings, "rescue_limits": {"boss": looser}}
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_role"
