"""Stock is a ledger: confirmations take it, returns from preparation and reopens
give it back, a second confirmation never takes twice, lines without a variant
are checked too, an admin's new level is an adjustment; the cached level on
``/articles`` always equals the sum of the movements. Through the real server
process on SQLite and PostgreSQL; the migration opens the ledger from the levels."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text, update

from server.db.migrate import upgrade_database
from server.db.models_catalogue import Article, Variant
from server.db.models_orders import OrderLineRow
from server.db.models_stock import StockMovement
from server.db.session import normalize_database_url
from tests.fixtures.server_process import RunningServer
from tests.server.desk_journal import push_journal
from tests.server.desk_ops import claim, line, order, push_op
from tests.server.shop import Shop, ShopBuilder


def _stock(shop: Shop) -> dict[str, int]:
    """Levels as every desk sees them on ``/articles`` (the cached column)."""
    articles = {a["ref"]: a for a in shop.lead.client.get("/articles").json()}
    return {v["color"]: v["stock"] for v in articles[shop.article_ref]["variants"]}


def _ledger(shop: Shop, order_id: int | None = None) -> list[tuple[str, int, str]]:
    """(colour, quantity, reason) of the shop article's movements, oldest first."""
    with shop.db.read() as session:
        query = (
            select(Variant.color, StockMovement.quantity, StockMovement.reason)
            .join(Variant, Variant.id == StockMovement.variant_id)
            .join(Article, Article.id == Variant.article_id)
            .where(Article.ref == shop.article_ref)
            .order_by(StockMovement.id)
        )
        if order_id is not None:
            query = query.where(StockMovement.order_id == order_id)
        return [(color or "", int(qty), reason) for color, qty, reason in session.execute(query)]


def _assert_level_is_the_ledger_sum(shop: Shop) -> None:
    with shop.db.read() as session:
        rows = session.execute(
            select(Variant.color, Variant.stock, func.coalesce(func.sum(StockMovement.quantity), 0))
            .join(Article, Article.id == Variant.article_id)
            .outerjoin(StockMovement, StockMovement.variant_id == Variant.id)
            .where(Article.ref == shop.article_ref)
            .group_by(Variant.id, Variant.color, Variant.stock)
        ).all()
    assert rows and all(int(cached) == int(total) for _, cached, total in rows), rows


def _confirm(shop: Shop, order_id: int) -> dict[str, Any]:
    lead = shop.lead
    epoch = claim(lead.client, order_id)
    push_journal(lead.client, order_id, outcome="answered")
    return push_op(lead.client, "confirm", order_id, {}, epoch=epoch)


def _by_version(shop: Shop, kind: str, order_id: int) -> dict[str, Any]:
    version = order(shop.lead.client, order_id)["version"]
    return push_op(shop.lead.client, kind, order_id, {}, version=version)


def test_return_from_preparation_and_reopen_give_stock_back_and_reconfirming_takes_once(
    builder: ShopBuilder, server: RunningServer
) -> None:
    shop = builder.new_shop(server.api, agents=1, orders=1, stock=5)
    (order_id,) = shop.order_ids
    lead = shop.lead
    epoch = claim(lead.client, order_id)
    edited = push_op(
        lead.client, "edit_lines", order_id, {"lines": [line(shop.article_ref, 2)]}, epoch=epoch
    )
    assert edited["status"] == "applied", edited

    assert _confirm(shop, order_id)["status"] == "applied"
    assert _stock(shop) == {"Noir": 3, "Camel": 5}
    assert _by_version(shop, "return_from_preparation", order_id)["status"] == "applied"
    assert _stock(shop) == {"Noir": 5, "Camel": 5}  # the parcel's articles are back
    assert _confirm(shop, order_id)["status"] == "applied"
    assert _stock(shop) == {"Noir": 3, "Camel": 5}  # taken once, not twice
    assert _by_version(shop, "reopen", order_id)["status"] == "applied"
    assert _stock(shop) == {"Noir": 5, "Camel": 5}
    # Reopened, then cancelled: nothing more moves, the stock is already back.
    epoch = claim(lead.client, order_id)
    cancelled = push_op(lead.client, "cancel", order_id, {"reason": "Refus client"}, epoch=epoch)
    assert cancelled["status"] == "applied", cancelled
    assert _stock(shop) == {"Noir": 5, "Camel": 5}

    assert _ledger(shop, order_id) == [
        ("Noir", -2, "confirm"),
        ("Noir", 2, "return_from_preparation"),
        ("Noir", -2, "confirm"),
        ("Noir", 2, "reopen"),
    ]
    with shop.db.read() as session:
        actors = set(
            session.execute(
                select(StockMovement.actor_id).where(StockMovement.order_id == order_id)
            ).scalars()
        )
    assert actors == {lead.id}
    _assert_level_is_the_ledger_sum(shop)

    # The lead reads why the stock is what it is; another team's lead sees the
    # movements but not whose order they were.
    url = f"/articles/{shop.article_ref}/stock-movements"
    seen = lead.client.get(url, params={"limit": 4}).json()
    assert [(m["quantity"], m["reason"], m["order_reference"]) for m in seen] == [
        (2, "reopen", f"{shop.prefix}-0000"),
        (-2, "confirm", f"{shop.prefix}-0000"),
        (2, "return_from_preparation", f"{shop.prefix}-0000"),
        (-2, "confirm", f"{shop.prefix}-0000"),
    ]
    other = builder.new_shop(server.api, agents=1, orders=0)
    hidden = other.lead.client.get(url, params={"limit": 4}).json()
    assert {(m["order_id"], m["order_reference"], m["actor_id"]) for m in hidden} == {
        (None, None, None)
    }
    assert shop.agents[0].client.get(url).status_code == 403
    assert lead.client.get("/articles/NOPE-404/stock-movements").status_code == 404
    assert lead.client.get(url, params={"limit": 0}).status_code == 422
    other.close()
    shop.close()


