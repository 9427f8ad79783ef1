"""A small, bounded SSE reader for tests (runs in a thread)."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class SseEvent:
    id: int | None
    event: str
    data: dict[str, Any]


@dataclass
class SseCollector:
    """Reads ``/events`` until ``count`` events arrived or ``timeout`` passed."""

    api: str
    token: str
    count: int
    last_event_id: int | None = None
    timeout: float = 20.0
    events: list[SseEvent] = field(default_factory=list)
    connected: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None

    def start(self) -> SseCollector:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        assert self.connected.wait(15), f"SSE did not connect: {self.error}"
        return self

    def join(self) -> list[SseEvent]:
        self._thread.join(self.timeout + 5)
        return self.events

    def _run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        if self.last_event_id is not None:
            headers["Last-Event-ID"] = str(self.last_event_id)
        deadline = time.monotonic() + self.timeout
        try:
            with httpx.stream(
                "GET", f"{self.api}/events", headers=headers, timeout=httpx.Timeout(10.0, read=12.0)
            ) as response:
                response.raise_for_status()
                fields: dict[str, str] = {}
                for line in response.iter_lines():
                    self.connected.set()
                    if time.monotonic() > deadline:
                        return
                    if line == "":
                        if "data" in fields:
                            self.events.append(
                                SseEvent(
                                    int(fields["id"]) if "id" in fields else None,
                                    fields.get("event", "message"),
                                    json.loads(fields["data"]),
                                )
                            )
                            if len(self.events) >= self.count:
                                return
                        fields = {}
                        continue
                    if line.startswith(":"):
                        continue
                    name, _, value = line.partition(":")
                    fields[name] = value.lstrip(" ")
        except BaseException as error:  # reported by the test through .error
            self.error = error
            self.connected.set()
