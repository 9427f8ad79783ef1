"""The order workspace: claim, open, edit, note and dispose of orders.

Every change is written to the local store and its outbox in one transaction
(``record_action``), so nothing is lost offline; the sync client pushes it and
``report_action`` tells the windows what the server said. Network round trips
(claims) run through the ``OperationRunner`` so the window never freezes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.services.operations import OperationRunner
from app.services.order_rules import OrderVerdicts, situation_for
from app.services.order_views import ArticleView, OrderDetail, OrderEvent, RescueLimitsView
from app.services.queue_repository import QueueRepository
from app.services.workspace_store import (
    ActionReport,
    ActionState,
    ClaimResult,
    MessageTemplate,
    WorkspaceStore,
)
from core.attempt_policy import Channel
from core.dispositions import Disposition, PredefinedNote
from core.domain_error import DomainError
from core.pricing import LineRequest, PricedOrder, price_order
from core.rulebook import ShopRules, contact_act
from core.text_folding import fold_text
from core.wire.sync_ops import OpKind

log = logging.getLogger(__name__)

_DEFAULT_BEST_HOURS = (11, 18, 14, 10, 19, 16)

#: Codes of a request that did not reach the server: the desk decides by itself.
_UNREACHABLE = frozenset(
    {"offline", "server_unreachable", "server_timeout", "server_error", "server_bad_answer"}
)

#: After a failed history fetch (offline), the next redraw of the order retries after this.
HISTORY_RETRY_SECONDS = 15.0


@dataclass(frozen=True)
class OrderHistory:
    """The server's history of one order, or why it could not be read (``code``)."""

    order_id: int
    events: tuple[OrderEvent, ...]
    code: str = ""
    message: str = ""


