"""Order statuses with the French labels the shops' sheets use.

Open statuses are still in somebody's queue; final statuses close the order
(only a lead or an admin can reopen it, see ``order_transitions``).
"""

from __future__ import annotations

from enum import StrEnum

from core.domain_error import DomainError
from core.text_folding import fold_text


class UnknownSheetStatus(DomainError, ValueError):
    """A status cell of a sheet that matches no known status."""


class OrderStatus(StrEnum):
    """Where an order stands in the confirmation flow."""

    UNASSIGNED = "unassigned"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    DUPLICATE = "duplicate"
    ERRONEOUS = "erroneous"
    RETURNED = "returned"
    CALLBACK = "callback"
    UNREACHABLE = "unreachable"

    @property
    def label_fr(self) -> str:
        """The label used in the shops' sheets and shown to agents."""
        return _LABELS_FR[self]

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


_LABELS_FR: dict[OrderStatus, str] = {
    OrderStatus.UNASSIGNED: "Non affectée",
    OrderStatus.ASSIGNED: "Affectée",
    OrderStatus.IN_PROGRESS: "En cours de confirmation",
    OrderStatus.CONFIRMED: "Confirmée",
    OrderStatus.CANCELLED: "Annulée",
    OrderStatus.DUPLICATE: "Doublon",
    OrderStatus.ERRONEOUS: "Erronée",
    OrderStatus.RETURNED: "Retour Confirmation",
    OrderStatus.CALLBACK: "À rappeler",
    OrderStatus.UNREACHABLE: "Injoignable",
}

OPEN_STATUSES: frozenset[OrderStatus] = frozenset(
    {
        OrderStatus.UNASSIGNED,
        OrderStatus.ASSIGNED,
        OrderStatus.IN_PROGRESS,
        OrderStatus.RETURNED,
        OrderStatus.CALLBACK,
        OrderStatus.UNREACHABLE,
    }
)

FINAL_STATUSES: frozenset[OrderStatus] = frozenset(OrderStatus) - OPEN_STATUSES


def is_open(status: OrderStatus) -> bool:
    """True while the order still waits for an outcome."""
    return status in OPEN_STATUSES


# Folded sheet spellings -> status. Labels and internal codes are added below;
# these are the other spellings seen in the shops' sheets.
_SHEET_ALIASES: dict[str, OrderStatus] = {
    "reportee": OrderStatus.CALLBACK,
    "reporte": OrderStatus.CALLBACK,
    "rappeler": OrderStatus.CALLBACK,
    "a rappeler": OrderStatus.CALLBACK,
    "en cours": OrderStatus.IN_PROGRESS,
    "nouvelle": OrderStatus.UNASSIGNED,
    "nouveau": OrderStatus.UNASSIGNED,
    "non affecte": OrderStatus.UNASSIGNED,
    "affecte": OrderStatus.ASSIGNED,
    "confirme": OrderStatus.CONFIRMED,
    "annule": OrderStatus.CANCELLED,
    "errone": OrderStatus.ERRONEOUS,
    "retour": OrderStatus.RETURNED,
    "pas de reponse": OrderStatus.UNREACHABLE,
}


def _build_lookup() -> dict[str, OrderStatus]:
    lookup: dict[str, OrderStatus] = {}
    for status in OrderStatus:
        lookup[fold_text(status.label_fr)] = status
        lookup[fold_text(status.value)] = status
    lookup.update(_SHEET_ALIASES)
    return lookup


_SHEET_LOOKUP = _build_lookup()


def parse_sheet_status(text: str) -> OrderStatus:
    """Read a status cell of a shop sheet (accents, case and spacing ignored).

    Raises ``UnknownSheetStatus`` (a ``ValueError``) naming the unknown text;
    an empty cell is refused too (the importer decides whether blank means
    "Non affectée").
    """
    folded = fold_text(text)
    if not folded:
        raise UnknownSheetStatus("empty_status", "The status cell is empty.")
    try:
        return _SHEET_LOOKUP[folded]
    except KeyError:
        known = ", ".join(s.label_fr for s in OrderStatus)
        raise UnknownSheetStatus(
            "unknown_status",
            f"Unknown order status {text.strip()!r}; expected one of: {known}.",
            {"text": text.strip()},
        ) from None
