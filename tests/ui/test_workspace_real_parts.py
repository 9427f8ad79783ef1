"""The workspace window on real parts: server process, local store, sync engine,
pjsua2 against SIPp. What the agent does goes through the real widgets; what
the server ends up with is read back over HTTP."""

from __future__ import annotations

import json
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import settings_schema as schema
from app.app_context import AppContext, DemoCredentials
from app.app_paths import AppPaths
from app.logging_setup import SecretRedactor
from app.secret_store import api_token_key
from app.services.operations import OperationRunner
from app.services.session_service import SessionService
from app.services.softphone_views import AttemptFinished
from app.settings_loader import SettingSource, load_settings
from sync.backoff import Backoff
from telephony.sip_account_settings import SipTransport
from tests.fixtures.pulse_audio import HEADSET_DESCRIPTION, HEADSET_SINK, PulseAudioServer
from tests.fixtures.server_process import RunningServer
from tests.fixtures.sip_peers import SippLauncher
from tests.ui.real_desks import (
    AGENT1,
    Desk,
    desk_secrets,
    fresh_order,
    open_desk,
    open_order,
    variant_stock,
)
from ui.desktop_app import DesktopApp, sign_in
from ui.dialog_service import ScriptedDialogs
from ui.login_dialog import LoginDialog

pytestmark = [pytest.mark.slow]

ME = AGENT1


def test_sign_in_claim_call_confirm_against_real_parts(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, sipp: SippLauncher,
    desks: list[Desk],
) -> None:
    peer = sipp.start(
        "uas_answer_remote_hangup", {"RING_MS": 400, "TALK_MS": 2000}, lifetime_s=40
    )
    desk = open_desk(qtbot, tmp_path, shop_server, peer.address)
    desks.append(desk)
    window, services = desk.window, desk.running.services
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    lines = desk.api(f"/orders/{order_id}")["lines"]
    stock_before = variant_stock(desk)

    # Before any attempt, Confirm is off and says why.
    assert not window.wrapup.confirm.isEnabled()
    assert window.wrapup.confirm.toolTip() == (
        "Contact the customer (call, WhatsApp or SMS) before confirming the order."
    )
    assert window.call_bar.attempt_label.text() == "Attempt 1 of 4"

    finished: list[AttemptFinished] = []
    assert services.softphone is not None
    services.softphone.attempt_finished.connect(finished.append)
    window.call_bar.dial_button.click()
    qtbot.waitUntil(lambda: window.call_bar.phase_label.text() == "In call", timeout=8_000)
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert finished[0].journal.outcome == "answered"
    assert abs(finished[0].journal.talk_seconds - 2.0) < 0.5

    qtbot.waitUntil(lambda: window.wrapup.confirm.isEnabled(), timeout=5_000)
    assert window.order.journal.topLevelItemCount() == 1
    # The call starts the shop's gap: no second call now, and the bar says until when.
    qtbot.waitUntil(
        lambda: window.call_bar.dial_button.toolTip().startswith(
            "This customer was called less than 10 minutes ago"
        ),
        timeout=5_000,
    )
    assert not window.call_bar.dial_button.isEnabled()
    assert all(not button.isEnabled() for button in window.order.phone_buttons)
    window.wrapup.confirm.click()
    qtbot.waitUntil(
        lambda: window.wrapup.result.property("state") == "accepted", timeout=15_000
    )
    assert "accepted by the server" in window.wrapup.result.text()

    order = desk.api(f"/orders/{order_id}")
    assert order["status"] == "confirmed"
    journal = desk.api(f"/orders/{order_id}/journal")
    calls = [entry for entry in journal if entry["channel"] == "call"]
    assert len(calls) == 1
    assert calls[0]["outcome"] == "answered"
    assert abs(calls[0]["talk_seconds"] - 2.0) < 0.5
    stock_after = variant_stock(desk)
    # An order may carry the same variant on two lines: the stock goes down by both.
    taken: Counter[tuple[str, str | None, str | None]] = Counter()
    for line in lines:
        taken[(line["article_ref"], line["color"], line["size"])] += line["quantity"]
    for key, quantity in taken.items():
        assert stock_after[key] == stock_before[key] - quantity
    qtbot.waitUntil(lambda: window.order.status.text() == "Confirmed", timeout=5_000)
    assert peer.wait(10) == 0, peer.errors()


