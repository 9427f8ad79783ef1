"""The authorization matrix: every op kind x role x relationship x order state,
expected answer computed by ``core.rulebook.refusal`` from the order as the server
shows it, then sent to the real server process and compared.

Each situation (role, relationship, state) is built through the API (claims,
journal entries, ops, escalation, reassign) with users of its own (a team per role
and relationship, agents per state, so leases never add up). Acts the
rulebook refuses are sent first, on one order; each act it allows runs on the same
order as long as the previous ones left the situation as it was, else on a fresh
copy. Another team's order must answer exactly as a missing one.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.attempt_policy import AttemptPolicy
from core.order_transitions import Role
from core.rulebook import ShopRules, refusal
from tests.fixtures.server_process import RunningServer
from tests.server.desk_journal import MISSING_ORDER_ID, admin_view, journal_op, push_ops
from tests.server.desk_ops import claim
from tests.server.rule_desk import (
    ALL_KINDS,
    APPLIED,
    OP_ACTS,
    leases_held_by,
    send,
    send_ops,
    situation,
)
from tests.server.shop import Shop, ShopBuilder, ShopUser

ROLES = (Role.AGENT, Role.LEAD, Role.ADMIN)
#: PostgreSQL runs the agent's part of the matrix only: which role may do what is
#: decided in core, the same on both databases (SQLite runs every role); what differs
#: between them is the SQL of claims, leases and journal counts, which the agent's
#: situations drive through every relationship and state. Saves ~2/3 of its minutes.
POSTGRES_ROLES = (Role.AGENT,)
RELATIONS = ("holder", "owner", "colleague", "free", "other_team")
STATES = ("open", "confirmed", "cancelled", "escalated", "at_cap", "in_gap")
OPEN_STATES = ("open", "at_cap", "in_gap")
#: Run only the situations whose name contains this (e.g. ``agent/free``), to debug.
ONLY = os.environ.get("RULE_MATRIX_ONLY", "")
WORKERS = 4
_ADDING = threading.Lock()


class Unbuildable(Exception):
    """This combination cannot exist (e.g. a lease on a closed order)."""


@dataclass(frozen=True)
class Cell:
    role: Role
    relation: str
    state: str

    @property
    def name(self) -> str:
        return f"{self.role.value}/{self.relation}/{self.state}"


@dataclass
class Outcome:
    cell: Cell
    kind: str
    expected: str
    got: str
    detail: str = ""


@dataclass
class MatrixRun:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    roles: tuple[Role, ...] = ROLES
    builds: int = 0
    seconds: float = 0.0
    setup_seconds: float = 0.0

    @property
    def disagreements(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.expected != o.got or o.detail]


def _unbuildable(cell: Cell) -> str | None:
    if cell.relation == "holder" and cell.state in ("confirmed", "cancelled"):
        return "nobody holds a lease on a closed order"
    if cell.relation == "holder" and cell.state == "escalated" and cell.role == Role.AGENT:
        return "an agent cannot hold an escalated order"
    if cell.relation == "free" and cell.state == "escalated":
        return "an escalated order always has an owner"
    return None


class Situations:
    """Builds the order of one cell through the API, as often as the cell needs one."""

    def __init__(self, cell: Cell, home: Shop, foreign: Shop) -> None:
        self.cell = cell
        self.home = home
        self.order_shop = foreign if cell.relation == "other_team" else home
        # Every situation of a shop has agents of its own, so leases never add up.
        slot = STATES.index(cell.state)
        self.actor: ShopUser = {
            Role.AGENT: home.agents[slot],
            Role.LEAD: home.lead,
            Role.ADMIN: home.admin,
        }[cell.role]
        if cell.relation in ("holder", "owner"):
            self.worker = self.actor
        elif cell.relation == "other_team":
            self.worker = foreign.agents[slot]
        else:
            self.worker = home.agents[len(STATES) + slot]
        self.order_id: int | None = None

    @property
    def actor_team(self) -> int | None:
        return None if self.cell.role == Role.ADMIN else self.home.team_id

    @property
    def reassign_to(self) -> int:
        """An agent of the order's team that no situation uses otherwise."""
        return self.order_shop.agents[-1].id

    def _ok(self, result: dict[str, Any], step: str) -> None:
        assert result["status"] == APPLIED, f"{self.cell.name}: setup {step}: {result}"

    def build(self) -> int:
        """A fresh order in the cell's situation; the previous one is given back."""
        self.discard()
        cell, worker = self.cell, self.worker
        with _ADDING:  # a shop numbers its references by its order count
            (order_id,) = self.order_shop.add_orders(1)
        epoch = claim(worker.client, order_id)
        now = datetime.now(UTC)
        if cell.state == "at_cap":
            ops = [
                journal_op(order_id, started_at=now - timedelta(hours=hours))
                for hours in (5, 4, 3, 2)
            ]
        elif cell.state == "in_gap":
            ops = [journal_op(order_id, started_at=now - timedelta(minutes=1))]
        else:
            ops = [journal_op(order_id, outcome="answered", started_at=now - timedelta(hours=1))]
        fenced = {"order_id": order_id, "lease_epoch": epoch}
        ops.append({"kind": "start", "payload": {}, **fenced})
        if cell.state == "confirmed":
            ops.append({"kind": "confirm", "payload": {}, **fenced})
        elif cell.state == "cancelled":
            ops.append({"kind": "cancel", "payload": {"reason": "Rupture"}, **fenced})
        for result in push_ops(worker.client, ops):
            self._ok(result, "push")
        if cell.state == "escalated":
            answer = worker.client.post(
                f"/orders/{order_id}/escalate", json={"reason": "complaint", "text": "Litige"}
            )
            assert answer.status_code == 200, f"{cell.name}: setup escalate: {answer.text}"
        if cell.relation == "holder" and cell.state == "escalated":
            claim(self.actor.client, order_id)
        elif cell.relation == "owner" and cell.state in OPEN_STATES:
            answer = self.actor.client.post(f"/orders/{order_id}/release", json={"epoch": epoch})
            assert answer.json().get("released"), f"{cell.name}: setup release: {answer.text}"
        elif cell.relation == "free":
            answer = self.order_shop.lead.client.post(
                f"/orders/{order_id}/reassign", json={"owner_id": None, "release_lease": True}
            )
            assert answer.status_code == 204, f"{cell.name}: setup reassign: {answer.text}"
        self.order_id = order_id
        self._check_built(admin_view(self.order_shop, order_id))
        return order_id

    def _check_built(self, wire: dict[str, Any]) -> None:
        """The order is in the situation the cell names (else the setup went wrong)."""
        cell = self.cell
        status = {"confirmed": "confirmed", "cancelled": "cancelled"}.get(cell.state, "in_progress")
        assert wire["status"] == status, (cell.name, wire["status"])
        assert (wire["escalation"] is not None) == (cell.state == "escalated"), cell.name
        attempts = 4 if cell.state == "at_cap" else 1
        assert wire["attempt_count"] == attempts, (cell.name, wire["attempt_count"])
        holder = wire["lease"]["holder_id"] if wire.get("lease") else None
        expected_holder = {
            "holder": self.actor.id,
            "colleague": self.worker.id if cell.state in OPEN_STATES else None,
            "other_team": self.worker.id if cell.state in OPEN_STATES else None,
        }.get(cell.relation)
        assert holder == expected_holder, (cell.name, "holder", holder)
        owner = {"free": None}.get(cell.relation, self.worker.id)
        if cell.relation == "holder" and cell.state == "escalated":
            owner = self.worker.id
        assert wire["owner_id"] == owner, (cell.name, "owner", wire["owner_id"])

    def discard(self) -> None:
        """Give the current order's lease back, so nobody collects leases."""
        if self.order_id is not None:
            self.order_shop.lead.client.post(f"/orders/{self.order_id}/release", json={})
            self.order_id = None


