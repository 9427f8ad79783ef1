"""Locust scenario of a confirmation floor at peak: agents and their teams' wallboards.

Run by ``bench/peak.py`` (which creates the shop, starts the server and reads the
results); it can also run by itself against a server whose users the plan names::

    HATIF_PEAK_PLAN=plan.json locust -f bench/locust/agents.py --headless -u 60 -r 10 -t 90s \
        --host http://127.0.0.1:8765

The plan (JSON) lists, per team, the agents' and the lead's user names, the
password, which agents' streams are sampled for event latency, and where to
write what Locust's own statistics do not hold (``out``).

An agent signs in, opens its event stream and works: claim-next, a call journaled,
a note, then a disposition (confirm, cancel, a callback, an escalation to the lead
now and then, or "no answer": the order goes back to the pool), while a heartbeat
renews its lease. One wallboard per team (about 20 agents) signs in as the lead,
keeps a stream open and reads ``GET /wallboard`` every few seconds.

Event -> desk latency: when an answer that changed an order arrives (claim or
applied op, with the order's new version), its time is noted under
``(order_id, version)``; the sampled streams note when the event of that version
arrives, and the difference is the latency a teammate's desk sees. Streams that are
not sampled are read and thrown away, so the load generator stays cheap.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import gevent
import requests
from locust import FastHttpUser, between, events, task

with open(os.environ["HATIF_PEAK_PLAN"], encoding="utf-8") as _plan:
    PLAN: dict[str, Any] = json.load(_plan)
API = "/api/v1"
THINK = float(PLAN.get("think_seconds", 10.0))
# The desk renews its leases every 30 s (sync.sync_engine).
HEARTBEAT_S = float(PLAN.get("heartbeat_seconds", 30.0))
WALLBOARD_S = float(PLAN.get("wallboard_seconds", 5.0))

_AGENTS = iter(
    [(name, team["sampled"] and name in team["sampled"]) for team in PLAN["teams"]
     for name in team["agents"]]
)
_LEADS = iter([team["lead"] for team in PLAN["teams"]])

# (order_id, version) -> when the answer that made it reached its agent (monotonic).
_ANSWERED: dict[tuple[int, int], float] = {}
# (order_id, version) -> when a sampled stream saw it first, for events that won the race.
_SEEN_EARLY: dict[tuple[int, int], list[float]] = {}
# The newest version of each order an answer has shown.
_LAST_VERSION: dict[int, int] = {}
_LATENCIES: list[float] = []
_COUNTS: dict[str, int] = {}
# Sign-ins happen during the ramp, before the statistics are reset: kept apart.
_LOGINS: list[float] = []
_STREAMS = {"open": 0, "opened_total": 0, "failed": 0, "max_open": 0, "login_retries": 0}


def _count(key: str, by: int = 1) -> None:
    _COUNTS[key] = _COUNTS.get(key, 0) + by


def _answered(order_id: int, version: int) -> None:
    """An answer that made ``version`` of the order; answers that changed nothing of the
    order (the same version again) are not changes a teammate waits for."""
    if version <= _LAST_VERSION.get(order_id, -1):
        return
    _LAST_VERSION[order_id] = version
    now = time.monotonic()
    _ANSWERED[(order_id, version)] = now
    for _ in _SEEN_EARLY.pop((order_id, version), []):
        # The event reached the teammate before the actor's own answer: no wait at all.
        _LATENCIES.append(0.0)
        _count("event_before_answer")


def _seen(stream_seen: set[tuple[int, int]], order_id: int, version: int) -> None:
    """A sampled stream received ``version`` of the order; only its first arrival on
    that stream counts (a change republished with the same version is not new)."""
    key = (order_id, version)
    if key in stream_seen:
        return
    stream_seen.add(key)
    now = time.monotonic()
    answered = _ANSWERED.get(key)
    if answered is not None:
        _LATENCIES.append(now - answered)
    elif version > _LAST_VERSION.get(order_id, -1):
        _SEEN_EARLY.setdefault(key, []).append(now)


def _read_stream(base: str, token: str, sampled: bool) -> None:
    """Keeps the user's event stream open for the whole run (reconnecting like a desk)."""
    cursor: str | None = None
    seen: set[tuple[int, int]] = set()
    while True:
        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        if cursor is not None:
            headers["Last-Event-ID"] = cursor
        opened = False
        try:
            with requests.get(f"{base}{API}/events", headers=headers, stream=True,
                              timeout=(30, 60)) as answer:
                if answer.status_code != 200:
                    _STREAMS["failed"] += 1
                    gevent.sleep(2.0)
                    continue
                opened = True
                _STREAMS["open"] += 1
                _STREAMS["opened_total"] += 1
                _STREAMS["max_open"] = max(_STREAMS["max_open"], _STREAMS["open"])
                buffer = b""
                for chunk in answer.iter_content(chunk_size=None):
                    if not sampled:
                        # Only the cursor matters to a stream that is not measured.
                        cursor = _last_id(chunk) or cursor
                        continue
                    buffer += chunk
                    while b"\n\n" in buffer:
                        block, buffer = buffer.split(b"\n\n", 1)
                        cursor = _event(block, seen) or cursor
        except (requests.RequestException, ValueError):
            _STREAMS["failed"] += 1
            gevent.sleep(1.0)
        finally:
            if opened:
                _STREAMS["open"] -= 1