def test_offline_note_and_cancel_are_applied_once_when_the_server_returns(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = open_desk(
        qtbot, tmp_path, shop_server, None, backoff=Backoff(base=0.2, cap=1.0)
    )
    desks.append(desk)
    window = desk.window
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)

    shop_server.stop()
    window.wrapup.note_text.setPlainText("Client injoignable au bureau, rappeler le soir")
    window.wrapup.cancel_reason.setCurrentIndex(2)
    reason = window.wrapup.cancel_reason.currentData()
    window.wrapup.cancel.click()

    status = window.status.server
    qtbot.waitUntil(lambda: status.property("online") is False, timeout=15_000)
    qtbot.waitUntil(lambda: "2 action" in status.text(), timeout=5_000)
    assert "offline" in status.text()
    assert window.order.status.text() == "Cancelled"  # the agent sees it at once, locally

    shop_server.start()
    qtbot.waitUntil(lambda: status.property("online") is True, timeout=20_000)
    qtbot.waitUntil(lambda: "waiting" not in status.text(), timeout=20_000)
    qtbot.waitUntil(
        lambda: window.wrapup.result.property("state") == "accepted", timeout=10_000
    )

    # The server restarted with the same database: log in again to read it.
    token = httpx.post(
        f"{shop_server.api}/auth/login",
        json={"username": "agent1", "password": "demo"},
        timeout=10,
    ).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    order = httpx.get(f"{shop_server.api}/orders/{order_id}", headers=headers).json()
    notes = httpx.get(f"{shop_server.api}/orders/{order_id}/notes", headers=headers).json()
    assert order["status"] == "cancelled"
    assert order["cancel_reason"] == reason
    assert [n["text"] for n in notes].count(
        "Client injoignable au bureau, rappeler le soir"
    ) == 1


def test_lease_taken_by_another_agent_is_said_in_words_and_the_journal_is_kept(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, sipp: SippLauncher,
    desks: list[Desk],
) -> None:
    # The customer keeps the agent on the line longer than the 3 s lease.
    peer = sipp.start(
        "uas_answer_remote_hangup", {"RING_MS": 200, "TALK_MS": 4500}, lifetime_s=40
    )
    desk = open_desk(
        qtbot, tmp_path, shop_server, peer.address, lease_seconds=3, heartbeat_interval=120
    )
    desks.append(desk)
    window, services = desk.window, desk.running.services
    order_id = fresh_order(desk)
    claimed_at = time.monotonic()
    open_order(qtbot, desk, order_id)

    finished: list[AttemptFinished] = []
    assert services.softphone is not None
    services.softphone.attempt_finished.connect(finished.append)
    window.call_bar.dial_button.click()

    # Mid-call the lease runs out (no heartbeat) and a colleague takes the order.
    qtbot.wait(int(max(0.0, 3.4 - (time.monotonic() - claimed_at)) * 1000))
    assert not finished, "the call should still be going on"
    login = httpx.post(
        f"{shop_server.api}/auth/login",
        json={"username": "agent2", "password": "demo"},
        timeout=10,
    ).json()
    colleague = login["user"]["display_name"]

    def as_colleague(action: str) -> None:
        response = httpx.post(
            f"{shop_server.api}/orders/{order_id}/{action}",
            json={},
            headers={"Authorization": f"Bearer {login['token']}"},
            timeout=10,
        )
        assert response.status_code == 200, response.text

    as_colleague("claim")

    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    result = window.wrapup.result
    qtbot.waitUntil(lambda: colleague in result.text(), timeout=15_000)
    assert result.property("state") == "conflict"
    assert result.text().startswith("You no longer hold order")
    qtbot.waitUntil(lambda: window.order.holder.text() == f"Held by {colleague}", timeout=5_000)
    assert not window.wrapup.confirm.isEnabled()

    # The call is in the agent's timeline and on the server.
    assert window.order.journal.topLevelItemCount() == 1
    journal = desk.api(f"/orders/{order_id}/journal")
    calls = [entry for entry in journal if entry["channel"] == "call"]
    assert [entry["outcome"] for entry in calls] == ["answered"]
    # It was journaled after the lease was gone: a fact, flagged to the lead, that
    # counts for nothing on the colleague's order.
    assert calls[0]["flag"] == "not_holder"

    # The colleague gives it back; once the agent holds it again the refusal goes.
    as_colleague("release")
    qtbot.waitUntil(lambda: window.order.holder.text() != f"Held by {colleague}", timeout=10_000)
    open_order(qtbot, desk, order_id)
    qtbot.waitUntil(lambda: result.text() == "", timeout=5_000)
    assert result.property("state") == ""
    # The flagged call is no contact: Confirm waits for one, and says so.
    assert desk.api(f"/orders/{order_id}")["attempt_count"] == 0
    assert not window.wrapup.confirm.isEnabled()
    assert window.wrapup.confirm.toolTip() == (
        "Contact the customer (call, WhatsApp or SMS) before confirming the order."
    )
    assert window.call_bar.dial_button.isEnabled()


