"""A token revoked while its SSE stream is open loses the stream within seconds;
other streams stay open."""

from __future__ import annotations

import threading
import time

import httpx

from tests.server.shop import Shop
from tests.server.sse_client import SseCollector

STREAM_END_BOUND_S = 8.0  # the server re-checks every 2 s; the keepalive alone is 10 s


class _OpenStream:
    """Reads an SSE stream in a thread and records when the server closed it."""

    def __init__(self, api: str, token: str) -> None:
        self.api, self.token = api, token
        self.opened = threading.Event()
        self.ended = threading.Event()
        self.lines: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        try:
            with httpx.stream(
                "GET", f"{self.api}/events", headers=headers, timeout=httpx.Timeout(10, read=30)
            ) as response:
                response.raise_for_status()
                for line in response.iter_lines():
                    self.lines.append(line)
                    self.opened.set()
                    if self._stop.is_set():
                        break  # closes the connection (at the next keepalive at the latest)
        except httpx.HTTPError:
            pass
        self.ended.set()

    def close(self) -> None:
        self._stop.set()


def test_revoked_token_stream_ends_and_cannot_reconnect(shop: Shop) -> None:
    agent, other = shop.agents[0], shop.agents[1]
    stream = _OpenStream(shop.api, agent.token)
    assert stream.opened.wait(15), "stream did not open"
    bystander = _OpenStream(shop.api, other.token)
    assert bystander.opened.wait(15)

    assert agent.client.post("/auth/logout").status_code == 204
    revoked_at = time.monotonic()
    assert stream.ended.wait(STREAM_END_BOUND_S + 5), "the revoked token's stream stayed open"
    assert time.monotonic() - revoked_at < STREAM_END_BOUND_S
    assert not bystander.ended.is_set(), "another agent's stream was closed too"

    again = httpx.get(
        f"{shop.api}/events", headers={"Authorization": f"Bearer {agent.token}"}, timeout=10
    )
    assert again.status_code == 401

    # The other token's stream still delivers changes.
    watcher = SseCollector(shop.api, other.token, count=1, timeout=15).start()
    other.client.post(f"/orders/{shop.order_ids[0]}/claim")
    assert [e.event for e in watcher.join()] == ["order"]
    stream.close()
    bystander.close()
