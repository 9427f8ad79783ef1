"""Which message template and language a dialog offers first for an order.

The order's state says what the agent most likely wants to write (a callback
order: the agreed time; an order nobody answered: "we tried to call you";
otherwise: the confirmation request), and the customer's language says in
which language. Template codes are the shop's own; the codes below are the
conventional ones of the demo shop and of ``core.message_templates``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from core.order_status import OrderStatus

#: Languages a template may be written in.
TEMPLATE_LANGUAGES: tuple[str, ...] = ("fr", "ar")

_CONFIRMATION = ("confirmation", "confirm_request")
_NO_ANSWER = ("no_answer", "unreachable")


def preferred_template_codes(
    status: OrderStatus, attempt_count: int, contact_count: int
) -> tuple[str, ...]:
    """Template codes in the order the dialog should prefer them for this order."""
    if status is OrderStatus.CALLBACK:
        return ("callback", *_CONFIRMATION)
    if status is OrderStatus.CONFIRMED:
        return ("confirmed", *_CONFIRMATION)
    if status is OrderStatus.UNREACHABLE or (attempt_count > 0 and contact_count == 0):
        return (*_NO_ANSWER, *_CONFIRMATION)
    return _CONFIRMATION


def customer_language(texts: Iterable[str], default: str = "fr") -> str:
    """"ar" when the customer wrote their name or address in Arabic letters, else ``default``.

    Shop sheets carry no language column; the script a customer typed in is
    the best sign of the language they read.
    """
    for text in texts:
        for char in text:
            if char.isalpha() and unicodedata.name(char, "").startswith("ARABIC"):
                return "ar"
    return default if default in TEMPLATE_LANGUAGES else "fr"
