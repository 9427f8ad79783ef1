"""The live event stream (SSE) on its own thread, resumed with ``Last-Event-ID``.

The listener asks the caller for the cursor before every (re)connection, so it
resumes exactly after the last change the store applied, whatever happened to
the connection; events are handed over in the order received. A dropped or
refused connection is retried with exponential backoff and jitter; a 401
pauses the listener until ``resume()`` (after a new login).

The stream has its own ``requests.Session``: a streamed answer holds its
connection for hours and is cut from another thread on ``stop()``, which must
not disturb the pool that pushes and pulls.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Sequence
from typing import Any

import requests

from core.wire.changes import ChangeEvent
from sync.backoff import Backoff
from sync.http_client import HttpClient
from sync.http_config import TLS_CODES, describe_failure
from sync.sse_parser import SseParser

log = logging.getLogger(__name__)

EVENTS_PATH = "/events"
RESET_EVENT = "reset"


class EventStreamListener:
    """Reads ``GET /api/v1/events`` and calls ``on_events`` with each chunk's events."""

    def __init__(
        self,
        client: HttpClient,
        *,
        cursor: Callable[[], int | None],
        on_events: Callable[[Sequence[ChangeEvent]], None],
        on_connected: Callable[[], None] = lambda: None,
        on_disconnected: Callable[[str, str], None] = lambda code, message: None,
        on_auth_failed: Callable[[], None] = lambda: None,
        on_reset: Callable[[], None] = lambda: None,
        read_timeout: float = 45.0,
        backoff: Backoff | None = None,
    ) -> None:
        self._client = client
        self._cursor = cursor
        self._on_events = on_events
        self._on_connected = on_connected
        self._on_disconnected = on_disconnected
        self._on_auth_failed = on_auth_failed
        self._on_reset = on_reset
        self.read_timeout = read_timeout
        self._backoff = backoff or Backoff(base=0.5, cap=20.0)
        self._stop = threading.Event()
        self._resume = threading.Event()
        self._resume.set()
        self._thread: threading.Thread | None = None
        self._response: requests.Response | None = None
        self._lock = threading.Lock()
        self.connected = False
        self.connections = 0

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="hatif-sse", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._resume.set()
        self._cut()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def resume(self) -> None:
        """Reconnect after a login (the listener paused on 401)."""
        self._resume.set()

    def reconnect(self) -> None:
        """Drop the current connection; the loop connects again at once."""
        self._cut()

    def _cut(self) -> None:
        with self._lock:
            response = self._response
        if response is None:
            return
        # Closing from another thread does not wake a blocked read; shutting the
        # socket down does.
        connection: Any = getattr(response.raw, "connection", None) or getattr(
            response.raw, "_connection", None
        )
        sock = getattr(connection, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        response.close()

    def _run(self) -> None:
        session = self._client.http.new_session()
        try:
            while not self._stop.is_set():
                self._resume.wait()
                if self._stop.is_set():
                    break
                delay = self._connect_once(session)
                if delay is not None and self._stop.wait(delay):
                    break
        finally:
            session.close()

    def _connect_once(self, session: requests.Session) -> float | None:
        """One connection; returns how long to wait before the next, None for at once."""
        try:
            headers = self._client.auth_headers()
        except Exception:
            self._paused_for_login()
            return None
        headers["Accept"] = "text/event-stream"
        cursor = self._cursor()
        if cursor is None:
            # Before the first sync the stream would start at "now" and could jump
            # past changes the first pull has not reached yet: wait for a cursor.
            return 0.2
        headers["Last-Event-ID"] = str(cursor)
        try:
            response = session.get(
                self._client.url(EVENTS_PATH),
                headers=headers,
                stream=True,
                timeout=(self._client.connect_timeout, self.read_timeout),
            )
        except (requests.RequestException, OSError) as error:
            failure = describe_failure(error, self._client.http, self._client.base_url)
            if failure.code in TLS_CODES:
                log.warning("Live updates: %s", failure.message)
            return self._failed(failure.code, f"Live updates unavailable: {failure.message}")
        with self._lock:
            self._response = response
        try:
            if response.status_code == 401:
                self._paused_for_login()
                return None
            if response.status_code != 200:
                return self._failed(
                    "events_refused", f"Live updates refused ({response.status_code})."
                )
            self.connected = True
            self.connections += 1
            self._backoff.reset()
            self._on_connected()
            self._read(response)
            return self._failed("events_closed", "The live update connection was closed.")
        except Exception as error:  # network, bad JSON, a failing store: reconnect
            if self._stop.is_set():
                return None
            return self._failed("events_interrupted", f"Live updates interrupted: {error}")
        finally:
            self.connected = False
            with self._lock:
                self._response = None
            response.close()

    def _read(self, response: requests.Response) -> None:
        parser = SseParser()
        for chunk in response.iter_content(chunk_size=None):
            if self._stop.is_set():
                return
            events: list[ChangeEvent] = []
            for event in parser.feed(chunk):
                if event.event == RESET_EVENT:
                    # Our cursor is older than what the server keeps: deliver what we
                    # have, let the owner resync, then carry on with this stream.
                    if events:
                        self._on_events(events)
                        events = []
                    self._on_reset()
                    continue
                events.append(ChangeEvent.model_validate_json(event.data))
            if events:
                self._on_events(events)

    def _failed(self, code: str, message: str) -> float:
        if not self._stop.is_set():
            self._on_disconnected(code, message)
        return self._backoff.next_delay()

    def _paused_for_login(self) -> None:
        self._resume.clear()
        self._on_auth_failed()
