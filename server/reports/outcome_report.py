"""Outcome distribution and cancel reasons over a date range.

The unit of the outcome distribution is an *order worked* in the range (it had
an attempt, a note or a disposition there). Its class is that of the last
disposition recorded in the range (``core.dispositions.outcome_class_for``,
deterministic). An order without a disposition is Unclassified, unless the
optional note classifier gave its last free-text note a class: such figures
are counted apart (``from_classifier``) so the report can say which figures
came from it. Each order is credited to the agent who last acted on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.dispositions import Disposition, OutcomeClass, cancel_reason_label, outcome_class_for
from server.reports.agent_hour_report import in_range
from server.reports.report_facts import NoteFact, ReportFacts

OUTCOME_ORDER = (
    OutcomeClass.POSITIVE,
    OutcomeClass.NEGATIVE,
    OutcomeClass.PARTIAL,
    OutcomeClass.UNCLASSIFIED,
)


@dataclass
class OutcomeCounts:
    """Orders per outcome class for one agent (agent_id 0 = everybody)."""

    agent_id: int
    deterministic: Counter[OutcomeClass] = field(default_factory=Counter)
    from_classifier: Counter[OutcomeClass] = field(default_factory=Counter)

    def total(self, outcome: OutcomeClass) -> int:
        return self.deterministic[outcome] + self.from_classifier[outcome]

    @property
    def orders(self) -> int:
        return sum(self.deterministic.values()) + sum(self.from_classifier.values())


@dataclass(frozen=True)
class CancelReasonCount:
    """How many cancellations gave one reason (code as stored, label to show)."""

    reason: str
    label: str
    count: int


@dataclass
class OutcomeReport:
    """Per-agent and overall outcome counts plus cancel reasons."""

    per_agent: list[OutcomeCounts]
    total: OutcomeCounts
    cancel_reasons: list[CancelReasonCount]
    classifier_used: bool


def build_outcome_report(
    facts: ReportFacts,
    zone: ZoneInfo,
    first: date,
    last: date,
    note_classes: Mapping[int, OutcomeClass] | None = None,
) -> OutcomeReport:
    """``note_classes`` maps a note id to the class the classifier gave it."""
    last_disposition: dict[int, tuple[datetime, int, Disposition]] = {}
    last_touch: dict[int, tuple[datetime, int]] = {}
    last_note: dict[int, NoteFact] = {}
    cancels: Counter[str] = Counter()

    def touch(order_id: int, at: datetime, agent_id: int) -> None:
        if order_id not in last_touch or at >= last_touch[order_id][0]:
            last_touch[order_id] = (at, agent_id)

    for d in facts.dispositions:
        if d.agent_id not in facts.agents or not in_range(d.at, zone, first, last):
            continue
        touch(d.order_id, d.at, d.agent_id)
        previous = last_disposition.get(d.order_id)
        if previous is None or d.at >= previous[0]:
            last_disposition[d.order_id] = (d.at, d.agent_id, d.disposition)
        if d.disposition is Disposition.CANCEL:
            cancels[(d.cancel_reason or "").strip()] += 1
    for a in facts.attempts:
        if a.agent_id in facts.agents and in_range(a.started_at, zone, first, last):
            touch(a.order_id, a.started_at, a.agent_id)
    for n in facts.notes:
        if n.agent_id in facts.agents and in_range(n.at, zone, first, last):
            touch(n.order_id, n.at, n.agent_id)
            if n.order_id not in last_note or n.at >= last_note[n.order_id].at:
                last_note[n.order_id] = n

    classes = note_classes or {}
    per_agent: dict[int, OutcomeCounts] = {}
    total = OutcomeCounts(0)
    for order_id, (_at, agent_id) in last_touch.items():
        counts = per_agent.setdefault(agent_id, OutcomeCounts(agent_id))
        if order_id in last_disposition:
            _, agent_id, disposition = last_disposition[order_id]
            counts = per_agent.setdefault(agent_id, OutcomeCounts(agent_id))
            outcome = outcome_class_for(disposition)
            counts.deterministic[outcome] += 1
            total.deterministic[outcome] += 1
            continue
        note = last_note.get(order_id)
        if note is not None and note.note_id in classes:
            outcome = classes[note.note_id]
            counts.from_classifier[outcome] += 1
            total.from_classifier[outcome] += 1
        else:
            counts.deterministic[OutcomeClass.UNCLASSIFIED] += 1
            total.deterministic[OutcomeClass.UNCLASSIFIED] += 1

    def agent_key(counts: OutcomeCounts) -> tuple[str, int]:
        agent = facts.agents.get(counts.agent_id)
        return ((agent.display_name.casefold() if agent else ""), counts.agent_id)

    reasons = [
        CancelReasonCount(reason, cancel_reason_label(reason) if reason else "", count)
        for reason, count in sorted(cancels.items(), key=lambda item: (-item[1], item[0]))
    ]
    return OutcomeReport(
        per_agent=sorted((c for c in per_agent.values() if c.orders), key=agent_key),
        total=total,
        cancel_reasons=reasons,
        classifier_used=note_classes is not None,
    )


def unclassified_notes(
    facts: ReportFacts, zone: ZoneInfo, first: date, last: date
) -> list[NoteFact]:
    """The last free-text note of each order worked without a disposition in range:
    the only notes worth sending to the classifier."""
    disposed = {
        d.order_id for d in facts.dispositions if in_range(d.at, zone, first, last)
    }
    last_note: dict[int, NoteFact] = {}
    for n in facts.notes:
        if n.order_id in disposed or not in_range(n.at, zone, first, last):
            continue
        if n.agent_id in facts.agents and (
            n.order_id not in last_note or n.at >= last_note[n.order_id].at
        ):
            last_note[n.order_id] = n
    return sorted(last_note.values(), key=lambda n: n.note_id)
