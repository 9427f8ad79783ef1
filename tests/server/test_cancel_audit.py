"""The audit trail says why an order was cancelled, beside who and when."""

from __future__ import annotations

from sqlalchemy import select

from server.db.models_sync import AuditRow
from tests.server.shop import Shop
from tests.server.test_push import journal, op, push


def _cancel_audit(shop: Shop, order_id: int) -> list[AuditRow]:
    with shop.db.read() as session:
        return list(
            session.execute(
                select(AuditRow)
                .where(AuditRow.entity == "order", AuditRow.entity_id == str(order_id))
                .where(AuditRow.action == "order.cancel")
            ).scalars()
        )


def test_cancel_reason_is_in_the_cancel_audit_row(shop: Shop) -> None:
    agent = shop.agents[0]
    for seq_base, (order_id, reason) in enumerate(
        [(shop.order_ids[0], "too_expensive"), (shop.order_ids[1], "Il a trouvé moins cher")]
    ):
        epoch = agent.client.post(f"/orders/{order_id}/claim").json()["lease"]["epoch"]
        results = push(
            agent.client,
            [
                journal(order_id, 2 * seq_base + 1),
                op("cancel", order_id, 2 * seq_base + 2, {"reason": reason}, lease_epoch=epoch),
            ],
            device="desk-cancel",
        ).json()["results"]
        assert [r["status"] for r in results] == ["applied", "applied"], results
        assert agent.client.get(f"/orders/{order_id}").json()["status"] == "cancelled"
        rows = _cancel_audit(shop, order_id)
        assert len(rows) == 1
        assert rows[0].user_id == agent.id
        assert rows[0].detail["cancel_reason"] == reason
        assert rows[0].detail["status"] == "cancelled"
