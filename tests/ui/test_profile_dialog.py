"""The profile dialog against the real server: changing one's own password, and
one's own history read page by page (and an offline message when the server is
not there)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from keyrings.alt.file import PlaintextKeyring
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.secret_store import KeyringStatus, SecretStore
from app.services.operations import OperationRunner
from app.services.own_history_service import OwnHistoryService, own_history_for
from app.services.session_service import SessionService, SignInError
from core.order_transitions import Role
from sync.http_client import HttpClient
from tests.server.test_reports_server_process import (  # noqa: F401 (fixture)
    PASSWORD,
    RunningServer,
    Seeder,
    StartServer,
    free_port,
    start_reports_server,
)
from ui.profile_dialog import ProfileDialog

NEW_PASSWORD = "nouveau-Mot-2026"


def seed(s: Seeder) -> None:
    s.team("Casa")
    s.user("nadia", "Nadia", Role.AGENT, "Casa")
    s.user("omar", "Omar", Role.AGENT, "Casa")
    s.order("P-1", "Casa")


@pytest.fixture(scope="module")
def server(start_reports_server: StartServer) -> RunningServer:  # noqa: F811
    return start_reports_server(seed)


@pytest.fixture
def sessions(tmp_path: Path) -> SessionService:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    return SessionService(
        SecretStore(backend, KeyringStatus(True, "plaintext", "explicit", "tests"))
    )


@pytest.fixture
def runner() -> Iterator[OperationRunner]:
    runner = OperationRunner()
    yield runner
    runner.wait_idle(5000)


def profile(
    qtbot: QtBot,
    sessions: SessionService,
    runner: OperationRunner,
    server: RunningServer,
    username: str,
    history: OwnHistoryService | None,
) -> ProfileDialog:
    session = sessions.sign_in(server.base_url, username, PASSWORD, stay_signed_in=False)
    dialog = ProfileDialog(session.identity, sessions, session, runner, history=history)
    qtbot.addWidget(dialog)
    return dialog


def change(qtbot: QtBot, dialog: ProfileDialog, old: str, new: str) -> bool:
    dialog.old.setText(old)
    dialog.new.setText(new)
    dialog.repeat.setText(new)
    with qtbot.waitSignal(dialog.passwordChangeFinished, timeout=10_000) as finished:
        dialog.change_button.click()
    return bool(finished.args[0])


def me_status(server: RunningServer, token: str) -> int:
    return requests.get(
        f"{server.base_url}/api/v1/auth/me",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    ).status_code


def test_password_change_in_words_then_only_the_new_password_signs_in(
    server: RunningServer, qtbot: QtBot, sessions: SessionService, runner: OperationRunner
) -> None:
    other_desk = server.agent("nadia")  # the same user signed in elsewhere
    dialog = profile(qtbot, sessions, runner, server, "nadia", None)
    token = dialog._session.token

    # Too short: said at once, nothing sent.
    dialog.old.setText(PASSWORD)
    dialog.new.setText("court")
    dialog.repeat.setText("court")
    dialog.change_button.click()
    assert dialog.message.text() == "The new password needs at least 12 characters."
    # Long enough but among the first an attacker tries: the server's policy, said at once.
    dialog.new.setText("Motdepasse2026!")
    dialog.repeat.setText("Motdepasse2026!")
    dialog.change_button.click()
    assert dialog.message.text().startswith("This password is too easy to guess")
    with pytest.raises(SignInError) as weak:
        sessions.change_password(dialog._session, PASSWORD, "Motdepasse2026!")
    assert weak.value.code == "weak_password"
    assert dialog.password_refusal("weak_password", "") == dialog.message.text()

    assert not change(qtbot, dialog, "not-my-password", NEW_PASSWORD)
    assert dialog.message.text() == "The current password is wrong."

    assert change(qtbot, dialog, PASSWORD, NEW_PASSWORD)
    assert "other sessions were signed out" in dialog.message.text()
    assert dialog.old.text() == dialog.new.text() == ""

    # The new password signs in, the old one no longer does.
    assert sessions.sign_in(server.base_url, "nadia", NEW_PASSWORD, stay_signed_in=False)
    with pytest.raises(SignInError) as refused:
        sessions.sign_in(server.base_url, "nadia", PASSWORD, stay_signed_in=False)
    assert refused.value.code == "bad_credentials"
    # The other desk was signed out; this one stays signed in.
    assert me_status(server, other_desk.token) == 401
    assert me_status(server, token) == 200

    # The same password again is refused in words, by the dialog and by the server.
    dialog.old.setText(NEW_PASSWORD)
    dialog.new.setText(NEW_PASSWORD)
    dialog.repeat.setText(NEW_PASSWORD)
    dialog.change_button.click()
    assert dialog.message.text() == "The new password must differ from the current one."
    with pytest.raises(SignInError) as unchanged:
        sessions.change_password(dialog._session, NEW_PASSWORD, NEW_PASSWORD)
    assert unchanged.value.code == "password_unchanged"
    assert dialog.password_refusal("password_unchanged", "") == dialog.message.text()


def test_my_history_lists_my_journal_entry_page_by_page(
    server: RunningServer,
    qtbot: QtBot,
    sessions: SessionService,
    runner: OperationRunner,
    qtmodeltester: ModelTester,
) -> None:
    omar = server.agent("omar")
    order = server.seed.orders["P-1"]
    omar.claim(order)
    omar.call(order, 42)
    omar.call(order, 0)
    client = HttpClient(server.base_url, lambda: omar.token)
    dialog = profile(
        qtbot, sessions, runner, server, "omar", OwnHistoryService(client, page_size=1)
    )
    try:
        with qtbot.waitSignal(dialog.historyFinished, timeout=10_000):
            dialog.tabs.setCurrentWidget(dialog.history_page)  # first look loads it
        model = dialog.history_model
        qtmodeltester.check(model)
        assert model.rowCount() == 1
        assert dialog.older_button.isEnabled()
        with qtbot.waitSignal(dialog.historyFinished, timeout=10_000):
            dialog.older_button.click()
        attempts = [
            [model.data(model.index(row, column)) for column in range(1, 6)]
            for row in range(model.rowCount())
            if model.entry_at(row).action == "attempt"  # type: ignore[union-attr]
        ]
        # Newest first: the unanswered call, then the answered one with its talk time.
        assert attempts[:2] == [
            ["P-1", "Contact attempt", attempts[0][2], "Call", "0:00"],
            ["P-1", "Contact attempt", attempts[1][2], "Call", "0:42"],
        ]
        qtmodeltester.check(model)
        assert "newest first" in dialog.history_status.text()
    finally:
        client.close()


def test_history_offline_says_so(
    server: RunningServer, qtbot: QtBot, sessions: SessionService, runner: OperationRunner
) -> None:
    nowhere = own_history_for(f"http://127.0.0.1:{free_port()}", lambda: "token", timeout=2)
    dialog = profile(qtbot, sessions, runner, server, "omar", nowhere)
    with qtbot.waitSignal(dialog.historyFinished, timeout=15_000):
        dialog.load_history()
    assert dialog.history_status.text().startswith("You are offline")
    assert dialog.history_model.rowCount() == 0
    assert dialog.refresh_button.isEnabled()