def _last_id(chunk: bytes) -> str | None:
    """The last ``id:`` field of a chunk (JSON data never holds ``id: `` with a space)."""
    at = chunk.rfind(b"id: ")
    end = chunk.find(b"\n", at)
    if at < 0 or end < 0 or (at > 0 and chunk[at - 1] != 10):
        return None
    return chunk[at + 4:end].decode()


def _event(block: bytes, seen: set[tuple[int, int]]) -> str | None:
    fields: dict[str, str] = {}
    for line in block.decode("utf-8", "replace").split("\n"):
        if line.startswith(":") or not line:
            continue
        name, _, value = line.partition(":")
        fields[name] = value.lstrip(" ")
    if fields.get("event") == "order" and "data" in fields:
        change = json.loads(fields["data"])
        version = change.get("payload", {}).get("version")
        if version is not None:
            _seen(seen, int(change["entity_id"]), int(version))
    return fields.get("id")


class _Signed(FastHttpUser):
    """A user that signs in and keeps its event stream open."""

    abstract = True
    username = ""
    sampled = False

    def sign_in(self, username: str) -> None:
        """Signs in, trying again like a desk does while the server is too busy."""
        self.username = username
        began = time.monotonic()
        while True:
            with self.client.post(
                f"{API}/auth/login", name="POST /auth/login",
                json={"username": username, "password": PLAN["password"],
                      "device_id": f"peak-{username}"[:64]},
                catch_response=True,
            ) as answer:
                if answer.status_code == 200:
                    self.token = answer.json()["token"]
                    break
                answer.failure(f"login {answer.status_code}")
            _STREAMS["login_retries"] += 1
            gevent.sleep(random.uniform(2.0, 5.0))
        self.auth = {"Authorization": f"Bearer {self.token}"}
        self.greenlets = [gevent.spawn(_read_stream, self.host, self.token, self.sampled)]
        _LOGINS.append(time.monotonic() - began)
        if len(_LOGINS) == PLAN["users"] and _ENV:
            _everyone_signed_in(_ENV[0])

    def on_stop(self) -> None:
        gevent.killall(getattr(self, "greenlets", []), block=False)


class Wallboard(_Signed):
    """The lead's wallboard: a stream and a snapshot every few seconds."""

    fixed_count = len(PLAN["teams"])
    wait_time = between(WALLBOARD_S * 0.8, WALLBOARD_S * 1.2)

    def on_start(self) -> None:
        self.sign_in(next(_LEADS))

    @task
    def read(self) -> None:
        self.client.get(f"{API}/wallboard", name="GET /wallboard", headers=self.auth)


