"""Counts open event streams: a cap per user and one per server process.

A desk needs one stream (two for a moment while it reconnects); a token that
opens hundreds is abusing the server, whose memory grows with each one.
"""

from __future__ import annotations

import threading
from collections import Counter

from server.services.errors import ServiceError


class StreamSlots:
    """Hands out a slot per stream, or refuses: 429 past the user's cap, 503 past the total."""

    def __init__(self, per_user: int, total: int) -> None:
        self.per_user = per_user
        self.total = total
        self._lock = threading.Lock()
        self._by_user: Counter[int] = Counter()

    def acquire(self, user_id: int) -> None:
        with self._lock:
            if self._by_user[user_id] >= self.per_user:
                raise ServiceError(
                    429,
                    "too_many_streams",
                    f"At most {self.per_user} event streams per user are open at once; "
                    "close another one first.",
                    {"limit": self.per_user},
                )
            if sum(self._by_user.values()) >= self.total:
                raise ServiceError(
                    503,
                    "server_busy",
                    "The server has as many event streams open as it serves; try again shortly.",
                    {"limit": self.total},
                )
            self._by_user[user_id] += 1

    def release(self, user_id: int) -> None:
        with self._lock:
            self._by_user[user_id] -= 1
            if self._by_user[user_id] <= 0:
                del self._by_user[user_id]

    def open_count(self) -> int:
        with self._lock:
            return sum(self._by_user.values())
