"""A short-lived, in-process cache of bearer token → caller.

Without it every request reads the token and its user from the database before
doing its own work. Entries are keyed by the token's hash (the clear token is
never kept) and live a few seconds at most; they are dropped at once when the
user's sign-in state changes (logout, revocation, deactivation, password reset or
change): in this process after the commit (``Database.on_auth_changed``), in the
other processes of the same PostgreSQL through a ``NOTIFY`` the change hub's
listener hears (``server.auth.auth_changes``). Several processes on one SQLite
file have no notification: there the entry's short lifetime is the bound.

A lookup that raced with an invalidation is not stored: ``generation`` moves on
every drop, and ``put`` refuses an entry read under an older generation.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from server.auth.principal import Principal

# Long enough to spare the lookup on nearly every request of a busy desk, short
# enough to bound a change nobody announced (several processes on one SQLite file).
TTL_SECONDS = 3.0
MAX_ENTRIES = 20_000


@dataclass(frozen=True)
class TokenEntry:
    """What a live token said when it was read: who, and the times that can end it."""

    principal: Principal
    expires_at: datetime | None
    last_used_at: datetime


class TokenCache:
    """Token hash → ``TokenEntry`` for ``ttl`` seconds, dropped by user on any change."""

    def __init__(self, ttl: float = TTL_SECONDS, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[float, TokenEntry]] = {}
        self.generation = 0

    def get(self, token_hash: str) -> TokenEntry | None:
        with self._lock:
            found = self._entries.get(token_hash)
            if found is None:
                return None
            stored, entry = found
            if time.monotonic() - stored > self.ttl:
                del self._entries[token_hash]
                return None
            return entry

    def put(self, token_hash: str, entry: TokenEntry, generation: int) -> None:
        """Keep ``entry`` unless something was invalidated since ``generation``."""
        with self._lock:
            if generation != self.generation:
                return
            if len(self._entries) >= self.max_entries:
                self._entries.clear()  # cheap bound; the next requests fill it again
            self._entries[token_hash] = (time.monotonic(), entry)

    def touched(self, token_hash: str, at: datetime) -> None:
        """The token's ``last_used_at`` was refreshed to ``at``."""
        with self._lock:
            found = self._entries.get(token_hash)
            if found is not None:
                self._entries[token_hash] = (found[0], replace(found[1], last_used_at=at))

    def drop_users(self, user_ids: Iterable[int] | None) -> None:
        """Forget the tokens of these users (of everybody for None)."""
        if user_ids is None:
            self.clear()
            return
        users = set(user_ids)
        with self._lock:
            self.generation += 1
            for key in [k for k, (_, e) in self._entries.items() if e.principal.user_id in users]:
                del self._entries[key]

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