def test_sign_in_dialog_keeps_the_token_in_the_keyring(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer
) -> None:
    secrets = desk_secrets(tmp_path)
    sessions = SessionService(secrets)
    runner = OperationRunner()
    dialog = LoginDialog(
        sessions, runner, server_url=shop_server.base_url, url_locked=True, username="agent1"
    )
    qtbot.addWidget(dialog)
    assert dialog.server_url.isReadOnly()

    dialog.password.setText("not the password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    assert dialog.error.text() == "Wrong username or password."
    assert dialog.session is None

    dialog.password.setText("demo")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert dialog.session is not None
    assert dialog.session.identity.display_name == ME
    assert dialog.password.text() == ""
    stored = secrets.get(api_token_key(shop_server.base_url, "agent1"))
    assert stored == dialog.session.token
    # Next start: the keyring's token is enough.
    restored = sessions.restore(shop_server.base_url, "agent1")
    assert restored is not None and restored.identity.username == "agent1"


def test_sign_in_dialog_says_how_long_to_wait_after_too_many_wrong_passwords(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer
) -> None:
    dialog = LoginDialog(
        SessionService(desk_secrets(tmp_path)), OperationRunner(),
        server_url=shop_server.base_url, url_locked=True, username="agent5",
    )
    qtbot.addWidget(dialog)
    for attempt in range(5):
        dialog.password.setText(f"not the password {attempt}")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
        assert dialog.error.text() == "Wrong username or password."
    dialog.password.setText("demo")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)
    # The server's refusal in the agent's words, with the wait it asked for.
    assert dialog.error.text() == (
        "Too many wrong passwords for this account from this computer: "
        "wait 2 s, then try again."
    )
    assert dialog.session is None
    qtbot.wait(2_100)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert dialog.session is not None


def test_inbound_call_pops_up_the_callers_order_and_is_journaled(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, sipp: SippLauncher,
    desks: list[Desk],
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None)
    desks.append(desk)
    window, running = desk.window, desk.running
    order_id = fresh_order(desk)
    phone = desk.api(f"/orders/{order_id}")["customer"]["phones"][0]
    assert running.engine is not None
    port = running.engine.transport_port(SipTransport.UDP)
    national = "0" + phone.removeprefix("+212")
    peer = sipp.start(
        "uac_customer_calls_in", {"CALLER": national, "TALK_MS": 1000},
        remote=f"127.0.0.1:{port}",
    )
    finished: list[AttemptFinished] = []
    assert running.services.softphone is not None
    running.services.softphone.attempt_finished.connect(finished.append)

    popup = window.inbound
    qtbot.waitUntil(popup.isVisible, timeout=8_000)
    assert popup.orders.count() >= 1
    labels = [popup.orders.item(i).text() for i in range(popup.orders.count())]
    reference = desk.api(f"/orders/{order_id}")["reference"]
    assert any(label.startswith(reference) for label in labels)
    popup.orders.setCurrentRow(labels.index(next(x for x in labels if x.startswith(reference))))
    popup.answer.click()

    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    entry = finished[0]
    assert entry.order_id == order_id
    assert entry.journal.direction == "inbound"
    assert entry.journal.outcome == "answered"
    qtbot.waitUntil(
        lambda: any(
            e["direction"] == "inbound" for e in desk.api(f"/orders/{order_id}/journal")
        ),
        timeout=10_000,
    )
    assert peer.wait(10) == 0, peer.errors()


def test_edited_lines_and_address_reach_the_server_with_the_same_totals(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None)
    desks.append(desk)
    window = desk.window
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    panel = window.order

    # Move the delivery to another city: the fee follows.
    cities = [c["name"] for c in desk.api("/cities")]
    current = desk.api(f"/orders/{order_id}")["customer"]["city"]
    other = next(c for c in cities if c != current)
    panel.city.setEditText(other)
    panel.save_address.click()
    qtbot.waitUntil(lambda: window.wrapup.result.property("state") == "accepted", timeout=15_000)

    editor = panel.lines
    article = next(a for a in desk.api("/articles") if any(v["stock"] > 5 for v in a["variants"]))
    editor.article_search.setText(f"{article['ref']} — {article['name']}")
    editor.quantity.setValue(2)
    editor.add_button.click()
    priced = editor.reprice()
    assert priced is not None
    # What the agent reads (the test runs in English: "1,225.00 MAD").
    assert editor.total.text().replace(",", "").startswith(f"{priced.total:.2f}")
    editor.save_button.click()
    qtbot.waitUntil(lambda: window.wrapup.result.property("state") == "pending", timeout=5_000)
    qtbot.waitUntil(lambda: window.wrapup.result.property("state") == "accepted", timeout=15_000)

    order = desk.api(f"/orders/{order_id}")
    assert order["customer"]["city"] == other
    assert any(
        line["article_ref"] == article["ref"] and line["quantity"] >= 2 for line in order["lines"]
    )
    # The server recomputed the totals itself and agrees with what the agent saw.
    assert Decimal(order["total"]) == priced.total


