"""Report arithmetic against a hand-computed fixture (no server, no SQL).

Shop time zone Africa/Casablanca (UTC+1 in November 2026). The fixture has a
call that starts at 23:58 local and runs past midnight, a call and a cancel
just after local midnight (UTC date still the day before), a call outside
the range, and an agent of another team whose facts must be ignored.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from core.dispositions import Disposition, OutcomeClass
from server.reports.agent_hour_report import build_agent_hour_report
from server.reports.outcome_report import build_outcome_report, unclassified_notes
from server.reports.report_facts import (
    AgentRef,
    AttemptFact,
    DispositionFact,
    NoteFact,
    ReportFacts,
)

ZONE = ZoneInfo("Africa/Casablanca")
SAMIRA, YOUSSEF, KARIM = 1, 2, 3


def utc(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def call(agent: int, order: int, at: datetime, talk: float, channel: str = "call") -> AttemptFact:
    return AttemptFact(agent, order, channel, at, talk, 5.0, "answered" if talk else "no_answer")


ATTEMPTS = [
    call(SAMIRA, 101, utc(20, 8, 5), 120),  # 09:05 local
    call(SAMIRA, 101, utc(20, 8, 40), 0),  # 09:40 local, no answer
    call(SAMIRA, 102, utc(20, 8, 50), 0, "whatsapp"),  # 09:50 local, not a call
    call(SAMIRA, 103, utc(20, 22, 58), 300),  # 23:58 local, ends after midnight
    call(SAMIRA, 104, utc(20, 23, 10), 0),  # 00:10 local on the 21st
    call(YOUSSEF, 105, utc(20, 9, 15), 60),
    call(YOUSSEF, 106, utc(20, 9, 20), 90),
    call(KARIM, 201, utc(20, 8, 10), 45),  # other team
    call(SAMIRA, 107, utc(19, 22, 30), 30),  # 23:30 local on the 19th: out of range
]
DISPOSITIONS = [
    DispositionFact(SAMIRA, 101, utc(20, 8, 10), Disposition.CONFIRM),
    DispositionFact(SAMIRA, 103, utc(20, 23, 3), Disposition.CANCEL, "too_expensive"),
    DispositionFact(SAMIRA, 104, utc(20, 23, 12), Disposition.CALLBACK),
    DispositionFact(YOUSSEF, 105, utc(20, 9, 17), Disposition.CONFIRM),
    DispositionFact(YOUSSEF, 106, utc(20, 9, 25), Disposition.CANCEL, "delivery_fee"),
    DispositionFact(KARIM, 201, utc(20, 8, 12), Disposition.CONFIRM),
]
NOTES = [NoteFact(9001, SAMIRA, 102, utc(20, 8, 51), "Elle confirme demain matin")]

TEAM_ONE = {
    SAMIRA: AgentRef(SAMIRA, "samira", "Samira", 1),
    YOUSSEF: AgentRef(YOUSSEF, "youssef", "Youssef", 1),
}
FACTS = ReportFacts(TEAM_ONE, ATTEMPTS, DISPOSITIONS, NOTES)
FIRST, LAST = date(2026, 11, 20), date(2026, 11, 21)


def test_slots_follow_local_hours_and_a_midnight_call_stays_in_its_start_slot() -> None:
    report = build_agent_hour_report(FACTS, ZONE, FIRST, LAST)
    rows = {
        (s.agent_id, s.day, s.hour): (
            s.calls,
            s.answered_calls,
            s.talk_seconds,
            s.orders_contacted,
            s.orders_closed,
            s.confirmed,
            s.conversion,
            s.average_handling_seconds,
        )
        for s in report.slots
    }
    assert rows == {
        (SAMIRA, date(2026, 11, 20), 9): (2, 1, 120, 2, 1, 1, 1.0, 120),
        (SAMIRA, date(2026, 11, 20), 23): (1, 1, 300, 1, 0, 0, None, 300),
        (SAMIRA, date(2026, 11, 21), 0): (1, 0, 0, 1, 1, 0, 0.0, None),
        (YOUSSEF, date(2026, 11, 20), 10): (2, 2, 150, 2, 2, 1, 0.5, 75),
    }
    # Display order: agent name, then day and hour.
    assert [(s.agent_id, s.hour) for s in report.slots] == [
        (SAMIRA, 9),
        (SAMIRA, 23),
        (SAMIRA, 0),
        (YOUSSEF, 10),
    ]


def test_totals_count_distinct_orders_not_the_sum_of_slots() -> None:
    report = build_agent_hour_report(FACTS, ZONE, FIRST, LAST)
    samira = report.agent_totals[0]
    assert samira.agent_id == SAMIRA
    assert (samira.calls, samira.talk_seconds, samira.orders_contacted) == (4, 420, 4)
    assert (samira.orders_closed, samira.confirmed, samira.conversion) == (2, 1, 0.5)
    assert samira.average_handling_seconds == 210
    total = report.total
    assert (total.calls, total.answered_calls, total.talk_seconds) == (6, 4, 570)
    assert (total.orders_contacted, total.orders_closed, total.confirmed) == (6, 4, 2)
    assert total.average_handling_seconds == pytest.approx(142.5)


def test_one_day_range_drops_what_happened_after_local_midnight() -> None:
    report = build_agent_hour_report(FACTS, ZONE, FIRST, FIRST)
    assert {(s.agent_id, s.hour) for s in report.slots} == {
        (SAMIRA, 9),
        (SAMIRA, 23),
        (YOUSSEF, 10),
    }
    assert report.total.calls == 5


def test_outcomes_are_deterministic_from_dispositions() -> None:
    report = build_outcome_report(FACTS, ZONE, FIRST, LAST)
    total = report.total
    assert {c: total.total(c) for c in OutcomeClass} == {
        OutcomeClass.POSITIVE: 2,
        OutcomeClass.NEGATIVE: 2,
        OutcomeClass.PARTIAL: 1,
        OutcomeClass.UNCLASSIFIED: 1,  # order 102: WhatsApp and a note, no disposition
    }
    assert not report.classifier_used and not total.from_classifier
    per_agent = {c.agent_id: dict(c.deterministic) for c in report.per_agent}
    assert per_agent[YOUSSEF] == {OutcomeClass.POSITIVE: 1, OutcomeClass.NEGATIVE: 1}
    assert [(r.reason, r.count) for r in report.cancel_reasons] == [
        ("delivery_fee", 1),
        ("too_expensive", 1),
    ]
    assert report.cancel_reasons[1].label == "Prix trop élevé"


def test_classifier_figures_are_kept_apart() -> None:
    notes = unclassified_notes(FACTS, ZONE, FIRST, LAST)
    assert [n.note_id for n in notes] == [9001]
    report = build_outcome_report(FACTS, ZONE, FIRST, LAST, {9001: OutcomeClass.POSITIVE})
    assert report.classifier_used
    assert report.total.deterministic[OutcomeClass.POSITIVE] == 2
    assert report.total.from_classifier == {OutcomeClass.POSITIVE: 1}
    assert report.total.deterministic[OutcomeClass.UNCLASSIFIED] == 0
