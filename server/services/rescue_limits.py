"""Rescue limits: how far each role may go to save an order (discounts, free
delivery, a later delivery date). The desk shows the limits; the server refuses more.

Only what an edit *changes* is checked: a line whose discount equals the stored one
(same article, colour and size) passes, so an agent may change the quantity of a line
a lead discounted beyond the agent's limit.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from core.order_transitions import Role
from core.text_folding import fold_text
from core.wire.catalogue import RescueLimits, SettingsWire, default_rescue_limits
from core.wire.sync_ops import EditLinesPayload
from server.db.models_orders import OrderRow
from server.services.errors import ServiceError


def limits_for(settings: SettingsWire, role: Role) -> RescueLimits:
    """The role's limits (the default ones when the settings do not name the role)."""
    return settings.rescue_limits.get(role.value) or default_rescue_limits()[role.value]


def _pct_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _line_key(article_ref: str, color: str | None, size: str | None) -> tuple[str, str, str]:
    return (article_ref, fold_text(color or ""), fold_text(size or ""))


def _over_limit(limit: Decimal, field: str) -> ServiceError:
    return ServiceError(
        422,
        "discount_over_limit",
        f"You may give at most {_pct_text(limit)} % discount on the "
        f"{'line' if field == 'line' else 'whole order'}.",
        {"limit_pct": _pct_text(limit), "field": field},
    )


def check_free_delivery(limits: RescueLimits, wanted: bool, current: bool) -> None:
    """Turning free delivery on needs a role that may grant it."""
    if wanted and not current and not limits.free_delivery:
        raise ServiceError(
            422,
            "free_delivery_not_allowed",
            "You may not offer free delivery; ask your team lead.",
        )


def check_edit_lines(limits: RescueLimits, order: OrderRow, payload: EditLinesPayload) -> None:
    """Refuse discounts and free delivery beyond the role's limits."""
    stored = {
        _line_key(line.article_ref, line.color, line.size): Decimal(line.discount_pct)
        for line in order.lines
    }
    for line in payload.lines:
        pct = Decimal(line.discount_pct)
        if stored.get(_line_key(line.article_ref, line.color, line.size)) == pct:
            continue
        if pct > limits.max_line_discount_pct:
            raise _over_limit(limits.max_line_discount_pct, "line")
    wanted = Decimal(payload.order_discount_pct)
    if wanted != Decimal(order.order_discount_pct or 0) and wanted > limits.max_order_discount_pct:
        raise _over_limit(limits.max_order_discount_pct, "order")
    check_free_delivery(limits, payload.free_delivery, order.free_delivery)


def check_delivery_date(limits: RescueLimits, wanted: date | None, today: date) -> None:
    """A delivery date from today to today + the role's delay (None clears it)."""
    if wanted is None:
        return
    if wanted < today:
        raise ServiceError(
            422,
            "delivery_date_in_past",
            "The delivery date has already passed; choose today or a later day.",
            {"delivery_date": wanted.isoformat(), "today": today.isoformat()},
        )
    if wanted > today + timedelta(days=limits.max_delivery_delay_days):
        raise ServiceError(
            422,
            "delivery_date_over_limit",
            f"You may postpone delivery by at most {limits.max_delivery_delay_days} days.",
            {"max_days": limits.max_delivery_delay_days},
        )
