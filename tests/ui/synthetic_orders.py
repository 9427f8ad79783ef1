"""Orders as the server sends them (``OrderWire`` JSON), made up in bulk.

Used to fill a real local store for the model tests and for bench/ui.py
(100,000 orders) without a server in between.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.store_database import StoreDatabase, open_store_database

FIRST = ["Khadija", "Youssef", "Fatima", "Hamza", "Salma", "Omar", "Imane", "Anas", "Nadia"]
LAST = ["Benali", "El Amrani", "Tazi", "Berrada", "Alaoui", "Kettani", "Bennani", "Chraibi"]
CITIES = ["Casablanca", "Rabat", "Marrakech", "Fès", "Tanger", "Agadir", "Oujda", "Salé"]
STATUSES = ["unassigned", "assigned", "callback", "unreachable", "returned", "confirmed"]


def order_json(order_id: int, rng: random.Random, now: datetime) -> dict[str, Any]:
    created = now - timedelta(minutes=rng.randint(1, 60 * 24 * 10))
    status = rng.choice(STATUSES)
    phone = f"+2126{rng.randint(10_000_000, 99_999_999)}"
    callback = (
        (now + timedelta(minutes=rng.randint(-600, 600))).isoformat()
        if status == "callback"
        else None
    )
    total = f"{rng.randint(99, 2_000)}.00"
    return {
        "id": order_id,
        "reference": f"CMD-{order_id:06d}",
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
        "customer": {
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "phones": [phone],
            "email": None,
            "address": f"{rng.randint(1, 200)} rue {rng.choice(LAST)}",
            "city": rng.choice(CITIES),
        },
        "lines": [
            {
                "article_ref": "SAC-01",
                "article_name": "Sac",
                "quantity": 1,
                "unit_price": total,
                "line_total": total,
            }
        ],
        "delivery_fee": "30.00",
        "subtotal": total,
        "total": total,
        "status": status,
        "version": 1,
        "attempt_count": rng.randint(0, 3),
        "callback_at": callback,
        "source": "sheet_import",
    }


def fill_store(database: StoreDatabase, count: int, *, seed: int = 7, batch: int = 5_000) -> None:
    """Put ``count`` orders in the store the way a full resync does."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    sync_store = LocalSyncStore(database)
    generation = sync_store.begin_full_resync()
    for start in range(1, count + 1, batch):
        orders = [order_json(i, rng, now) for i in range(start, min(count + 1, start + batch))]
        sync_store.store_resync_orders(generation, orders)
    sync_store.finish_full_resync(generation, 0)


def filled_store(path: Path, count: int) -> StoreDatabase:
    database = open_store_database(path)
    fill_store(database, count)
    return database
