"""What the queue table needs from storage: ids first, rows on demand.

The queue can hold 100,000 orders; SQL filters and sorts, the table keeps only
the ordered list of references and fetches the rows it is about to paint.
``MIN_SEARCH_CHARS`` and ``is_search_effective`` tell the search box when what
was typed is still too short to filter (the store's rule, not a second one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.local_store.queue_repository import MIN_SEARCH_CHARS, is_search_effective
from app.services.order_views import QueueQuery, QueueRow

__all__ = ["MIN_SEARCH_CHARS", "QueueRepository", "is_search_effective"]


class QueueRepository(Protocol):
    """Read side of the queue, answered by SQL."""

    def count(self, query: QueueQuery) -> int:
        """How many orders match ``query``."""
        ...

    def ids(self, query: QueueQuery, offset: int = 0, limit: int | None = None) -> Sequence[int]:
        """Ids of the matching orders in the query's order, one window of them."""
        ...

    def rows_by_ids(self, ids: Sequence[int]) -> Sequence[QueueRow]:
        """Rows for these ids (any order; missing ones are skipped)."""
        ...