def _facts_key(wire: dict[str, Any]) -> tuple[Any, ...]:
    """What makes the situation: an op that changes any of it needs a fresh order."""
    lease = wire.get("lease")
    return (
        wire["status"],
        wire["owner_id"],
        lease["holder_id"] if lease else None,
        lease["epoch"] if lease else None,
        wire["attempt_count"],
        wire["contact_count"],
        wire["escalation"] is not None,
        wire.get("extra_attempts"),
        wire["team_id"],
    )


def _rules(shop: Shop) -> ShopRules:
    settings = shop.admin.client.get("/settings").json()
    policy = AttemptPolicy(
        cap=settings["attempt_cap"], call_gap=timedelta(minutes=settings["call_gap_minutes"])
    )
    return ShopRules(attempts=policy, lease_cap=settings["max_leases_per_agent"])


def _expected(situations: Situations, wire: dict[str, Any], kind: str, rules: ShopRules) -> str:
    actor = situations.actor
    held = leases_held_by(actor) if kind == "claim" and actor.role == Role.AGENT else 0
    found = refusal(
        situation(wire, actor, situations.actor_team, leases_held=held, rules=rules),
        ALL_KINDS[kind],
    )
    return APPLIED if found is None else found.code


def _run_cell(
    run: MatrixRun,
    cell: Cell,
    home: Shop,
    foreign: Shop,
    rules: ShopRules,
    missing: Callable[[ShopUser, str], tuple[str, int | None]],
) -> None:
    situations = Situations(cell, home, foreign)
    order_id = situations.build()
    run.builds += 1
    wire = admin_view(situations.order_shop, order_id)
    expected = {kind: _expected(situations, wire, kind, rules) for kind in ALL_KINDS}

    def record(kind: str, got: str, status: int | None) -> None:
        detail = ""
        if expected[kind] == "not_found":
            # Another team's order answers exactly as a missing one.
            missing_got, missing_status = missing(situations.actor, kind)
            if (got, status) != (missing_got, missing_status):
                detail = f"(a missing order answers {missing_got}/{missing_status}, this {status})"
        run.outcomes.append(Outcome(cell, kind, expected[kind], got, detail))

    # Refusals leave the order as it is: they share one order, the ops one batch.
    refused_ops = [k for k in ALL_KINDS if k in OP_ACTS and expected[k] != APPLIED]
    if refused_ops:
        codes = send_ops(refused_ops, situations.actor, order_id, wire, situations.order_shop)
        for kind, got in zip(refused_ops, codes, strict=True):
            record(kind, got, None)
    for kind in ALL_KINDS:
        if kind in OP_ACTS or expected[kind] == APPLIED:
            continue
        got, status = send(
            kind,
            situations.actor,
            order_id,
            wire,
            situations.order_shop,
            reassign_to=situations.reassign_to,
        )
        record(kind, got, status)
    after = admin_view(situations.order_shop, order_id)
    if _facts_key(after) != _facts_key(wire):
        situations.discard()
    else:
        wire = after
    # Each allowed act on the situation as built (a fresh copy once one changed it).
    for kind in [k for k in ALL_KINDS if expected[k] == APPLIED]:
        if situations.order_id is None:
            order_id = situations.build()
            run.builds += 1
            wire = admin_view(situations.order_shop, order_id)
            expected[kind] = _expected(situations, wire, kind, rules)
        got, status = send(
            kind,
            situations.actor,
            order_id,
            wire,
            situations.order_shop,
            reassign_to=situations.reassign_to,
        )
        record(kind, got, status)
        if kind in ("call", "whatsapp", "sms"):
            continue  # asking changes nothing
        after = admin_view(situations.order_shop, order_id)
        if _facts_key(after) != _facts_key(wire):
            situations.discard()
        else:
            wire = after
    situations.discard()


