"""What happened to an order, and what one user did.

``GET /orders/{id}/history``: the order's state changes and edits, oldest first,
from the server's audit rows. ``GET /me/history``: the caller's own recent actions
(attempts, dispositions, notes, edits), newest first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from core.wire.base import WireModel


class OrderHistoryEntry(WireModel):
    """One audited change of an order."""

    at: datetime
    actor_id: int | None = None
    actor_name: str = ""
    action: str = Field(description="Audit action, e.g. confirm, edit_lines, escalate")
    from_status: str | None = None
    to_status: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class OwnHistoryEntry(WireModel):
    """One action of the signed-in user."""

    at: datetime
    order_id: int | None = None
    order_reference: str | None = None
    action: str
    outcome: str | None = Field(default=None, description="Outcome class of an attempt")
    channel: str | None = None
    talk_seconds: float | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
