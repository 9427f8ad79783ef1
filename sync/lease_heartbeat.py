"""Renews every lease the desk holds in one call, and reports the ones it lost.

A lost lease (expired while offline, taken by another agent, reassigned by a
lead) is dropped from the store and returned as a notice with a sentence the
agent can read, so the engine can announce it at once.
"""

from __future__ import annotations

from collections.abc import Callable

from core.wire.leases import HeartbeatRequest, HeartbeatResult
from sync.http_client import HttpClient
from sync.refusal_messages import describe_lost_lease
from sync.sync_store import LostLeaseNotice, SyncStore

HEARTBEAT_PATH = "/leases/heartbeat"


class LeaseHeartbeat:
    """One ``beat()`` renews all held leases."""

    def __init__(
        self,
        client: HttpClient,
        store: SyncStore,
        *,
        interval: float = 30.0,
        order_label: Callable[[int], str] | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self.interval = interval
        self._order_label = order_label or str

    def beat(self) -> list[LostLeaseNotice]:
        """Renew; returns the leases lost (already dropped from the store)."""
        leases = self._store.held_leases()
        if not leases:
            return []
        request = HeartbeatRequest(leases=leases)
        raw = self._client.post_json(
            HEARTBEAT_PATH, request.model_dump(mode="json", exclude_none=True), retry=True
        )
        result = HeartbeatResult.model_validate(raw)
        if result.renewed:
            self._store.renew_leases(result.renewed)
        lost = [
            LostLeaseNotice(
                order_id=item.order_id,
                code=item.code,
                holder_name=item.holder_name,
                message=describe_lost_lease(
                    item.code,
                    order_label=self._order_label(item.order_id),
                    holder_name=item.holder_name,
                    server_message=item.message,
                ),
            )
            for item in result.lost
        ]
        if lost:
            self._store.drop_leases([item.order_id for item in lost])
        return lost
