"""What the queue table needs from storage: ids first, rows on demand.

The queue can hold 100,000 orders; SQL filters and sorts, the table keeps only
the ordered list of references and fetches the rows it is about to paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.services.order_views import QueueQuery, QueueRow


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
