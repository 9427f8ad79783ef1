"""Dispositions an agent records, their outcome classes, predefined notes.

Outcome classes feed the statistics and the wallboard:
- CONFIRM -> POSITIVE (the sale goes ahead);
- CANCEL -> NEGATIVE (the customer said no);
- CALLBACK and UNREACHABLE -> PARTIAL (still undecided, work continues);
- DUPLICATE, ERRONEOUS and no disposition -> UNCLASSIFIED: they describe the
  data, not the customer's answer, so counting them as negative would punish
  the agent who cleaned the queue.

Predefined notes are the one-click notes of the workspace: a title, the
text written to the order, tags they apply, and optionally the disposition
they record. The defaults are French, as the agents write.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.order_transitions import OrderAction


class Disposition(StrEnum):
    """The outcome an agent records on an order."""

    CONFIRM = "confirm"
    CANCEL = "cancel"
    CALLBACK = "callback"
    UNREACHABLE = "unreachable"
    DUPLICATE = "duplicate"
    ERRONEOUS = "erroneous"

    @property
    def action(self) -> OrderAction:
        """The state-machine action recording this disposition."""
        return OrderAction(self.value)


class OutcomeClass(StrEnum):
    """Coarse class of an outcome for statistics."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    PARTIAL = "partial"
    UNCLASSIFIED = "unclassified"


_OUTCOME_CLASSES: dict[Disposition, OutcomeClass] = {
    Disposition.CONFIRM: OutcomeClass.POSITIVE,
    Disposition.CANCEL: OutcomeClass.NEGATIVE,
    Disposition.CALLBACK: OutcomeClass.PARTIAL,
    Disposition.UNREACHABLE: OutcomeClass.PARTIAL,
    Disposition.DUPLICATE: OutcomeClass.UNCLASSIFIED,
    Disposition.ERRONEOUS: OutcomeClass.UNCLASSIFIED,
}


def outcome_class_for(disposition: Disposition | None) -> OutcomeClass:
    """Outcome class of a disposition (``None`` -> UNCLASSIFIED)."""
    if disposition is None:
        return OutcomeClass.UNCLASSIFIED
    return _OUTCOME_CLASSES[disposition]


class CancelReason(StrEnum):
    """Default reasons to cancel; the code is stored, ``label_fr`` is shown.

    Agents may also type a free reason; ``cancel_reason_label`` shows either.
    """

    CHANGED_MIND = "changed_mind"
    TOO_EXPENSIVE = "too_expensive"
    DELIVERY_TOO_LATE = "delivery_too_late"
    DELIVERY_FEE = "delivery_fee"
    ORDERED_ELSEWHERE = "ordered_elsewhere"
    NOT_ORDERED = "not_ordered"
    WRONG_PRODUCT = "wrong_product"
    OUT_OF_STOCK = "out_of_stock"
    OUT_OF_AREA = "out_of_area"
    TEST_ORDER = "test_order"

    @property
    def label_fr(self) -> str:
        return _CANCEL_LABELS_FR[self]


_CANCEL_LABELS_FR: dict[CancelReason, str] = {
    CancelReason.CHANGED_MIND: "Le client a changé d'avis",
    CancelReason.TOO_EXPENSIVE: "Prix trop élevé",
    CancelReason.DELIVERY_TOO_LATE: "Délai de livraison trop long",
    CancelReason.DELIVERY_FEE: "Frais de livraison refusés",
    CancelReason.ORDERED_ELSEWHERE: "Déjà commandé ailleurs",
    CancelReason.NOT_ORDERED: "Le client n'a pas passé de commande",
    CancelReason.WRONG_PRODUCT: "Produit ou variante ne convient pas",
    CancelReason.OUT_OF_STOCK: "Article en rupture de stock",
    CancelReason.OUT_OF_AREA: "Ville non desservie",
    CancelReason.TEST_ORDER: "Commande de test",
}

DEFAULT_CANCEL_REASONS: tuple[CancelReason, ...] = tuple(CancelReason)


def cancel_reason_label(reason: str) -> str:
    """French label for a reason code; free-text reasons are returned as typed."""
    try:
        return CancelReason(reason).label_fr
    except ValueError:
        return reason


@dataclass(frozen=True)
class PredefinedNote:
    """A one-click note: text written to the order, tags, optional outcome."""

    code: str
    title: str
    text: str
    tags: frozenset[str] = frozenset()
    disposition: Disposition | None = None

    @property
    def outcome_class(self) -> OutcomeClass:
        return outcome_class_for(self.disposition)


DEFAULT_PREDEFINED_NOTES: tuple[PredefinedNote, ...] = (
    PredefinedNote(
        "confirmed_by_phone",
        "Confirmée par téléphone",
        "Commande confirmée par le client au téléphone.",
        frozenset(),
        Disposition.CONFIRM,
    ),
    PredefinedNote(
        "confirmed_whatsapp",
        "Confirmée sur WhatsApp",
        "Commande confirmée par le client sur WhatsApp.",
        frozenset({"whatsapp"}),
        Disposition.CONFIRM,
    ),
    PredefinedNote(
        "no_answer",
        "Pas de réponse",
        "Appel sans réponse.",
        frozenset({"pas-de-reponse"}),
        None,
    ),
    PredefinedNote(
        "phone_off",
        "Téléphone éteint",
        "Téléphone éteint ou hors réseau.",
        frozenset({"telephone-eteint"}),
        None,
    ),
    PredefinedNote(
        "busy_call_later",
        "Occupé, rappeler",
        "Le client est occupé et demande d'être rappelé plus tard.",
        frozenset(),
        Disposition.CALLBACK,
    ),
    PredefinedNote(
        "unreachable",
        "Injoignable",
        "Client injoignable après plusieurs tentatives.",
        frozenset({"injoignable"}),
        Disposition.UNREACHABLE,
    ),
    PredefinedNote(
        "customer_cancelled",
        "Annulée par le client",
        "Le client ne souhaite plus la commande.",
        frozenset(),
        Disposition.CANCEL,
    ),
    PredefinedNote(
        "wrong_number",
        "Mauvais numéro",
        "Le numéro ne correspond pas au client.",
        frozenset({"mauvais-numero"}),
        Disposition.ERRONEOUS,
    ),
    PredefinedNote(
        "duplicate",
        "Commande en double",
        "Le client a déjà une commande en cours.",
        frozenset({"doublon"}),
        Disposition.DUPLICATE,
    ),
    PredefinedNote(
        "address_to_check",
        "Adresse à vérifier",
        "Adresse incomplète, à vérifier avec le client avant expédition.",
        frozenset({"adresse-a-verifier"}),
        None,
    ),
    PredefinedNote(
        "deliver_later",
        "Livraison différée",
        "Le client souhaite être livré à une date ultérieure.",
        frozenset({"livraison-differee"}),
        None,
    ),
)


def find_predefined_note(
    code: str, notes: tuple[PredefinedNote, ...] = DEFAULT_PREDEFINED_NOTES
) -> PredefinedNote:
    """The note with ``code``; ``KeyError`` when there is none."""
    for note in notes:
        if note.code == code:
            return note
    raise KeyError(code)