@pytest.fixture(scope="module")
def matrix(builder: ShopBuilder, server: RunningServer, backend: Any) -> Iterator[MatrixRun]:
    started = datetime.now(UTC)
    run = MatrixRun()
    shops: list[Shop] = []
    cache: dict[tuple[Role, str], tuple[str, int | None]] = {}
    lock = threading.Lock()

    def missing(actor: ShopUser, kind: str) -> tuple[str, int | None]:
        with lock:
            key = (actor.role, kind)
            if key not in cache:
                cache[key] = send(kind, actor, MISSING_ORDER_ID, None, shops[0], reassign_to=1)
            return cache[key]

    cells: list[tuple[Cell, Shop, Shop]] = []
    run.roles = ROLES if backend.name == "sqlite" else POSTGRES_ROLES
    for role in run.roles:
        # One foreign team per role, one home team per role and relationship.
        foreign = builder.new_shop(server.api, agents=len(STATES) + 1, orders=0)
        shops.append(foreign)
        for relation in RELATIONS:
            home = builder.new_shop(server.api, agents=2 * len(STATES) + 1, orders=0)
            shops.append(home)
            for state in STATES:
                cell = Cell(role, relation, state)
                if ONLY and ONLY not in cell.name:
                    continue
                why = _unbuildable(cell)
                if why is not None:
                    run.skipped.append(f"{cell.name}: {why}")
                    continue
                cells.append((cell, home, foreign))
    rules = _rules(shops[0])
    run.setup_seconds = (datetime.now(UTC) - started).total_seconds()

    def one(cell: Cell, home: Shop, foreign: Shop) -> MatrixRun:
        part = MatrixRun()
        _run_cell(part, cell, home, foreign, rules, missing)
        return part

    # Situations are independent (a shop each): a few at a time keep the server busy.
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for part in pool.map(lambda args: one(*args), cells):
            run.outcomes += part.outcomes
            run.builds += part.builds
    run.seconds = (datetime.now(UTC) - started).total_seconds()
    yield run
    for shop in shops:
        shop.close()


