"""Two server processes on one PostgreSQL behind the IT guide's nginx (peak season).

Agents reach whichever process nginx picks: a claim race spread over both processes
still has exactly one winner, and when the process serving a desk's event stream
dies, the desk's own stream client reconnects through nginx to the other one,
resumes from its cursor and misses none of the changes made in between.
"""

from __future__ import annotations

import os
import re
import signal
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
import pytest

from core.wire.changes import ChangeEvent
from sync.event_stream import EventStreamListener
from sync.http_client import HttpClient
from sync.http_config import HttpConfig
from tests.fixtures.postgres import free_port
from tests.fixtures.server_process import RunningServer
from tests.fixtures.tls_proxy import TlsProxy, start_tls_proxy
from tests.server.shop import Shop, ShopBuilder

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.timeout(120)]

RACERS = 8
# uvicorn writes its access lines at level info.
ACCESS_LOG = ["--access-log", "--log-level", "info"]
EVENTS_LINE = re.compile(r'"GET /api/v1/events HTTP/1\.1" 200')
CLAIM_LINE = re.compile(r'"POST /api/v1/orders/\d+/claim HTTP/1\.1"')


@dataclass
class Pool:
    """Two server processes, one database, one nginx in front."""

    servers: tuple[RunningServer, RunningServer]
    proxy: TlsProxy
    builder: ShopBuilder

    @property
    def api(self) -> str:
        return f"{self.proxy.base_url}/api/v1"

    def client(self, token: str) -> httpx.Client:
        """A client that reaches the servers through nginx only."""
        tls = ssl.create_default_context(cafile=str(self.proxy.ca_file))
        return httpx.Client(base_url=self.api, headers={"Authorization": f"Bearer {token}"},
                            verify=tls, timeout=30.0)

    def shop(self, *, agents: int, orders: int) -> Shop:
        return self.builder.new_shop(self.api, agents=agents, orders=orders)


@pytest.fixture(scope="module")
def pool(postgres_url_factory: Callable[..., str],
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pool]:
    """Shared by the module's tests (starting it is most of their time); the stream
    test kills one of the processes, so it comes last."""
    url = postgres_url_factory()
    # The access log tells which process answered what (uvicorn writes the line when
    # the answer starts, so an open stream is there too).
    servers = (RunningServer(url, free_port(), extra_args=ACCESS_LOG),
               RunningServer(url, free_port(), extra_args=ACCESS_LOG))
    builder = ShopBuilder(url)
    proxy: TlsProxy | None = None
    try:
        for server in servers:
            server.start(migrate=False)
        proxy = start_tls_proxy(tmp_path_factory.mktemp("nginx"), servers)
        yield Pool(servers, proxy, builder)
    finally:
        if proxy is not None:
            proxy.stop()
        for server in servers:
            server.stop()
            server.log_path.unlink(missing_ok=True)
        builder.close()


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_agents_racing_through_nginx_on_both_processes_leave_one_winner(pool: Pool) -> None:
    shop = pool.shop(agents=RACERS, orders=4)
    clients = [pool.client(agent.token) for agent in shop.agents]
    admin = pool.client(shop.admin.token)
    try:
        for order_id in shop.order_ids:
            start = threading.Barrier(RACERS)

            def claim(client: httpx.Client, order_id: int = order_id,
                      start: threading.Barrier = start) -> httpx.Response:
                start.wait(10)
                return client.post(f"/orders/{order_id}/claim")

            with ThreadPoolExecutor(RACERS) as executor:
                answers = list(executor.map(claim, clients))

            winners = [i for i, answer in enumerate(answers) if answer.status_code == 200]
            assert len(winners) == 1, [a.status_code for a in answers]
            losers = [a for a in answers if a.status_code != 200]
            assert {(a.status_code, a.json()["code"]) for a in losers} == {(409, "lease_held")}
            holder = admin.get(f"/orders/{order_id}").json()["lease"]["holder_id"]
            assert holder == shop.agents[winners[0]].id
    finally:
        for client in [*clients, admin]:
            client.close()
        shop.close()

    # The race really ran on both processes, not on whichever nginx liked best.
    served = [len(CLAIM_LINE.findall(server.log())) for server in pool.servers]
    assert sum(served) == RACERS * len(shop.order_ids)
    assert min(served) > 0, served


def test_a_desk_stream_survives_the_loss_of_its_process_and_misses_no_change(
        pool: Pool) -> None:
    shop = pool.shop(agents=2, orders=6)
    desk_user, teammate = shop.agents
    writer = pool.client(teammate.token)
    start = int(writer.get("/health").json()["last_change_seq"])
    received: list[ChangeEvent] = []
    lock = threading.Lock()

    def on_events(events: Sequence[ChangeEvent]) -> None:
        with lock:
            received.extend(events)

    def cursor() -> int:
        # What the desk's store would say: the last change it applied.
        with lock:
            return received[-1].seq if received else start

    def note(order_id: int) -> None:
        epoch = writer.post(f"/orders/{order_id}/claim").json()["lease"]["epoch"]
        answer = writer.post(
            "/sync/push", headers={"Idempotency-Key": str(uuid.uuid4())},
            json={"device_id": f"desk-{uuid.uuid4().hex[:8]}", "ops": [{
                "op_id": str(uuid.uuid4()), "client_seq": 1, "kind": "add_note",
                "order_id": order_id, "lease_epoch": epoch,
                "payload": {"text": f"Rappel client {order_id}"}}]})
        assert answer.json()["results"][0]["status"] == "applied", answer.text
        # Back to the pool: an agent holds only a few leases at once.
        assert writer.post(f"/orders/{order_id}/release", json={"epoch": epoch}).status_code == 200

    def seen_orders() -> set[int]:
        with lock:
            return {int(event.entity_id) for event in received if event.entity.value == "order"}

    http = HttpConfig(ca_file=str(pool.proxy.ca_file))
    desk = HttpClient(pool.proxy.base_url, lambda: desk_user.token, http=http)
    listener = EventStreamListener(desk, cursor=cursor, on_events=on_events)
    listener.start()
    try:
        _wait(lambda: any(EVENTS_LINE.search(s.log()) for s in pool.servers), 15, "the stream")
        victim, survivor = sorted(pool.servers,
                                  key=lambda s: EVENTS_LINE.search(s.log()) is None)
        note(shop.order_ids[0])
        _wait(lambda: shop.order_ids[0] in seen_orders(), 10, "the first change")

        # The process serving the stream dies (no goodbye); the teammate goes on
        # working through nginx while the desk is cut off.
        assert victim.process is not None
        os.killpg(victim.process.pid, signal.SIGKILL)
        victim.process.wait(10)
        for order_id in shop.order_ids[1:]:
            note(order_id)

        _wait(lambda: set(shop.order_ids) <= seen_orders(), 20, "the changes made meanwhile")
        _wait(lambda: EVENTS_LINE.search(survivor.log()) is not None, 5, "the new stream")
        assert listener.connections >= 2

        # Exactly the change log the desk may see, in order, each change once.
        pulled = writer.get("/sync/pull", params={"cursor": start, "limit": 500}).json()
        wanted = [change["seq"] for change in pulled["changes"]]
        _wait(lambda: cursor() >= wanted[-1], 10, "the last change")
        with lock:
            got = [event.seq for event in received]
        assert len(got) == len(set(got)), got
        assert got[:len(wanted)] == wanted, (got, wanted)
    finally:
        listener.stop()
        desk.close()
        writer.close()
        shop.close()
