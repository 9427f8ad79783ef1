"""What each order action does to the stock an order holds."""

from core.order_transitions import OrderAction
from core.stock_movements import StockReason, movements_to_hold, stock_effect


def test_confirm_holds_the_lines_other_exits_give_everything_back() -> None:
    confirm = stock_effect(OrderAction.CONFIRM)
    assert confirm is not None and confirm.holds_lines and confirm.reason == StockReason.CONFIRM
    for action, reason in [
        (OrderAction.RETURN_FROM_PREPARATION, StockReason.RETURN_FROM_PREPARATION),
        (OrderAction.REOPEN, StockReason.REOPEN),
        (OrderAction.CANCEL, StockReason.CANCEL_AFTER_CONFIRM),
        (OrderAction.DUPLICATE, StockReason.CANCEL_AFTER_CONFIRM),
        (OrderAction.ERRONEOUS, StockReason.CANCEL_AFTER_CONFIRM),
    ]:
        effect = stock_effect(action)
        assert effect is not None and not effect.holds_lines and effect.reason == reason
    for action in (OrderAction.START, OrderAction.CALLBACK, OrderAction.UNREACHABLE):
        assert stock_effect(action) is None


def test_movements_take_only_what_the_order_does_not_hold_yet() -> None:
    assert movements_to_hold({}, {1: 2}) == {1: -2}
    assert movements_to_hold({1: 2}, {1: 2}) == {}  # confirmed again: nothing twice
    assert movements_to_hold({1: 2}, {1: 3, 2: 1}) == {1: -1, 2: -1}
    assert movements_to_hold({1: 2, 2: 1}, {}) == {1: 2, 2: 1}  # given back
    assert movements_to_hold({}, {}) == {}