@pytest.mark.timeout(900)
def test_the_server_answers_what_the_rulebook_says_for_every_case(
    matrix: MatrixRun, backend: Any, record_property: Callable[[str, object], None]
) -> None:
    size = len(matrix.outcomes)
    cells = len({o.cell for o in matrix.outcomes})
    summary = (
        f"rule matrix on {backend.name}: {size} cases in {cells} situations "
        f"({len(matrix.skipped)} impossible ones left out), {matrix.builds} orders built, "
        f"{matrix.seconds:.0f} s (shops {matrix.setup_seconds:.0f} s)"
    )
    print(summary)
    record_property("matrix_size", size)
    record_property("matrix_seconds", round(matrix.seconds, 1))
    wrong = matrix.disagreements
    by_pair = Counter((o.expected, o.got) for o in wrong)
    lines = [
        f"{o.cell.name} {o.kind}: rulebook {o.expected}, server {o.got} {o.detail}".rstrip()
        for o in wrong
    ]
    assert not wrong, f"{summary}\n{len(wrong)} disagreements {dict(by_pair)}:\n" + "\n".join(lines)


def test_the_matrix_covers_every_kind_role_relationship_and_state(matrix: MatrixRun) -> None:
    if ONLY:
        pytest.skip("RULE_MATRIX_ONLY runs part of the matrix")
    seen = {(o.cell.role, o.cell.relation, o.cell.state, o.kind) for o in matrix.outcomes}
    assert {kind for *_, kind in seen} == set(ALL_KINDS)
    assert {role for role, *_ in seen} == set(matrix.roles)
    assert {relation for _, relation, *_ in seen} == set(RELATIONS)
    assert {state for _, _, state, _ in seen} == set(STATES)
    expected_cells = len(matrix.roles) * len(RELATIONS) * len(STATES) - len(matrix.skipped)
    assert len(seen) == expected_cells * len(ALL_KINDS)
    # Both answers occur: the matrix is not all refusals nor all allowed.
    answers = Counter(o.expected == APPLIED for o in matrix.outcomes)
    share = len(matrix.roles) / len(ROLES)
    assert answers[True] > 100 * share and answers[False] > 500 * share, answers
