"""Requests about orders that need the server's answer now (worker threads only).

Claims, releases, escalations, new orders and the order's history cannot be
queued like the agent's actions: the server is the referee, so each one is a
round trip whose refusal (or absence, offline) comes back as ``ClaimRefused``
with a code, params and an English sentence (``sync.order_claims``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from app.local_store import schema
from app.local_store.store_database import StoreDatabase
from app.services.order_views import OrderEvent
from app.services.workspace_store import ClaimResult
from core.order_status import OrderStatus
from core.wire.history import OrderHistoryEntry
from core.wire.orders import NewOrderResult, OrderWire
from sync.order_claims import ClaimRefused, get_or_refuse, post_or_refuse
from sync.sync_engine import SyncEngine

#: Said when a request that needs the server (escalation, new order, history) cannot go.
OFFLINE_MESSAGE = "The server cannot be reached right now."


def _optional_status(value: str | None) -> OrderStatus | None:
    try:
        return OrderStatus(value) if value else None
    except ValueError:
        return None


class OrderRequests:
    """Server round trips about orders, keeping the local store's leases in step."""

    def __init__(self, database: StoreDatabase, sync: SyncEngine, me: str) -> None:
        self._db = database
        self._sync = sync
        self._me = me

    def claim(self, order_id: int) -> ClaimResult:
        try:
            result = self._sync.claims.claim(order_id)
        except ClaimRefused as refused:
            params = refused.params
            holder = params.get("holder_name") or params.get("owner_name") or params.get("holder")
            return ClaimResult(
                order_id,
                False,
                holder_name=str(holder) if holder else None,
                code=refused.code,
                message=refused.message,
                params=dict(params),
            )
        return ClaimResult(order_id, True, self._me, result.lease.expires_at)

    def claim_next(self) -> ClaimResult | None:
        try:
            result = self._sync.claims.claim_next()
        except ClaimRefused as refused:
            if refused.code == "nothing_to_claim":
                return None
            return ClaimResult(
                0, False, code=refused.code, message=refused.message, params=dict(refused.params)
            )
        return ClaimResult(result.order.id, True, self._me, result.lease.expires_at)

    def release(self, order_id: int, *, wait_for_outbox: float = 5.0) -> None:
        """Give the order's lease back once what the agent did on it reached the server:
        ops still in the outbox carry the lease epoch and would be refused after it.
        Ownership (from a note) is the server's business and stays."""
        if order_id not in {lease.order_id for lease in self._sync.store.held_leases()}:
            return
        deadline = time.monotonic() + wait_for_outbox
        while self._order_ops_pending(order_id):
            if time.monotonic() >= deadline:
                return  # offline or slow: keep the lease (heartbeats renew it) for now
            time.sleep(0.05)
        try:
            self._sync.claims.release(order_id)
        except ClaimRefused:
            pass  # not held any more, or offline: nothing to give back now

    def _order_ops_pending(self, order_id: int) -> bool:
        with self._db.reader.connect() as connection:
            return (
                connection.execute(
                    select(schema.outbox.c.op_id).where(schema.outbox.c.order_id == order_id)
                ).first()
                is not None
            )

    def _post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return post_or_refuse(self._sync.client, path, body, offline_message=OFFLINE_MESSAGE)

    def check_attempt(self, order_id: int, channel: str) -> None:
        """May this desk contact the customer now? The server counts every desk's
        attempts; a refusal raises ``ClaimRefused`` (``offline`` when unreachable)."""
        self._post(f"/orders/{order_id}/attempts/check", {"channel": channel})

    def grant_attempt(self, order_id: int) -> None:
        """Lead: one more attempt on the order (audited by the server); the new cap
        reaches every desk, this one included, through the change log."""
        self._post(f"/orders/{order_id}/attempts/grant")
        self._sync.request_pull()

    def escalate(self, order_id: int, reason: str, text: str) -> None:
        self._post(f"/orders/{order_id}/escalate", {"reason": reason, "text": text})
        # The server released our lease with the escalation.
        self._sync.claims.forget([order_id])
        self._sync.request_pull()

    def answer_escalation(self, order_id: int, text: str) -> None:
        self._post(f"/orders/{order_id}/escalation/answer", {"text": text})
        # The order went back to the agent: a lease the lead held on it ended.
        self._sync.claims.forget([order_id])
        self._sync.request_pull()

    def take_escalation(self, order_id: int) -> None:
        raw = self._post(f"/orders/{order_id}/escalation/take")
        order = OrderWire.model_validate(raw)
        if order.lease is not None:
            self._sync.claims.adopt(raw, order.lease)
        self._sync.request_pull()

    def create_order(self, payload: Mapping[str, Any]) -> int:
        raw = self._post("/orders", dict(payload))
        result = NewOrderResult.model_validate(raw)
        # The new order is already leased to us: no claim needed to work on it.
        self._sync.claims.adopt(raw["order"], result.lease)
        self._sync.request_pull()
        return result.id

    def order_history(self, order_id: int) -> list[OrderEvent]:
        """The server's audited history of the order, oldest first (network)."""
        raw = get_or_refuse(
            self._sync.client, f"/orders/{order_id}/history", offline_message=OFFLINE_MESSAGE
        )
        events = []
        for item in raw:
            entry = OrderHistoryEntry.model_validate(item)
            events.append(
                OrderEvent(
                    at=entry.at,
                    actor=entry.actor_name,
                    action=entry.action,
                    from_status=_optional_status(entry.from_status),
                    to_status=_optional_status(entry.to_status),
                    detail=tuple(
                        (str(key), str(value))
                        for key, value in entry.detail.items()
                        if value not in (None, "", [], {})
                    ),
                )
            )
        return events
