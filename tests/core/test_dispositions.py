"""Outcome classes, predefined notes and cancel reasons."""

import pytest

from core.dispositions import (
    DEFAULT_CANCEL_REASONS,
    DEFAULT_PREDEFINED_NOTES,
    CancelReason,
    Disposition,
    OutcomeClass,
    PredefinedNote,
    cancel_reason_label,
    find_predefined_note,
    outcome_class_for,
)
from core.order_transitions import OrderAction


@pytest.mark.parametrize(
    ("disposition", "expected"),
    [
        (Disposition.CONFIRM, OutcomeClass.POSITIVE),
        (Disposition.CANCEL, OutcomeClass.NEGATIVE),
        (Disposition.CALLBACK, OutcomeClass.PARTIAL),
        (Disposition.UNREACHABLE, OutcomeClass.PARTIAL),
        (Disposition.DUPLICATE, OutcomeClass.UNCLASSIFIED),
        (Disposition.ERRONEOUS, OutcomeClass.UNCLASSIFIED),
        (None, OutcomeClass.UNCLASSIFIED),
    ],
)
def test_outcome_classes(disposition: Disposition | None, expected: OutcomeClass) -> None:
    assert outcome_class_for(disposition) == expected


def test_each_disposition_maps_to_its_action() -> None:
    assert Disposition.CONFIRM.action == OrderAction.CONFIRM
    assert {d.action for d in Disposition} <= set(OrderAction)


def test_default_notes_are_french_unique_and_cover_the_outcomes() -> None:
    codes = [note.code for note in DEFAULT_PREDEFINED_NOTES]
    assert len(codes) == len(set(codes))
    dispositions = {note.disposition for note in DEFAULT_PREDEFINED_NOTES}
    assert set(Disposition) <= dispositions
    assert None in dispositions  # plain notes exist too
    for note in DEFAULT_PREDEFINED_NOTES:
        assert note.title and note.text.endswith(".")
        assert all(tag == tag.lower() and " " not in tag for tag in note.tags)


def test_note_lookup_and_class() -> None:
    note = find_predefined_note("wrong_number")
    assert note.disposition == Disposition.ERRONEOUS
    assert "mauvais-numero" in note.tags
    assert note.outcome_class == OutcomeClass.UNCLASSIFIED
    with pytest.raises(KeyError):
        find_predefined_note("nope")
    custom = PredefinedNote("vip", "Client VIP", "Client fidèle.", frozenset({"vip"}))
    assert find_predefined_note("vip", (custom,)) is custom


def test_cancel_reasons_have_french_labels() -> None:
    assert len(DEFAULT_CANCEL_REASONS) >= 5
    assert all(reason.label_fr for reason in DEFAULT_CANCEL_REASONS)
    assert cancel_reason_label("too_expensive") == "Prix trop élevé"
    assert cancel_reason_label("Le client part en voyage") == "Le client part en voyage"
    assert CancelReason.TOO_EXPENSIVE == "too_expensive"
