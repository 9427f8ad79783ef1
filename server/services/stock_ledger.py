"""The stock ledger: every change of a variant's stock is a movement row with its
reason, order and actor, and ``variants.stock`` (the cached level) moves by the
same quantity in the same transaction.

A decrement is one conditional UPDATE (``stock = stock - q WHERE stock >= q``), so
two confirmations racing for the last unit cannot both succeed; the caller's
savepoint undoes the movements written before a refusal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.order_transitions import OrderAction
from core.stock_movements import StockReason, movements_to_hold, stock_effect
from core.wire.stock import StockMovementWire
from server.auth.principal import Principal
from server.db.models_catalogue import Article, Variant
from server.db.models_orders import OrderLineRow, OrderRow
from server.db.models_stock import StockMovement
from server.services.errors import ServiceError
from server.services.variants import find_variant


def held_by_order(session: Session, order_id: int) -> dict[int, int]:
    """Units of each variant the order holds: the opposite of its movements' sum."""
    rows = session.execute(
        select(StockMovement.variant_id, func.sum(StockMovement.quantity))
        .where(StockMovement.order_id == order_id)
        .group_by(StockMovement.variant_id)
    ).all()
    return {variant_id: -int(total) for variant_id, total in rows if total}


def ledger_level(session: Session, variant_id: int) -> int:
    """The level of a variant as the ledger says (the sum of its movements)."""
    total = session.execute(
        select(func.coalesce(func.sum(StockMovement.quantity), 0)).where(
            StockMovement.variant_id == variant_id
        )
    ).scalar_one()
    return int(total)


def _record(
    session: Session,
    variant_id: int,
    quantity: int,
    reason: StockReason,
    *,
    order_id: int | None,
    actor_id: int | None,
    now: datetime,
) -> None:
    session.add(
        StockMovement(
            variant_id=variant_id,
            order_id=order_id,
            quantity=quantity,
            reason=reason.value,
            actor_id=actor_id,
            at=now,
        )
    )


def _line_variant(session: Session, line: OrderLineRow) -> int | None:
    """The variant a line takes stock from; an article sold in variants needs one
    (older or imported lines may lack the id: it is found again by colour and size)."""
    if line.variant_id is not None:
        return line.variant_id
    article = session.execute(select(Article).where(Article.ref == line.article_ref)).scalar()
    if article is None or not article.variants:
        return None  # an article without variants keeps no stock
    variant = find_variant(article, line.color, line.size)
    if variant is None:
        raise ServiceError(
            409,
            "unknown_variant",
            f"{line.article_name} does not exist in {line.color or '-'} / {line.size or '-'};"
            " choose a colour and size before confirming.",
            {"article_ref": line.article_ref, "color": line.color, "size": line.size},
        )
    line.variant_id = variant.id
    return variant.id


def _wanted_by_variant(session: Session, order: OrderRow) -> dict[int, int]:
    if not order.lines:
        raise ServiceError(
            409, "no_lines", "This order has no articles; add them before confirming."
        )
    wanted: dict[int, int] = {}
    for line in order.lines:
        variant_id = _line_variant(session, line)
        if variant_id is not None:
            wanted[variant_id] = wanted.get(variant_id, 0) + line.quantity
    return wanted


def _out_of_stock(session: Session, order: OrderRow, variant_id: int, needed: int) -> ServiceError:
    variant = session.get(Variant, variant_id)
    left = variant.stock if variant else 0
    line = next((line for line in order.lines if line.variant_id == variant_id), None)
    name = line.article_name if line else ""
    color = variant.color if variant else None
    size = variant.size if variant else None
    return ServiceError(
        409,
        "out_of_stock",
        f"Not enough stock of {name} ({color or ''} {size or ''}): {left} left, {needed} needed.",
        {
            "article_ref": line.article_ref if line else "",
            "color": color,
            "size": size,
            "stock": left,
            "quantity": needed,
        },
    )


