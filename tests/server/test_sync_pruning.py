"""Idempotency keys and applied ops older than the retention are pruned: by the
server process itself (at start, then hourly) and by ``hatif-server prune-sync``;
recent ones stay, so a desk re-sending this week's batch still gets its answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from server.cli import main
from server.db.models_sync import AppliedOp, IdempotencyRecord
from server.services.db_clock import db_now
from tests.fixtures.server_process import RunningServer
from tests.server.shop import ShopBuilder
from tests.server.test_push import op, push


def _counts(builder: ShopBuilder, user_id: int) -> tuple[int, int]:
    with builder.db.read() as session:
        keys = session.execute(
            select(func.count()).where(IdempotencyRecord.user_id == user_id)
        ).scalar_one()
        ops = session.execute(select(func.count()).where(AppliedOp.user_id == user_id)).scalar_one()
    return int(keys), int(ops)


def _age(builder: ShopBuilder, user_id: int, days: float) -> None:
    with builder.db.write() as session:
        then = db_now(session) - timedelta(days=days)
        session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.user_id == user_id)
            .values(created_at=then)
        )
        session.execute(update(AppliedOp).where(AppliedOp.user_id == user_id).values(at=then))


def test_old_push_bookkeeping_is_pruned_and_recent_kept(
    sqlite_url: str,
    server_process_factory: Callable[..., RunningServer],
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = server_process_factory(sqlite_url)
    builder = ShopBuilder(sqlite_url)
    shop = builder.new_shop(server.api, agents=2, orders=2)
    try:
        old, recent = shop.agents
        for agent, order_id in ((old, shop.order_ids[0]), (recent, shop.order_ids[1])):
            pushed = push(agent.client, [op("add_note", order_id, 1, {"text": "Rappeler"})])
            assert pushed.status_code == 200, pushed.text
            assert _counts(builder, agent.id) == (1, 1)
        _age(builder, old.id, 40)
        _age(builder, recent.id, 20)

        assert main(["prune-sync", "--keep-days", "30", "--db", sqlite_url]) == 0
        assert "1 idempotency keys and 1 applied ops" in capsys.readouterr().out
        assert _counts(builder, old.id) == (0, 0)
        assert _counts(builder, recent.id) == (1, 1)

        # The server prunes by itself too, with its own retention.
        server.stop()
        server.extra_args = ["--retention-days", "10"]
        server.start()
        deadline = time.monotonic() + 10
        while _counts(builder, recent.id) != (0, 0) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _counts(builder, recent.id) == (0, 0)
    finally:
        shop.close()
        builder.close()
