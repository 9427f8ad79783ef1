"""Reports as rows with fixed columns: the same rows feed the JSON and the CSV.

CSV files are UTF-8 with a BOM and ``;`` separators, which spreadsheet software
set to French opens without an import dialog.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from core.dispositions import OutcomeClass
from core.spreadsheet_cells import safe_cell
from server.reports.agent_hour_report import AgentHourReport, SlotFigures
from server.reports.outcome_report import OUTCOME_ORDER, OutcomeCounts, OutcomeReport
from server.reports.report_facts import AgentRef

AGENT_HOUR_COLUMNS = (
    "agent_id", "username", "agent", "day", "hour", "calls", "answered_calls",
    "orders_contacted", "orders_closed", "confirmed", "conversion", "talk_seconds",
    "average_handling_seconds",
)
OUTCOME_COLUMNS = (
    "agent_id", "username", "agent", "orders",
    *[c.value for c in OUTCOME_ORDER],
    *[f"{c.value}_from_classifier" for c in OUTCOME_ORDER],
)
CANCEL_REASON_COLUMNS = ("reason", "label", "count")


def _round(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places)


def slot_row(slot: SlotFigures, agents: dict[int, AgentRef]) -> dict[str, Any]:
    agent = agents.get(slot.agent_id)
    return {
        "agent_id": slot.agent_id or None,
        "username": agent.username if agent else None,
        "agent": agent.display_name if agent else None,
        "day": slot.day.isoformat() if slot.day else None,
        "hour": slot.hour,
        "calls": slot.calls,
        "answered_calls": slot.answered_calls,
        "orders_contacted": slot.orders_contacted,
        "orders_closed": slot.orders_closed,
        "confirmed": slot.confirmed,
        "conversion": _round(slot.conversion, 4),
        "talk_seconds": round(slot.talk_seconds, 1),
        "average_handling_seconds": _round(slot.average_handling_seconds, 1),
    }


def agent_hour_body(report: AgentHourReport, agents: dict[int, AgentRef]) -> dict[str, Any]:
    return {
        "columns": list(AGENT_HOUR_COLUMNS),
        "slots": [slot_row(s, agents) for s in report.slots],
        "agents": [slot_row(s, agents) for s in report.agent_totals],
        "total": slot_row(report.total, agents),
    }


def outcome_row(counts: OutcomeCounts, agents: dict[int, AgentRef]) -> dict[str, Any]:
    agent = agents.get(counts.agent_id)
    row: dict[str, Any] = {
        "agent_id": counts.agent_id or None,
        "username": agent.username if agent else None,
        "agent": agent.display_name if agent else None,
        "orders": counts.orders,
    }
    for outcome in OUTCOME_ORDER:
        row[outcome.value] = counts.total(outcome)
    for outcome in OUTCOME_ORDER:
        row[f"{outcome.value}_from_classifier"] = counts.from_classifier[outcome]
    return row


def outcome_body(report: OutcomeReport, agents: dict[int, AgentRef]) -> dict[str, Any]:
    return {
        "columns": list(OUTCOME_COLUMNS),
        "agents": [outcome_row(c, agents) for c in report.per_agent],
        "total": outcome_row(report.total, agents),
        "cancel_reasons": [
            {"reason": r.reason, "label": r.label, "count": r.count} for r in report.cancel_reasons
        ],
    }


def to_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    """CSV text (BOM, ``;``, header row); None becomes an empty cell, text that
    a spreadsheet would run as a formula is neutralised (``core.spreadsheet_cells``)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow(["" if row.get(c) is None else safe_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def outcome_classes() -> list[str]:
    return [c.value for c in OutcomeClass]
