"""The stock ledger: one row per movement of a variant's stock."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class StockMovement(Base):
    """A signed quantity of one variant with its reason (``core.stock_movements.StockReason``),
    the order it belongs to (none for an opening or an adjustment), who and when.

    ``variants.stock`` caches the sum of a variant's rows; both are written in the
    same transaction (``server.services.stock_ledger``).
    """

    __tablename__ = "stock_movements"
    __table_args__ = (Index("ix_stock_movements_order_variant", "order_id", "variant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(ForeignKey("variants.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    quantity: Mapped[int]
    reason: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
