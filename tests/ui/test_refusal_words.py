"""Refusals of the rescue limits, escalations, new orders and password changes are
said in words built from the server's code and params, never the bare code."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from sync.refusal_messages import describe_refusal
from ui.order_history_text import action_label, history_detail_text
from ui.refusal_text import reason_text

FALLBACK = "server sentence"


@pytest.mark.parametrize(
    ("code", "params", "expected"),
    [
        (
            "discount_over_limit",
            {"limit_pct": "10", "field": "line"},
            "the discount on a line may not exceed 10 % for you.",
        ),
        (
            "discount_over_limit",
            {"limit_pct": "15", "field": "order"},
            "the discount on the order may not exceed 15 % for you.",
        ),
        ("free_delivery_not_allowed", {}, "you may not grant free delivery."),
        ("delivery_date_in_past", {}, "the delivery date is in the past."),
        (
            "delivery_date_over_limit",
            {"max_days": 7},
            "the delivery may be put off by 7 days at most.",
        ),
        ("escalated", {}, "the order waits for the team lead's answer."),
        ("already_escalated", {}, "the order is already with the team lead."),
        ("wrong_password", {}, "the current password is wrong."),
        ("password_unchanged", {}, "the new password must differ from the current one."),
        (
            "invalid_phone",
            {"reason": "too_short", "text": "0612"},
            "the phone number 0612 is not valid.",
        ),
        (
            "unknown_article",
            {"article_ref": "SAC-99"},
            "the article SAC-99 is not in the catalogue.",
        ),
    ],
)
def test_new_refusal_codes_read_as_sentences(
    qapp: QApplication, code: str, params: dict[str, object], expected: str
) -> None:
    assert reason_text(code, params, FALLBACK) == expected


def test_the_sync_sentence_names_the_action_and_the_limit() -> None:
    text = describe_refusal(
        "discount_over_limit",
        {"limit_pct": "10", "field": "order"},
        kind="edit_lines",
        order_label="CMD-10233",
    )
    assert text == (
        "Your change of the articles on order CMD-10233 was not applied: "
        "the discount on an order may not exceed 10 % for you."
    )
    late = describe_refusal(
        "delivery_date_over_limit", {"max_days": 7}, kind="set_delivery_date", order_label="7"
    )
    assert late == (
        "Your delivery date on order 7 was not applied: "
        "the delivery may be put off by 7 days at most."
    )


def test_history_rows_keep_what_the_agent_reads_and_drop_bookkeeping(qapp: QApplication) -> None:
    assert action_label("order.set_delivery_date") == "Delivery date set"
    assert action_label("order.something_new") == "order.something_new"
    detail = (
        ("version", "4"),
        ("status", "in_progress"),
        ("from_status", "assigned"),
        ("order_discount_pct", "5.00"),
        ("free_delivery", "True"),
        ("total", "760.00"),
        ("note", "Remise accordée"),
    )
    assert history_detail_text(detail) == (
        "order discount 5 % · free delivery · total 760.00 MAD · « Remise accordée »"
    )
    assert history_detail_text((("order_discount_pct", "0.00"), ("free_delivery", "False"))) == ""


def test_history_names_imports_attempts_and_line_discounts_in_words(
    qapp: QApplication,
) -> None:
    assert action_label("order.import_created") == "Imported from the shop"
    assert action_label("order.journal") == "Contact attempt"
    assert history_detail_text((("outcome", "no_answer"), ("channel", "call"))) == (
        "No answer · Call"
    )
    assert history_detail_text((("line_discounts", "SAC-01=10.00;BSK-02=5"),)) == (
        "discount 10 % on SAC-01 · discount 5 % on BSK-02"
    )
