"""Why stock moves, and what an order's status change does to the stock it holds.

Stock is a ledger: every movement is a row with a signed quantity and a reason,
and a variant's level is the sum of its rows. An order holds, per variant, the
opposite of the sum of its own rows. Confirming makes it hold exactly its lines
(so confirming again after a return takes only what changed, never twice); any
other way out of "Confirmée" gives back everything it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.order_transitions import OrderAction


class StockReason(StrEnum):
    """The reason written on a stock movement."""

    OPENING = "opening"  # the level a variant had when the ledger started
    CONFIRM = "confirm"  # the order's lines leave the shelf
    CANCEL_AFTER_CONFIRM = "cancel_after_confirm"  # closed otherwise while holding stock
    RETURN_FROM_PREPARATION = "return_from_preparation"  # sent back to confirmation
    REOPEN = "reopen"  # a lead reopened a closed order
    ADJUSTMENT = "adjustment"  # an admin or a catalogue import set the level


@dataclass(frozen=True)
class StockEffect:
    """What an order action does to the order's holding: hold its lines, or nothing."""

    reason: StockReason
    holds_lines: bool


_EFFECTS: dict[OrderAction, StockEffect] = {
    OrderAction.CONFIRM: StockEffect(StockReason.CONFIRM, holds_lines=True),
    OrderAction.RETURN_FROM_PREPARATION: StockEffect(
        StockReason.RETURN_FROM_PREPARATION, holds_lines=False
    ),
    OrderAction.REOPEN: StockEffect(StockReason.REOPEN, holds_lines=False),
    # Closing without a confirmation: whatever the order still holds goes back.
    OrderAction.CANCEL: StockEffect(StockReason.CANCEL_AFTER_CONFIRM, holds_lines=False),
    OrderAction.DUPLICATE: StockEffect(StockReason.CANCEL_AFTER_CONFIRM, holds_lines=False),
    OrderAction.ERRONEOUS: StockEffect(StockReason.CANCEL_AFTER_CONFIRM, holds_lines=False),
}


def stock_effect(action: OrderAction) -> StockEffect | None:
    """The effect of ``action`` on the order's stock, ``None`` when it leaves it alone
    (starting, parking as callback or unreachable keep what the order holds)."""
    return _EFFECTS.get(action)


def movements_to_hold(held: dict[int, int], wanted: dict[int, int]) -> dict[int, int]:
    """Signed stock movements per variant that take the order from holding ``held``
    to holding ``wanted`` (negative: leaves the shelf); variants with nothing to move
    are left out."""
    moves: dict[int, int] = {}
    for variant in sorted(set(held) | set(wanted)):
        delta = held.get(variant, 0) - wanted.get(variant, 0)
        if delta:
            moves[variant] = delta
    return moves
