"""Claims: take one order, the next best order, or give one back.

Claims need the server (it is the referee between agents), so they are never
queued: while the server is unreachable a claim is refused at once with a
sentence saying so, and the agent keeps working on the orders it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from core.wire.errors import LEASE_HELD, NOTHING_TO_CLAIM
from core.wire.leases import ClaimNextRequest, ClaimNextResult, ClaimResult, ReleaseResult
from core.wire.orders import LeaseInfo
from sync.http_client import ApiRefusal, HttpClient, ServerUnreachable
from sync.refusal_messages import clock_time
from sync.sync_store import SyncStore

OFFLINE_CLAIM_MESSAGE = (
    "You are offline: new orders cannot be taken until the server is back. "
    "You can keep working on the orders you already hold."
)


class ClaimRefused(Exception):
    """A claim that did not happen, with a code, params and an English sentence."""

    def __init__(self, code: str, message: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params or {}


def post_or_refuse(
    client: HttpClient,
    path: str,
    body: dict[str, Any] | None = None,
    *,
    offline_message: str = OFFLINE_CLAIM_MESSAGE,
) -> Any:
    """POST a request that needs the server's word now (claims, escalations, new orders).

    Raises ``ClaimRefused``: code ``offline`` with ``offline_message`` when the server
    cannot be reached, else the server's code, params and a readable sentence.
    """
    return _or_refuse(lambda: client.post_json(path, body if body is not None else {}),
                      offline_message)


def get_or_refuse(client: HttpClient, path: str, *, offline_message: str) -> Any:
    """GET what only the server knows now (an order's history); refused as ``post_or_refuse``."""
    return _or_refuse(lambda: client.get_json(path), offline_message)


def _or_refuse(request: Callable[[], Any], offline_message: str) -> Any:
    try:
        return request()
    except ServerUnreachable as error:
        raise ClaimRefused("offline", offline_message) from error
    except ApiRefusal as refusal:
        sentence = refusal_sentence(refusal)
        raise ClaimRefused(refusal.code, sentence, dict(refusal.params)) from refusal


def refusal_sentence(refusal: ApiRefusal) -> str:
    """The English sentence for a refused request (names the holder of a held lease)."""
    if refusal.code == LEASE_HELD:
        holder = refusal.params.get("holder_name")
        until = clock_time(refusal.params.get("expires_at"))
        if holder and until:
            return f"{holder} is working on this order (reserved until {until})."
        if holder:
            return f"{holder} is working on this order."
    return refusal.message or f"The server refused the request ({refusal.code})."


class OrderClaims:
    """Claim / claim-next / release over HTTP, recording held leases in the store."""

    def __init__(
        self, client: HttpClient, store: SyncStore, *, lease_seconds: int | None = None
    ) -> None:
        self._client = client
        self._store = store
        self.lease_seconds = lease_seconds

    def claim(self, order_id: int) -> ClaimResult:
        """Take ``order_id``; raises ``ClaimRefused`` (offline, held by someone...)."""
        body = {"lease_seconds": self.lease_seconds} if self.lease_seconds else {}
        raw = self._call(f"/orders/{order_id}/claim", body)
        result = ClaimResult.model_validate(raw)
        self._store.record_claim(raw["order"], result.lease)
        return result

    def claim_next(self, exclude_order_ids: Sequence[int] = ()) -> ClaimResult:
        """Take the next best order for me; ``ClaimRefused("nothing_to_claim")`` if none."""
        request = ClaimNextRequest(
            lease_seconds=self.lease_seconds, exclude_order_ids=list(exclude_order_ids)
        )
        raw = self._call("/orders/claim-next", request.model_dump(mode="json", exclude_none=True))
        result = ClaimNextResult.model_validate(raw)
        if result.order is None or result.lease is None:
            raise ClaimRefused(NOTHING_TO_CLAIM, "There is no order left to take right now.")
        self._store.record_claim(raw["order"], result.lease)
        return ClaimResult(order=result.order, lease=result.lease)

    def release(self, order_id: int) -> bool:
        """Give the order back; False if we no longer held it (harmless)."""
        epochs = {lease.order_id: lease.epoch for lease in self._store.held_leases()}
        body = {"epoch": epochs[order_id]} if order_id in epochs else {}
        raw = self._call(f"/orders/{order_id}/release", body)
        self._store.drop_leases([order_id])
        return ReleaseResult.model_validate(raw).released

    def adopt(self, order: dict[str, Any], lease: LeaseInfo) -> None:
        """Keep a lease the server handed out with another answer (a new order, a lead
        taking over an escalated order), so heartbeats renew it like a claim."""
        self._store.record_claim(order, lease)

    def forget(self, order_ids: Sequence[int]) -> None:
        """The server ended these leases as part of another request (an escalation)."""
        self._store.drop_leases(list(order_ids))

    def _call(self, path: str, body: dict[str, Any]) -> Any:
        return post_or_refuse(self._client, path, body)
