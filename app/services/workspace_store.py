"""What the workspace services need from the local store and the sync client.

``LocalStoreWorkspace`` (in ``local_store_workspace.py``) answers it with the
real SQLite store and sync client; the services depend only on this shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol

from app.services.order_views import ArticleView, OrderDetail, OrderEvent, RescueLimitsView
from app.services.queue_repository import QueueRepository
from core.dispositions import PredefinedNote
from core.pricing import ArticlePricing
from core.rulebook import ShopRules
from core.wire.catalogue import SettingsWire, TeamSettingsWire
from core.wire.sync_ops import OpKind


class ActionState(StrEnum):
    """Where an action stands between the desk and the server."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    CONFLICT = "conflict"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ActionReport:
    """What became of one recorded action, in words the agent can read."""

    op_id: str
    order_id: int | None
    kind: str
    state: ActionState
    code: str = ""
    message: str = ""
    params: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ClaimResult:
    """Answer to opening an order: held by me, or why not."""

    order_id: int
    granted: bool
    holder_name: str | None = None
    expires_at: datetime | None = None
    code: str = ""
    message: str = ""
    params: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class MessageTemplate:
    """A WhatsApp / SMS template in one language."""

    code: str
    language: str
    channel: str
    title: str
    body: str


class WorkspaceStore(Protocol):
    """Local data and the server round trips behind the workspace."""

    @property
    def queue(self) -> QueueRepository: ...

    def order_detail(self, order_id: int) -> OrderDetail | None: ...

    def orders_by_phone(self, phone: str) -> Sequence[OrderDetail]: ...

    def articles(self) -> Sequence[ArticleView]: ...

    def article_pricing(self) -> Mapping[str, ArticlePricing]: ...

    def city_fees(self) -> Mapping[str, Decimal]: ...

    def predefined_notes(self) -> Sequence[PredefinedNote]: ...

    def cancel_reasons(self) -> Sequence[str]: ...

    def templates(self) -> Sequence[MessageTemplate]: ...

    def shop_rules(self) -> ShopRules:
        """Attempt cap, call gap and lease cap (the shop's settings) for the rulebook."""
        ...

    def user_id(self) -> int | None:
        """The signed-in user's id: who "me" is for the rulebook."""
        ...

    def held_lease_count(self) -> int:
        """Orders this desk holds right now."""
        ...
    def shop_settings(self) -> SettingsWire:
        """The shop settings the server last sent (defaults before that)."""
        ...

    def team_settings(self) -> TeamSettingsWire:
        """My team's settings the server last sent (defaults before that)."""
        ...

    def best_call_hours(self) -> Sequence[int]:
        """Local hours when customers answer best (the team's journal), best first."""
        ...

    def rescue_limits(self, role: str) -> RescueLimitsView:
        """What ``role`` may grant to save an order (shop settings)."""
        ...

    def record_action(self, kind: OpKind, order_id: int, payload: Mapping[str, Any]) -> str:
        """Write the change and its outbox op in one transaction; the op id."""
        ...

    def pending_actions(self) -> int: ...

    def is_pending(self, op_id: str) -> bool:
        """True while the op waits in the outbox for a definite answer."""
        ...

    def escalate(self, order_id: int, reason: str, text: str) -> None:
        """Hand the order to the team lead (network; worker thread)."""
        ...

    def answer_escalation(self, order_id: int, text: str) -> None:
        """The lead answers: the order goes back to the agent with a note (network)."""
        ...

    def take_escalation(self, order_id: int) -> None:
        """The lead takes the escalated order over (network)."""
        ...

    def create_order(self, payload: Mapping[str, Any]) -> int:
        """Create an order in the agent's hands (network; worker thread); its id."""
        ...

    def order_history(self, order_id: int) -> Sequence[OrderEvent]:
        """The server's history of the order, oldest first (network; worker thread)."""
        ...

    def claim(self, order_id: int) -> ClaimResult:
        """Ask the server for the order's lease (network; worker thread)."""
        ...

    def claim_next(self) -> ClaimResult | None:
        """Ask the server for the best next order (network; worker thread)."""
        ...

    def release(self, order_id: int) -> None: ...

    def check_attempt(self, order_id: int, channel: str) -> None:
        """Ask the server whether a contact attempt may happen now (network; worker
        thread). Raises an error with ``code``/``params`` when refused (``offline`` when
        the server cannot be reached)."""
        ...

    def grant_attempt(self, order_id: int) -> None:
        """Lead: one more attempt on the order (network; worker thread)."""
        ...
