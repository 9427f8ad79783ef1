"""Claims: take one order, the next best order, or give one back.

Claims need the server (it is the referee between agents), so they are never
queued: while the server is unreachable a claim is refused at once with a
sentence saying so, and the agent keeps working on the orders it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.wire.errors import LEASE_HELD, NOTHING_TO_CLAIM
from core.wire.leases import ClaimNextRequest, ClaimNextResult, ClaimResult, ReleaseResult
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

    def _call(self, path: str, body: dict[str, Any]) -> Any:
        try:
            return self._client.post_json(path, body)
        except ServerUnreachable as error:
            raise ClaimRefused("offline", OFFLINE_CLAIM_MESSAGE) from error
        except ApiRefusal as refusal:
            raise ClaimRefused(
                refusal.code, self._sentence(refusal), dict(refusal.params)
            ) from refusal

    @staticmethod
    def _sentence(refusal: ApiRefusal) -> str:
        if refusal.code == LEASE_HELD:
            holder = refusal.params.get("holder_name")
            until = clock_time(refusal.params.get("expires_at"))
            if holder and until:
                return f"{holder} is working on this order (reserved until {until})."
            if holder:
                return f"{holder} is working on this order."
        return refusal.message or f"The order could not be taken ({refusal.code})."
