"""The stock ledger as ``GET /articles/{ref}/stock-movements`` answers it."""

from __future__ import annotations

from datetime import datetime

from core.wire.base import WireModel


class StockMovementWire(WireModel):
    """One movement of a variant's stock: signed quantity (negative: left the shelf),
    ``reason`` a ``core.stock_movements.StockReason`` value, the order (hidden from a
    lead when it belongs to another team) and who did it."""

    id: int
    variant_id: int
    color: str | None = None
    size: str | None = None
    quantity: int
    reason: str
    order_id: int | None = None
    order_reference: str | None = None
    actor_id: int | None = None
    at: datetime