class WorkspaceService(QObject):
    """Orders as the agent works them; broadcasts what changed."""

    queue_changed = Signal()  # the set or order of queue rows changed
    orders_changed = Signal(list)  # ids of orders whose data changed
    current_order_changed = Signal(object)  # OrderDetail | None
    claim_refused = Signal(object)  # ClaimResult
    claim_granted = Signal(int)  # order id: an earlier refusal no longer stands
    action_reported = Signal(object)  # ActionReport
    reference_changed = Signal()  # catalogue, cities, notes, templates or settings
    history_loaded = Signal(object)  # OrderHistory: the server's history of the open order
    attempt_refused = Signal(int, object)  # order id, DomainError: do not dial / message
    order_created = Signal(int)  # order id of an order this desk created (in its hands)

    def __init__(
        self,
        store: WorkspaceStore,
        runner: OperationRunner,
        me: str,
        parent: QObject | None = None,
        *,
        role: str = "agent",
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._me = me
        self._role = role
        self._current: OrderDetail | None = None
        self._reports: dict[str, ActionReport] = {}
        self._history_for: tuple[int, int] | None = None  # (order id, version) fetched
        self._history_failed_at = 0.0  # monotonic time of the last failed fetch
        # Orders the server refused to give me (a colleague holds or owns them):
        # shown read-only with the server's reason until a claim of mine succeeds.
        self._refused_claims: dict[int, ClaimResult] = {}

    # -- reading -------------------------------------------------------
    @property
    def me(self) -> str:
        return self._me

    @property
    def role(self) -> str:
        """``agent``, ``lead`` or ``admin``: what the signed-in user may do."""
        return self._role

    @property
    def is_lead(self) -> bool:
        return self._role in ("lead", "admin")

    def rescue_limits(self) -> RescueLimitsView:
        """Discounts, free delivery and delivery delay this user may grant."""
        return self._store.rescue_limits(self._role)

    # -- the rulebook ----------------------------------------------------
    def verdicts(self, detail: OrderDetail, now: datetime | None = None) -> OrderVerdicts:
        """What the signed-in user may do to ``detail`` now, and why not (core.rulebook)."""
        situation = situation_for(
            detail,
            user_id=self._store.user_id(),
            role=self._role,
            rules=self._store.shop_rules(),
            leases_held=self._store.held_lease_count(),
            now=now or datetime.now(UTC),
            refused_claim=self._refused_claims.get(detail.order_id),
        )
        return OrderVerdicts.of(detail.order_id, situation)

    def shop_rules(self) -> ShopRules:
        return self._store.shop_rules()

    def check_attempt(self, order_id: int, channel: Channel, go: Callable[[], None]) -> None:
        """Ask before dialling or opening a message; ``go`` runs on the GUI thread only
        when the attempt may happen, otherwise ``attempt_refused`` says why.

        Online the server answers (it counts what other desks did); when it cannot be
        reached, the rulebook decides from the local store, which also counts this
        desk's journal entries not pushed yet.
        """

        def refused(exc: Exception) -> None:
            code = getattr(exc, "code", "")
            if code not in _UNREACHABLE:
                self.attempt_refused.emit(
                    order_id,
                    DomainError(code or "refused", str(exc), getattr(exc, "params", None)),
                )
                return
            detail = self._store.order_detail(order_id)
            if detail is None:
                self.attempt_refused.emit(order_id, DomainError("not_found", str(exc)))
                return
            local = self.verdicts(detail).refusal(contact_act(channel))
            if local is None:
                go()
            else:
                self.attempt_refused.emit(order_id, local)

        self._runner.run(
            lambda: self._store.check_attempt(order_id, channel.value),
            lambda _r: go(),
            refused,
        )

    def grant_attempt(self, order_id: int) -> None:
        """Lead: one more contact attempt on this order (the server audits it)."""
        self._server_action(order_id, "grant_attempt", lambda: self._store.grant_attempt(order_id))

    @property
    def queue(self) -> QueueRepository:
        return self._store.queue

    @property
    def current(self) -> OrderDetail | None:
        return self._current

    def order_detail(self, order_id: int) -> OrderDetail | None:
        return self._store.order_detail(order_id)

    def orders_by_phone(self, phone: str) -> Sequence[OrderDetail]:
        return self._store.orders_by_phone(phone)

    def cities(self) -> list[str]:
        return sorted(self._store.city_fees())

    def delivery_fee(self, city: str) -> Decimal | None:
        wanted = fold_text(city).replace(" ", "")
        for name, fee in self._store.city_fees().items():
            if fold_text(name).replace(" ", "") == wanted:
                return fee
        return None

    def articles(self) -> Sequence[ArticleView]:
        return self._store.articles()

    def search_articles(self, text: str, limit: int = 30) -> list[ArticleView]:
        wanted = fold_text(text)
        found = [
            a
            for a in self._store.articles()
            if not wanted or wanted in fold_text(a.ref) or wanted in fold_text(a.title)
        ]
        return found[:limit]

    def predefined_notes(self) -> Sequence[PredefinedNote]:
        return self._store.predefined_notes()

    def cancel_reasons(self) -> Sequence[str]:
        return self._store.cancel_reasons()

    def templates(self) -> Sequence[MessageTemplate]:
        return self._store.templates()

    def pending_actions(self) -> int:
        return self._store.pending_actions()

    def price_lines(
        self,
        lines: Sequence[LineRequest],
        city: str,
        *,
        free_delivery: bool = False,
        order_discount_pct: Decimal = Decimal(0),
    ) -> PricedOrder:
        """Totals as the server will compute them (core.pricing)."""
        fee = self.delivery_fee(city)
        return price_order(
            lines,
            self._store.article_pricing(),
            fee or Decimal(0),
            free_delivery=free_delivery,
            order_discount_pct=order_discount_pct,
        )

    def callback_slots(self, now: datetime, count: int = 4) -> list[datetime]:
        """Suggested call-back times: the team's best hours still ahead.

        The best hours come from the team's journal (share of calls answered per
        hour); without enough history, late morning and early evening, where the
        shops' customers answer best.
        """
        best_hours = tuple(self._store.best_call_hours()) or _DEFAULT_BEST_HOURS
        local_now = now.astimezone()
        slots: list[datetime] = []
        for day in range(3):
            base = (local_now + timedelta(days=day)).replace(minute=0, second=0, microsecond=0)
            for hour in best_hours:
                at = base.replace(hour=hour)
                if at > local_now + timedelta(minutes=15):
                    slots.append(at)
            if len(slots) >= count:
                break
        slots.sort()
        return [s.astimezone(UTC) for s in slots[:count]]

    # -- opening orders ------------------------------------------------
    def open_order(self, order_id: int) -> None:
        """Show the order at once, then claim it on the server.

        The order open before gives its lease back (ownership by a note stays on
        the server: only the reservation goes), so colleagues may take it.
        """
        self._release_previous(order_id)
        detail = self._store.order_detail(order_id)
        self._set_current(detail)
        if detail is None:
            return
        self._runner.run(
            lambda: self._store.claim(order_id),
            self._on_claimed,
            lambda exc: self._on_claim_failed(order_id, exc),
        )

    def next_order(self) -> None:
        """Claim the best next order and open it."""

        def done(result: ClaimResult | None) -> None:
            if result is None:
                self.claim_refused.emit(
                    ClaimResult(0, False, code="queue_empty", message="No order is waiting.")
                )
                return
            self._on_claimed(result)
            if result.granted:
                self._release_previous(result.order_id)
                self._set_current(self._store.order_detail(result.order_id))

        self._runner.run(self._store.claim_next, done, lambda exc: self._on_claim_failed(0, exc))

    def _release_previous(self, next_order_id: int) -> None:
        current = self._current
        if current is not None and current.order_id != next_order_id:
            previous = current.order_id
            self._runner.run(
                lambda: self._store.release(previous),
                lambda _r: self.orders_changed.emit([previous]),
                lambda exc: log.info("release of order %s failed: %s", previous, exc),
            )

    def reload_current(self) -> None:
        if self._current is not None:
            self._set_current(self._store.order_detail(self._current.order_id))

    def release_current(self) -> None:
        """Give the open order's lease back (the desk is closing); the view stays as it
        is, and ownership by a note stays on the server."""
        current = self._current
        if current is not None:
            self._runner.run(lambda: self._store.release(current.order_id))

    def _on_claimed(self, result: ClaimResult) -> None:
        if result.granted:
            self._refused_claims.pop(result.order_id, None)
            self.claim_granted.emit(result.order_id)
        else:
            self._remember_refusal(result)
            self.claim_refused.emit(result)
        self.orders_changed.emit([result.order_id])
        if self._current is not None and self._current.order_id == result.order_id:
            self.reload_current()

    def _on_claim_failed(self, order_id: int, exc: Exception) -> None:
        log.warning("claim failed: %s", exc)
        result = ClaimResult(
            order_id,
            False,
            code=getattr(exc, "code", "claim_failed"),
            message=str(exc),
        )
        self._remember_refusal(result)
        self.claim_refused.emit(result)
        if self._current is not None and self._current.order_id == order_id:
            self.reload_current()

    def _remember_refusal(self, result: ClaimResult) -> None:
        """A refused claim makes the order read-only here; being offline does not
        (the agent keeps working on what the desk already holds)."""
        if result.order_id and result.code != "offline":
            self._refused_claims[result.order_id] = result

    def claim_refusal(self, order_id: int) -> ClaimResult | None:
        """Why the server did not give me this order, if it refused."""
        return self._refused_claims.get(order_id)

    def remind_pool_callbacks(self) -> bool:
        """Shop setting: remind agents of due call-backs nobody owns, besides their own."""
        return self._store.shop_settings().remind_pool_callbacks

    def _set_current(self, detail: OrderDetail | None) -> None:
        self._current = detail
        self.current_order_changed.emit(detail)
        if detail is None:
            return
        retry_due = (
            self._history_failed_at
            and time.monotonic() - self._history_failed_at >= HISTORY_RETRY_SECONDS
        )
        if self._history_for != (detail.order_id, detail.version) or retry_due:
            self.load_history(detail.order_id)

    def load_history(self, order_id: int) -> None:
        """Fetch the server's history of the order off the GUI thread; the answer (or
        why there is none, e.g. offline) arrives as ``history_loaded``."""
        version = self._current.version if self._current is not None else 0
        self._history_for = (order_id, version)
        self._history_failed_at = 0.0

        def failed(exc: Exception) -> None:
            # Offline: try again with a later change, not at every redraw of the order.
            self._history_failed_at = time.monotonic()
            self.history_loaded.emit(
                OrderHistory(order_id, (), getattr(exc, "code", "history_failed"), str(exc))
            )

        self._runner.run(
            lambda: tuple(self._store.order_history(order_id)),
            lambda events: self.history_loaded.emit(OrderHistory(order_id, events)),
            failed,
        )

    # -- changes (local first, then the outbox) ------------------------
    def _record(self, kind: OpKind, order_id: int, payload: dict[str, Any]) -> str:
        op_id = self._store.record_action(kind, order_id, payload)
        report = ActionReport(op_id, order_id, str(kind), ActionState.PENDING)
        self._reports[op_id] = report
        self.action_reported.emit(report)
        self.orders_changed.emit([order_id])
        if self._current is not None and self._current.order_id == order_id:
            self.reload_current()
        return op_id

    def record_journal(self, order_id: int, payload: dict[str, Any]) -> str:
        """A contact attempt (call or message) for the order."""
        return self._record(OpKind.JOURNAL, order_id, payload)

    def settle_reports(self, refusals: Sequence[ActionReport]) -> None:
        """After a push: refused ops get their words, the rest that left the outbox
        were accepted."""
        refused = {r.op_id: r for r in refusals}
        for op_id, report in list(self._reports.items()):
            if report.state != ActionState.PENDING:
                continue
            if op_id in refused:
                self.report_action(refused[op_id])
            elif not self._store.is_pending(op_id):
                self.report_action(
                    ActionReport(op_id, report.order_id, report.kind, ActionState.ACCEPTED)
                )

    def save_lines(
        self,
        order_id: int,
        lines: Sequence[LineRequest],
        *,
        free_delivery: bool = False,
        order_discount_pct: Decimal = Decimal(0),
    ) -> str:
        """New lines with the rescue gestures (line and order discounts, free delivery);
        the server checks them against the role's limits."""
        payload = {
            "free_delivery": free_delivery,
            "order_discount_pct": str(order_discount_pct),
            "lines": [
                {
                    "article_ref": line.article_ref,
                    "quantity": line.quantity,
                    "color": line.color,
                    "size": line.size,
                    "discount_pct": str(line.discount_pct),
                }
                for line in lines
            ],
        }
        return self._record(OpKind.EDIT_LINES, order_id, payload)

    def set_delivery_date(self, order_id: int, when: date | None) -> str:
        """A later delivery date agreed with the customer (None clears it)."""
        return self._record(
            OpKind.SET_DELIVERY_DATE,
            order_id,
            {"delivery_date": when.isoformat() if when is not None else None},
        )

    def latest_delivery_date(self, today: date | None = None) -> date:
        """The furthest delivery date this user may agree to."""
        start = today or datetime.now().astimezone().date()
        return start + timedelta(days=self.rescue_limits().max_delivery_delay_days)

    def save_address(self, order_id: int, address: str, city: str) -> str:
        return self._record(
            OpKind.EDIT_CUSTOMER, order_id, {"address": address.strip(), "city": city.strip()}
        )

    def add_note(self, order_id: int, text: str, predefined: PredefinedNote | None = None) -> str:
        payload: dict[str, Any] = {"text": text.strip()}
        if predefined is not None:
            payload["predefined_code"] = predefined.code
        return self._record(OpKind.ADD_NOTE, order_id, payload)

    def dispose(
        self,
        order_id: int,
        disposition: Disposition,
        *,
        reason: str | None = None,
        callback_at: datetime | None = None,
        version: int | None = None,
    ) -> str:
        """Record the outcome of the order (confirm, cancel, call back, ...)."""
        payload: dict[str, Any] = {}
        if disposition == Disposition.CANCEL:
            payload["reason"] = reason or ""
        if disposition == Disposition.CALLBACK and callback_at is not None:
            payload["callback_at"] = callback_at.astimezone(UTC).isoformat()
        return self._record(OpKind(str(disposition)), order_id, payload)

    def escalate(self, order_id: int, reason: str, text: str) -> None:
        """Hand the order to the team lead (needs the server)."""
        self._server_action(
            order_id, "escalate", lambda: self._store.escalate(order_id, reason, text)
        )

    def answer_escalation(self, order_id: int, text: str) -> None:
        """Lead: answer the agent; the order goes back to them with the answer as a note."""
        self._server_action(
            order_id,
            "answer_escalation",
            lambda: self._store.answer_escalation(order_id, text.strip()),
        )

    def take_escalation(self, order_id: int) -> None:
        """Lead: take the escalated order over (owner and holder)."""
        self._server_action(
            order_id, "take_escalation", lambda: self._store.take_escalation(order_id)
        )

    def _server_action(self, order_id: int, kind: str, work: Any) -> None:
        def failed(exc: Exception) -> None:
            self.report_action(
                ActionReport(
                    "",
                    order_id,
                    kind,
                    ActionState.REJECTED,
                    getattr(exc, "code", f"{kind}_failed"),
                    str(exc),
                    dict(getattr(exc, "params", {}) or {}),
                )
            )

        self._runner.run(
            work,
            lambda _r: self.report_action(ActionReport("", order_id, kind, ActionState.ACCEPTED)),
            failed,
        )

    def create_order(
        self,
        *,
        name: str,
        phone: str,
        address: str,
        city: str,
        lines: Sequence[LineRequest],
        free_delivery: bool = False,
        note: str | None = None,
    ) -> None:
        """Create an order in the agent's hands (needs the server), then open it."""
        payload: dict[str, Any] = {
            "free_delivery": free_delivery,
            "customer": {"name": name, "phones": [phone], "address": address, "city": city},
            "lines": [
                {
                    "article_ref": line.article_ref,
                    "quantity": line.quantity,
                    "color": line.color,
                    "size": line.size,
                }
                for line in lines
            ],
        }
        if note and note.strip():
            payload["note"] = note.strip()

        def created(order_id: int) -> None:
            self.order_created.emit(order_id)
            self.queue_changed.emit()
            self.open_order(order_id)

        self._runner.run(
            lambda: self._store.create_order(payload),
            created,
            lambda exc: self.report_action(
                ActionReport(
                    "",
                    None,
                    "create_order",
                    ActionState.REJECTED,
                    getattr(exc, "code", "create_failed"),
                    str(exc),
                    dict(getattr(exc, "params", {}) or {}),
                )
            ),
        )

    # -- what the sync client reports -----------------------------------
    def report_action(self, report: ActionReport) -> None:
        """Called by the sync wiring when the server answered an op."""
        if report.op_id:
            self._reports[report.op_id] = report
        self.action_reported.emit(report)
        if report.order_id is not None:
            self.orders_changed.emit([report.order_id])
            if self._current is not None and self._current.order_id == report.order_id:
                self.reload_current()

    def reference_data_changed(self) -> None:
        """Called when the catalogue, cities, notes, templates or settings changed."""
        self.reference_changed.emit()
        self.reload_current()

    def apply_remote_changes(self, order_ids: Sequence[int], structural: bool) -> None:
        """Called when pulled / pushed changes landed in the local store."""
        if structural:
            self.queue_changed.emit()
        if order_ids:
            self.orders_changed.emit(list(order_ids))
            if self._current is not None and self._current.order_id in order_ids:
                self.reload_current()
