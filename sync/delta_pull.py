"""Delta pull: the change log from the stored cursor, one local transaction per page.

Each page is applied together with its ``next_cursor``, so a crash never
leaves changes applied without their cursor or the reverse. The first sync
reads the change log from the start (after fetching the reference data). When
the server no longer keeps our cursor (``reset_required``), every order is
fetched again (``GET /orders`` by keyset pages) and orders the refresh did not see are
dropped; the change log is then followed from the cursor the server had before
the refresh started (re-applying a change is harmless: order upserts never go
back to an older version). The refresh also replaces the reference data
(articles, cities, settings, predefined notes, templates).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from core.wire.changes import PullPage
from core.wire.health import Health
from sync.http_client import HttpClient
from sync.sync_store import REFERENCE_ENTITIES, AppliedChanges, ReferenceData, SyncStore

log = logging.getLogger(__name__)

PULL_PATH = "/sync/pull"
ORDERS_PATH = "/orders"
HEALTH_PATH = "/health"


class DeltaPuller:
    """Brings the local store up to the server's change log."""

    def __init__(
        self,
        client: HttpClient,
        store: SyncStore,
        *,
        page_limit: int = 1000,
        orders_page_limit: int = 500,
    ) -> None:
        self._client = client
        self._store = store
        self.page_limit = page_limit
        self.orders_page_limit = orders_page_limit
        self.full_resyncs = 0

    def pull(self, should_stop: Callable[[], bool] = lambda: False) -> list[AppliedChanges]:
        """Pull until the server says there is no more; returns what each page did."""
        results: list[AppliedChanges] = []
        if self._store.cursor() is None:
            # First sync: the reference data may predate the change log, so fetch it;
            # orders come from the change log (paged by sequence, cheap for the
            # server) unless it was pruned, in which case the server asks for a reset.
            self.refresh_reference_data()
            # Say so: the change log pages below name orders only, and a desk that
            # opened before this pull would otherwise keep empty notes and catalogue.
            results.append(
                AppliedChanges(cursor=0, applied=1, entities=REFERENCE_ENTITIES)
            )
        cursor = self._store.cursor() or 0
        # While one page is applied locally, the next is already being fetched: the
        # server and the local store work at the same time (a first sync is long).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hatif-pull") as fetcher:
            pending: Future[PullPage] = fetcher.submit(self._fetch, cursor)
            while not should_stop():
                page = pending.result()
                if page.reset_required:
                    log.info("cursor %s is gone on the server: full resync", cursor)
                    results.append(self.full_resync())
                    cursor = self._store.cursor() or 0
                    pending = fetcher.submit(self._fetch, cursor)
                    continue
                if page.has_more:
                    pending = fetcher.submit(self._fetch, page.next_cursor)
                applied = self._store.apply_changes(page.changes, page.next_cursor)
                if applied.applied or page.next_cursor != cursor:
                    results.append(applied)
                cursor = max(cursor, page.next_cursor)
                if not page.has_more:
                    break
            else:
                pending.cancel()
        return results

    def _fetch(self, cursor: int) -> PullPage:
        raw = self._client.get_json(PULL_PATH, params={"cursor": cursor, "limit": self.page_limit})
        return PullPage.model_validate(raw)

    def full_resync(self) -> AppliedChanges:
        """Replace every local order with the server's and move the cursor.

        Orders come by keyset pages (``sort=id&after_id=N``): orders created during
        the refresh are neither skipped nor repeated, and every page costs the server
        the same. The next page is fetched while the current one is stored.
        """
        self.full_resyncs += 1
        health = Health.model_validate(self._client.get_json(HEALTH_PATH))
        generation = self._store.begin_full_resync()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hatif-resync") as fetcher:
            pending = fetcher.submit(self._fetch_orders_after, None)
            while True:
                raw = pending.result()
                next_after_id = raw.get("next_after_id")
                if next_after_id is not None:
                    pending = fetcher.submit(self._fetch_orders_after, int(next_after_id))
                # Plain dicts: validating 100,000 orders as models would only cost
                # time, the store reads the fields it needs and keeps the JSON.
                items: list[dict[str, Any]] = list(raw.get("items", []))
                self._store.store_resync_orders(generation, items)
                if next_after_id is None:
                    break
        self.refresh_reference_data()
        return self._store.finish_full_resync(generation, health.last_change_seq)

    def _fetch_orders_after(self, after_id: int | None) -> dict[str, Any]:
        params: dict[str, Any] = {"sort": "id", "limit": self.orders_page_limit}
        if after_id is not None:
            params["after_id"] = after_id
        raw: dict[str, Any] = self._client.get_json(ORDERS_PATH, params=params)
        return raw

    def refresh_reference_data(self) -> None:
        """Articles, cities, settings, predefined notes and templates, replaced at once."""
        self._store.replace_reference_data(
            ReferenceData(
                articles=self._client.get_json("/articles"),
                cities=self._client.get_json("/cities"),
                settings=self._client.get_json("/settings"),
                predefined_notes=self._client.get_json("/predefined-notes"),
                templates=self._client.get_json("/templates"),
                team_settings=self._client.get_json("/team-settings"),
            )
        )

    def fetch_order_history(self, order_id: int) -> None:
        """Notes and journal of one order from the server into the store (a full
        resync brings orders only; their history is fetched when one is opened)."""
        notes = self._client.get_json(f"{ORDERS_PATH}/{order_id}/notes")
        journal = self._client.get_json(f"{ORDERS_PATH}/{order_id}/journal")
        self._store.replace_order_history(order_id, notes, journal)
