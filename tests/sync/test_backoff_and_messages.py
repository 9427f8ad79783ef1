"""Backoff stays within its bounds; refusals and lost leases read as sentences."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from sync.backoff import Backoff
from sync.connection_state import ConnectionState
from sync.refusal_messages import describe_lost_lease, describe_refusal


def test_backoff_grows_to_its_cap_with_jitter_and_resets() -> None:
    backoff = Backoff(base=0.5, cap=8.0, rng=random.Random(3))
    delays = [backoff.next_delay() for _ in range(40)]
    assert all(0.125 <= d <= 8.0 for d in delays)
    assert backoff.ceiling() == 8.0
    assert len({round(d, 6) for d in delays}) > 30  # jittered, not lock-step
    backoff.reset()
    assert backoff.ceiling() == 0.5


def test_reassigned_order_reads_with_name_and_time() -> None:
    at = datetime(2026, 11, 23, 10, 42, tzinfo=UTC)
    text = describe_refusal(
        "stale_epoch",
        {"holder_name": "Samira", "at": at.isoformat()},
        kind="cancel",
        order_label="CMD-1042",
    )
    hhmm = at.astimezone().strftime("%H:%M")
    assert text == (
        "Your cancellation on order CMD-1042 was not applied: "
        f"this order was reassigned to Samira at {hhmm}."
    )


def test_unknown_code_falls_back_on_the_servers_words() -> None:
    text = describe_refusal(
        "callback_in_past",
        {},
        kind="callback",
        order_label="7",
        server_message="The call-back time must be in the future.",
    )
    assert text == (
        "Your call-back on order 7 was not applied: The call-back time must be in the future."
    )
    assert "version" not in describe_refusal(
        "version_conflict", {}, kind="edit_lines", order_label="7"
    )


def test_lost_lease_sentences() -> None:
    assert describe_lost_lease("lease_lost", order_label="A1", holder_name=None) == (
        "You no longer hold order A1: your reservation expired."
    )
    assert describe_lost_lease("lease_lost", order_label="A1", holder_name="Samira") == (
        "You no longer hold order A1: it is now held by Samira."
    )


def test_connection_state_signals_only_real_changes(qapp: QCoreApplication) -> None:
    state = ConnectionState()
    seen: list[object] = []
    state.onlineChanged.connect(lambda online: seen.append(("online", online)))
    state.pendingCountChanged.connect(lambda n: seen.append(("pending", n)))
    state.lastErrorChanged.connect(lambda code, message: seen.append(("error", code)))
    state.loginRequired.connect(lambda: seen.append("login"))
    state.set_online()
    state.set_online()
    state.set_pending(3)
    state.set_pending(3)
    state.set_offline("server_unreachable", "The server cannot be reached.")
    assert state.offline_since is not None
    state.require_login()
    state.require_login()
    assert seen == [
        ("online", True),
        ("pending", 3),
        ("online", False),
        ("error", "server_unreachable"),
        "login",
        ("error", "login_required"),
    ]
