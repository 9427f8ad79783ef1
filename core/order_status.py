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
# these are the other spellings seen in the shops' sheets. The shops' own
# initial states ("À confirmer", "En attente de contact", "Nouvelle commande")
# are a new order that nobody has called yet.
_SHEET_ALIASES: dict[str, OrderStatus] = {
    # New, nobody on it yet.
    "nouvelle": OrderStatus.UNASSIGNED,
    "nouveau": OrderStatus.UNASSIGNED,
    "nouvelle commande": OrderStatus.UNASSIGNED,
    "non affecte": OrderStatus.UNASSIGNED,
    "non affectee": OrderStatus.UNASSIGNED,
    "a confirmer": OrderStatus.UNASSIGNED,
    "en attente": OrderStatus.UNASSIGNED,
    "en attente de contact": OrderStatus.UNASSIGNED,
    "en attente contact": OrderStatus.UNASSIGNED,
    "en attente de confirmation": OrderStatus.UNASSIGNED,
    "en attente confirmation": OrderStatus.UNASSIGNED,
    "attente": OrderStatus.UNASSIGNED,
    "attente contact": OrderStatus.UNASSIGNED,
    "attente confirmation": OrderStatus.UNASSIGNED,
    "pending": OrderStatus.UNASSIGNED,
    # Given to an agent.
    "affecte": OrderStatus.ASSIGNED,
    # Being worked on.
    "en cours": OrderStatus.IN_PROGRESS,
    "en cours de traitement": OrderStatus.IN_PROGRESS,
    "en traitement": OrderStatus.IN_PROGRESS,
    "en confirmation": OrderStatus.IN_PROGRESS,
    # Call back later.
    "reportee": OrderStatus.CALLBACK,
    "reporte": OrderStatus.CALLBACK,
    "rappeler": OrderStatus.CALLBACK,
    "a rappeler": OrderStatus.CALLBACK,
    "rappel": OrderStatus.CALLBACK,
    "a rappele": OrderStatus.CALLBACK,
    "rappeler plus tard": OrderStatus.CALLBACK,
    "a rappeler plus tard": OrderStatus.CALLBACK,
    # No answer.
    "pas de reponse": OrderStatus.UNREACHABLE,
    "injoignable": OrderStatus.UNREACHABLE,
    "ne repond pas": OrderStatus.UNREACHABLE,
    "ne repond plus": OrderStatus.UNREACHABLE,
    "sans reponse": OrderStatus.UNREACHABLE,
    "repondeur": OrderStatus.UNREACHABLE,
    "messagerie": OrderStatus.UNREACHABLE,
    "boite vocale": OrderStatus.UNREACHABLE,
    "telephone eteint": OrderStatus.UNREACHABLE,
    "numero injoignable": OrderStatus.UNREACHABLE,
    # Closed.
    "confirme": OrderStatus.CONFIRMED,
    "valide": OrderStatus.CONFIRMED,
    "validee": OrderStatus.CONFIRMED,
    "annule": OrderStatus.CANCELLED,
    "errone": OrderStatus.ERRONEOUS,
    "faux numero": OrderStatus.ERRONEOUS,
    "numero errone": OrderStatus.ERRONEOUS,
    "doublons": OrderStatus.DUPLICATE,
    "retour": OrderStatus.RETURNED,
    "retour preparation": OrderStatus.RETURNED,
    "retour de preparation": OrderStatus.RETURNED,
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