def test_a_revoked_token_asks_to_sign_in_again_and_keeps_the_outbox(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None)
    desks.append(desk)
    window, running = desk.window, desk.running
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)

    # IT revokes the session (or it expires) while the agent works.
    revoked = httpx.post(
        f"{shop_server.api}/auth/logout",
        headers={"Authorization": f"Bearer {desk.token}"},
        timeout=10,
    )
    assert revoked.status_code in (200, 204), revoked.text
    with qtbot.waitSignal(running.services.connection.login_required, timeout=15_000):
        window.wrapup.note_text.setPlainText("Note écrite pendant la coupure de session")
        window.wrapup.add_note.click()
    assert window.wrapup.result.property("state") == "pending"

    again = SessionService(desk_secrets(tmp_path)).sign_in(
        shop_server.base_url, "agent1", "demo", stay_signed_in=False
    )
    running.resume_with(again)
    qtbot.waitUntil(lambda: window.wrapup.result.property("state") == "accepted", timeout=15_000)
    notes = desk.api(f"/orders/{order_id}/notes")
    assert [n["text"] for n in notes].count("Note écrite pendant la coupure de session") == 1


@pytest.mark.audio
def test_losing_the_headset_pauses_the_agent_and_says_so(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, pulse_audio: PulseAudioServer,
    desks: list[Desk],
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, audio=True)
    desks.append(desk)
    window, running = desk.window, desk.running
    assert running.audio is not None
    running.audio.choose("playback", HEADSET_SINK)
    # The choice is kept for the next start (by id and description).
    saved = json.loads((tmp_path / "agent1" / "desk" / "audio_devices.json").read_text())
    assert saved["playback"] == {"id": HEADSET_SINK, "description": HEADSET_DESCRIPTION}
    assert window.status.agent_state.text().startswith("Available")
    dialogs = window.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    try:
        pulse_audio.unload_sink(HEADSET_SINK)
        qtbot.waitUntil(
            lambda: window.status.agent_state.text().startswith("Paused (headset unplugged)"),
            timeout=5_000,
        )
        assert running.services.presence.view.state == "paused"
        assert dialogs.shown and dialogs.shown[-1][1] == "Headset unplugged"
        assert HEADSET_DESCRIPTION in dialogs.shown[-1][2]
    finally:
        if HEADSET_SINK not in pulse_audio.pactl("list", "short", "sinks"):
            pulse_audio.load_sink(HEADSET_SINK, HEADSET_DESCRIPTION)
        pulse_audio.pactl("set-default-sink", HEADSET_SINK)


@pytest.mark.audio
def test_demo_mode_signs_in_and_the_demo_line_answers(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, shop_server: RunningServer,
    pulse_audio: PulseAudioServer,
) -> None:
    """What ``hatif --demo`` does once app.main started the demo server."""
    paths = AppPaths.under(tmp_path / "hatif")
    settings = load_settings(paths, environ={}).replaced(
        schema.SERVER_URL, shop_server.base_url, SettingSource("runtime", "test")
    )
    context = AppContext(
        settings=settings, secrets=desk_secrets(tmp_path), paths=paths,
        redactor=SecretRedactor(), log_file=tmp_path / "hatif.log",
        demo=DemoCredentials("agent1", "demo"),
    )
    dialogs = ScriptedDialogs()
    desktop = DesktopApp(context, qapp, dialogs)
    try:
        session = sign_in(context, desktop.sessions, desktop.runner, dialogs)
        assert session is not None and session.identity.username == "agent1"
        window = desktop.start(session)
        qtbot.addWidget(window)
        running = desktop.running
        assert running is not None and running.demo_line is not None
        qtbot.waitUntil(lambda: window.queue.model.rowCount() > 0, timeout=20_000)
        order_id = fresh_order(Desk(running, window, shop_server))
        window.services.workspace.open_order(order_id)
        qtbot.waitUntil(lambda: window.call_bar.dial_button.isEnabled(), timeout=10_000)
        phone = running.services.softphone
        assert phone is not None
        window.call_bar.dial_button.click()
        qtbot.waitUntil(lambda: window.call_bar.phase_label.text() == "In call", timeout=10_000)
        window.call_bar.hangup_button.click()
        qtbot.waitUntil(lambda: phone.call is None, timeout=10_000)
        qtbot.waitUntil(lambda: window.order.journal.topLevelItemCount() == 1, timeout=5_000)
        assert window.order.journal.topLevelItem(0).text(2) == "Answered"
    finally:
        desktop.shutdown()