def test_a_line_without_its_variant_id_is_checked_and_takes_stock(
    builder: ShopBuilder, server: RunningServer
) -> None:
    shop = builder.new_shop(server.api, agents=1, orders=3, stock=1)
    first, second, third = shop.order_ids
    # As lines written before the variant was known (an old import) look in the database.
    with shop.db.write() as session:
        session.execute(
            update(OrderLineRow)
            .where(OrderLineRow.order_id.in_([first, second, third]))
            .values(variant_id=None)
        )
        session.execute(
            update(OrderLineRow)
            .where(OrderLineRow.order_id == third)
            .values(color="Rose", size="38")
        )
    assert _confirm(shop, first)["status"] == "applied"
    assert _stock(shop) == {"Noir": 0, "Camel": 1}
    refused = _confirm(shop, second)
    assert (refused["status"], refused["code"]) == ("rejected", "out_of_stock")
    assert refused["params"]["stock"] == 0 and refused["params"]["quantity"] == 1
    unknown = _confirm(shop, third)
    assert (unknown["status"], unknown["code"]) == ("rejected", "unknown_variant")
    assert order(shop.lead.client, second)["status"] != "confirmed"
    assert order(shop.lead.client, third)["status"] != "confirmed"
    assert _ledger(shop, second) == [] and _ledger(shop, third) == []
    assert _stock(shop) == {"Noir": 0, "Camel": 1}
    _assert_level_is_the_ledger_sum(shop)
    shop.close()


def test_two_confirmations_racing_for_the_last_unit_take_it_once(
    builder: ShopBuilder, server: RunningServer
) -> None:
    shop = builder.new_shop(server.api, agents=2, orders=2, stock=1)
    pairs = list(zip(shop.agents, shop.order_ids, strict=True))
    epochs = {}
    for agent, order_id in pairs:
        epochs[order_id] = claim(agent.client, order_id)
        push_journal(agent.client, order_id, outcome="answered")
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(
                lambda pair: push_op(pair[0].client, "confirm", pair[1], {}, epoch=epochs[pair[1]]),
                pairs,
            )
        )
    assert sorted(r["status"] for r in results) == ["applied", "rejected"], results
    assert [r["code"] for r in results if r["status"] == "rejected"] == ["out_of_stock"]
    assert _stock(shop) == {"Noir": 0, "Camel": 1}
    assert [row for row in _ledger(shop) if row[2] == "confirm"] == [("Noir", -1, "confirm")]
    _assert_level_is_the_ledger_sum(shop)
    shop.close()


def test_an_admin_setting_the_level_writes_an_adjustment(
    builder: ShopBuilder, server: RunningServer
) -> None:
    shop = builder.new_shop(server.api, agents=1, orders=1, stock=4)
    article = {a["ref"]: a for a in shop.admin.client.get("/articles").json()}[shop.article_ref]
    article["variants"] = [
        {"color": "Noir", "size": "40", "stock": 9},
        {"color": "Camel", "size": "41", "stock": 4},
        {"color": "Rose", "size": "38", "stock": 2},
    ]
    answer = shop.admin.client.put(f"/articles/{shop.article_ref}", json=article)
    assert answer.status_code == 200, answer.text
    assert _stock(shop) == {"Noir": 9, "Camel": 4, "Rose": 2}
    assert _ledger(shop) == [
        ("Noir", 4, "adjustment"),
        ("Camel", 4, "adjustment"),
        ("Noir", 5, "adjustment"),
        ("Rose", 2, "adjustment"),
    ]
    with shop.db.read() as session:
        last_actor = session.execute(
            select(StockMovement.actor_id).order_by(StockMovement.id.desc()).limit(1)
        ).scalar_one()
    assert last_actor == shop.admin.id
    _assert_level_is_the_ledger_sum(shop)
    shop.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix='hatif-ledger-')) / 'hatif.db'}"
    factory: Callable[..., str] = request.getfixturevalue("postgres_url_factory")
    return factory(migrated=False)


def test_migration_opens_the_ledger_with_each_variants_level(empty_db_url: str) -> None:
    upgrade_database(empty_db_url, "0006")
    engine = create_engine(normalize_database_url(empty_db_url))
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO articles (id, ref, name, category, normal_price, upsell, phase) "
                    "VALUES (1, 'SAC', 'Sac', '', 199, false, 'active')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO variants (id, article_id, color, size, stock) VALUES "
                    "(1, 1, 'Noir', NULL, 12), (2, 1, 'Camel', NULL, 0)"
                )
            )
        upgrade_database(empty_db_url)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT variant_id, order_id, quantity, reason FROM stock_movements")
            ).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in rows] == [(1, None, 12, "opening")]