def _move(
    session: Session,
    order: OrderRow,
    moves: Mapping[int, int],
    reason: StockReason,
    actor_id: int | None,
    now: datetime,
) -> None:
    # Give back first, then take: an edit that swaps variants never fails for stock it frees.
    for variant_id, quantity in sorted(moves.items(), key=lambda item: -item[1]):
        statement = update(Variant).where(Variant.id == variant_id)
        if quantity < 0:
            statement = statement.where(Variant.stock >= -quantity)
        result = session.execute(
            statement.values(stock=Variant.stock + quantity).execution_options(
                synchronize_session=False
            )
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            raise _out_of_stock(session, order, variant_id, -quantity)
        _record(
            session, variant_id, quantity, reason, order_id=order.id, actor_id=actor_id, now=now
        )
    if moves:
        session.flush()
        # The cached levels were changed behind the ORM's back; reread them when asked.
        for variant_id in moves:
            variant = session.get(Variant, variant_id)
            if variant is not None:
                session.expire(variant, ["stock"])


def settle_order_stock(
    session: Session, order: OrderRow, action: OrderAction, actor_id: int | None, now: datetime
) -> None:
    """Move stock for ``action`` on ``order`` (the order row is locked by the caller):
    confirming holds exactly the lines (what changed since an earlier confirmation
    only), other closing and reopening actions give back what the order holds.

    Raises 409 ``no_lines``, ``unknown_variant`` or ``out_of_stock`` on a confirmation.
    """
    effect = stock_effect(action)
    if effect is None:
        return
    wanted = _wanted_by_variant(session, order) if effect.holds_lines else {}
    moves = movements_to_hold(held_by_order(session, order.id), wanted)
    _move(session, order, moves, effect.reason, actor_id, now)


def set_variant_stock(
    session: Session,
    variant: Variant,
    level: int,
    *,
    reason: StockReason = StockReason.ADJUSTMENT,
    actor_id: int | None,
    now: datetime,
) -> None:
    """Set a variant's level (an admin's edit or a catalogue import) as one movement
    of the difference; nothing is written when the level does not change."""
    session.flush()  # a new variant needs its id
    session.refresh(variant, ["stock"])
    delta = level - variant.stock
    if not delta:
        return
    session.execute(
        update(Variant)
        .where(Variant.id == variant.id)
        .values(stock=Variant.stock + delta)
        .execution_options(synchronize_session=False)
    )
    _record(session, variant.id, delta, reason, order_id=None, actor_id=actor_id, now=now)
    session.flush()
    session.expire(variant, ["stock"])


def article_movements(
    session: Session, ref: str, principal: Principal, *, limit: int
) -> list[StockMovementWire]:
    """The article's newest movements first (404 for an unknown article); a lead sees
    the orders of its own team only (another team's order stays anonymous)."""
    article = session.execute(select(Article).where(Article.ref == ref)).scalar()
    if article is None:
        raise ServiceError(404, "not_found", f"There is no article {ref!r}.", {"ref": ref})
    rows = session.execute(
        select(StockMovement, Variant, OrderRow)
        .join(Variant, Variant.id == StockMovement.variant_id)
        .outerjoin(OrderRow, OrderRow.id == StockMovement.order_id)
        .where(Variant.article_id == article.id)
        .order_by(StockMovement.id.desc())
        .limit(limit)
    ).all()
    answer: list[StockMovementWire] = []
    for movement, variant, order in rows:
        visible = order is not None and principal.sees_team(order.team_id)
        answer.append(
            StockMovementWire(
                id=movement.id,
                variant_id=variant.id,
                color=variant.color,
                size=variant.size,
                quantity=movement.quantity,
                reason=movement.reason,
                order_id=order.id if visible else None,
                order_reference=order.reference if visible else None,
                actor_id=movement.actor_id if order is None or visible else None,
                at=movement.at,
            )
        )
    return answer