class Agent(_Signed):
    """An agent working orders one after the other."""

    weight = 20
    wait_time = between(THINK * 0.5, THINK * 1.5)

    def on_start(self) -> None:
        username, sampled = next(_AGENTS)
        self.sampled = bool(sampled)
        self.sign_in(username)
        self.device = f"peak-{uuid.uuid4().hex[:12]}"
        self.seq = itertools.count(1)
        self.lease: dict[str, int] | None = None
        self.greenlets.append(gevent.spawn(self._heartbeats))

    def think(self) -> None:
        gevent.sleep(random.uniform(THINK * 0.5, THINK * 1.5))

    def _heartbeats(self) -> None:
        while True:
            gevent.sleep(HEARTBEAT_S)
            if self.lease is None:
                continue
            self.client.post(
                f"{API}/leases/heartbeat", name="POST /leases/heartbeat", headers=self.auth,
                json={"leases": [{"order_id": self.lease["order_id"],
                                  "epoch": self.lease["epoch"]}]},
            )

    def push(self, kind: str, payload: dict[str, Any]) -> str:
        """One op in its own batch; a batch whose answer was lost is sent again as it was
        (same op, same key), as the desk's outbox does, so no sequence gap follows."""
        assert self.lease is not None
        op = {"op_id": str(uuid.uuid4()), "client_seq": next(self.seq), "kind": kind,
              "order_id": self.lease["order_id"], "lease_epoch": self.lease["epoch"],
              "payload": payload}
        key = str(uuid.uuid4())
        for _attempt in range(5):
            with self.client.post(
                f"{API}/sync/push", name=f"POST /sync/push [{kind}]",
                headers={**self.auth, "Idempotency-Key": key},
                json={"device_id": self.device, "ops": [op]}, catch_response=True,
            ) as answer:
                if answer.status_code == 200:
                    result = answer.json()["results"][0]
                    break
                answer.failure(f"push {answer.status_code}")
            gevent.sleep(random.uniform(1.0, 3.0))
        else:
            return "http_error"
        status = str(result["status"])
        _count(f"op {kind} {status}" + (f" {result.get('code')}" if status != "applied" else ""))
        if status == "applied" and result.get("order_version") is not None:
            _answered(self.lease["order_id"], int(result["order_version"]))
        return status

    @task
    def work_one_order(self) -> None:
        with self.client.post(f"{API}/orders/claim-next", name="POST /orders/claim-next",
                              headers=self.auth, json={}, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"claim-next {answer.status_code}")
                return
            body = answer.json()
        if body.get("lease") is None:
            _count("claim-next empty")
            return
        _count("claim-next claimed")
        self.lease = {"order_id": int(body["lease"]["order_id"]),
                      "epoch": int(body["lease"]["epoch"])}
        _answered(self.lease["order_id"], int(body["order"]["version"]))
        order_id = self.lease["order_id"]
        self.think()
        answered = random.random() < 0.6
        now = datetime.now(UTC)
        phones = body["order"]["customer"].get("phones") or ["+212612345678"]
        self.push("journal", {
            "id": str(uuid.uuid4()), "order_id": order_id, "channel": "call", "kind": "call",
            "number": phones[0], "started_at": (now - timedelta(seconds=40)).isoformat(),
            "ring_seconds": 6.0, "talk_seconds": 25.0 if answered else 0.0,
            "outcome": "answered" if answered else "no_answer",
            "sip_code": 200 if answered else 480,
        })
        self.think()
        self.push("add_note", {"text": "Client joint" if answered else "Pas de réponse"})
        self.think()
        if not answered:
            self.client.post(f"{API}/orders/{order_id}/release", name="POST /orders/[id]/release",
                             headers=self.auth, json={"epoch": self.lease["epoch"]})
        else:
            roll = random.random()
            if roll < 0.6:
                self.push("confirm", {"note": "Confirmé"})
            elif roll < 0.8:
                self.push("cancel", {"reason": "Client a changé d'avis"})
            elif roll < 0.93:
                later = datetime.now(UTC) + timedelta(hours=2)
                self.push("callback", {"callback_at": later.isoformat()})
            else:
                self.client.post(f"{API}/orders/{order_id}/escalate",
                                 name="POST /orders/[id]/escalate", headers=self.auth,
                                 json={"reason": "complaint", "text": "Réclamation"})
        self.lease = None


_ENV: list[Any] = []


@events.init.add_listener
def _keep_environment(environment: Any, **_: Any) -> None:
    _ENV.append(environment)


def _everyone_signed_in(environment: Any) -> None:
    """Every user has signed in (the storm of password checks is over): from now on
    the figures are the steady state, and ``steady_marker`` tells bench/peak.py so."""
    environment.runner.stats.reset_all()
    _LATENCIES.clear()
    _COUNTS.clear()
    _SEEN_EARLY.clear()
    marker = PLAN.get("steady_marker")
    if marker:
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write(str(time.time()))


@events.quitting.add_listener
def _write_extras(environment: Any, **_: Any) -> None:
    """What Locust's CSV does not hold: event latencies, op outcomes, streams."""
    out = PLAN.get("out")
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            json.dump({"event_latencies_s": _LATENCIES, "counts": _COUNTS,
                       "login_s": _LOGINS,
                       "streams": _STREAMS}, handle)
