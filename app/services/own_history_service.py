"""The signed-in user's own recent actions, from ``GET /api/v1/me/history``.

Pages go backwards in time: the first page is the newest, each next page asks
for entries ``before`` the oldest one already shown. Calls block (the profile
dialog runs them through ``OperationRunner``); failures come back as
``HistoryUnavailable`` with a stable code so the dialog can say "offline" in
words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from core.wire.history import OwnHistoryEntry
from sync.http_client import HttpClient
from sync.http_config import HttpConfig

#: Entries per page: a screenful of the profile dialog's table.
PAGE_SIZE = 50


class HistoryUnavailable(Exception):
    """The history could not be read: ``code`` (e.g. ``server_unreachable``) and an
    English ``message``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class JsonReader(Protocol):
    """What the service needs of ``sync.http_client.HttpClient``."""

    def get_json(self, path: str, params: Any = None, *, timeout: float | None = None) -> Any: ...


@dataclass(frozen=True)
class HistoryPage:
    """One page, newest first; ``next_before`` asks for the page after it (None: the end)."""

    entries: list[OwnHistoryEntry]
    next_before: datetime | None


class OwnHistoryService:
    """Reads the caller's own history page by page."""

    def __init__(self, api: JsonReader, *, page_size: int = PAGE_SIZE) -> None:
        self._api = api
        self._page_size = page_size

    def page(self, before: datetime | None = None) -> HistoryPage:
        """The ``page_size`` newest entries older than ``before`` (all when None)."""
        params: dict[str, Any] = {"limit": self._page_size}
        if before is not None:
            params["before"] = before.isoformat()
        try:
            raw = self._api.get_json("/me/history", params)
        except Exception as error:  # every failure reads as "not available now", in words
            code = str(getattr(error, "code", type(error).__name__))
            message = str(getattr(error, "message", error))
            raise HistoryUnavailable(code, message) from error
        entries = [OwnHistoryEntry.model_validate(item) for item in raw or []]
        full = len(entries) >= self._page_size
        return HistoryPage(entries, entries[-1].at if full and entries else None)


def own_history_for(
    server_url: str, token: Callable[[], str | None], *, timeout: float = 10.0,
    http: HttpConfig | None = None,
) -> OwnHistoryService:
    """A service on its own HTTP client (the composition root keeps no client for it)."""
    client = HttpClient(server_url, token, read_timeout=timeout, retries=1, http=http)
    return OwnHistoryService(client)
