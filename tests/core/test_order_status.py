"""Statuses read from shop sheets and their open/closed split."""

import pytest

from core.order_status import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    OrderStatus,
    UnknownSheetStatus,
    is_open,
    parse_sheet_status,
)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Non affectée", OrderStatus.UNASSIGNED),
        ("Affectée", OrderStatus.ASSIGNED),
        ("En cours de confirmation", OrderStatus.IN_PROGRESS),
        ("Confirmée", OrderStatus.CONFIRMED),
        ("CONFIRMEE", OrderStatus.CONFIRMED),
        ("  confirmée ", OrderStatus.CONFIRMED),
        ("Annulée", OrderStatus.CANCELLED),
        ("Doublon", OrderStatus.DUPLICATE),
        ("Erronée", OrderStatus.ERRONEOUS),
        ("Retour Confirmation", OrderStatus.RETURNED),
        ("retour  confirmation", OrderStatus.RETURNED),
        ("À rappeler", OrderStatus.CALLBACK),
        ("a rappeler", OrderStatus.CALLBACK),
        ("Reportée", OrderStatus.CALLBACK),
        ("REPORTEE", OrderStatus.CALLBACK),
        ("Injoignable", OrderStatus.UNREACHABLE),
        ("in_progress", OrderStatus.IN_PROGRESS),
        # The shops' own initial states: a new order nobody has called yet.
        ("À confirmer", OrderStatus.UNASSIGNED),
        ("A CONFIRMER", OrderStatus.UNASSIGNED),
        ("En attente de contact", OrderStatus.UNASSIGNED),
        ("En attente", OrderStatus.UNASSIGNED),
        ("en attente - confirmation", OrderStatus.UNASSIGNED),
        ("Nouvelle commande", OrderStatus.UNASSIGNED),
        ("En cours de traitement", OrderStatus.IN_PROGRESS),
        ("Rappel", OrderStatus.CALLBACK),
        ("Ne répond pas", OrderStatus.UNREACHABLE),
        ("Boîte vocale", OrderStatus.UNREACHABLE),
        ("Validée", OrderStatus.CONFIRMED),
        ("Faux numéro", OrderStatus.ERRONEOUS),
        ("Retour préparation", OrderStatus.RETURNED),
    ],
)
def test_sheet_spellings_are_read(cell: str, expected: OrderStatus) -> None:
    assert parse_sheet_status(cell) == expected


def test_every_label_round_trips() -> None:
    for status in OrderStatus:
        assert parse_sheet_status(status.label_fr) == status
        assert parse_sheet_status(status.label_fr.upper()) == status


def test_unknown_status_names_the_text() -> None:
    with pytest.raises(ValueError, match="Livrée") as info:
        parse_sheet_status("Livrée")
    assert isinstance(info.value, UnknownSheetStatus)
    assert info.value.code == "unknown_status"
    assert info.value.params == {"text": "Livrée"}


def test_empty_cell_is_refused() -> None:
    with pytest.raises(UnknownSheetStatus, match="empty") as info:
        parse_sheet_status("   ")
    assert info.value.code == "empty_status"


def test_open_and_final_split_all_statuses() -> None:
    assert frozenset(OrderStatus) == OPEN_STATUSES | FINAL_STATUSES
    assert not OPEN_STATUSES & FINAL_STATUSES
    assert {
        OrderStatus.CONFIRMED,
        OrderStatus.CANCELLED,
        OrderStatus.DUPLICATE,
        OrderStatus.ERRONEOUS,
    } == FINAL_STATUSES
    assert is_open(OrderStatus.CALLBACK)
    assert not is_open(OrderStatus.CONFIRMED)
    assert OrderStatus.RETURNED.is_open


def test_labels_are_the_sheet_labels() -> None:
    assert OrderStatus.CALLBACK.label_fr == "À rappeler"
    assert OrderStatus.RETURNED.label_fr == "Retour Confirmation"
    assert str(OrderStatus.CONFIRMED) == "confirmed"
