"""``hatif --demo`` against its real demo server process: each run is a fresh
shop, and a refused demo sign-in opens the (French) sign-in dialog instead of
an English message and an exit.

The agent changes the demo password, as the user guide suggests for a real
account. Signing in with the demo password now fails: the desk shows the
sign-in dialog, says so in French, and the agent signs in with the new one.
The next run starts a new shop, where the demo password works again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import settings_schema as schema
from app.app_context import AppContext
from app.app_paths import AppPaths
from app.demo_server import DemoServer, start_demo_server
from app.logging_setup import SecretRedactor
from app.services.operations import OperationRunner
from app.services.session_service import SessionService
from app.settings_loader import SettingSource, load_settings
from tests.ui.real_desks import desk_secrets
from ui.desktop_app import sign_in
from ui.dialog_service import ScriptedDialogs
from ui.login_dialog import LoginDialog
from ui.translations import install_language, remove_language

NEW_PASSWORD = "Nouveau-mot-2026"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    previous = QLocale()
    translators = install_language(qapp, "fr")
    yield
    remove_language(translators)
    # The locale too: later tests read amounts in the default (English) separators.
    QLocale.setDefault(previous)


def _context(tmp_path: Path, demo: DemoServer) -> AppContext:
    paths = AppPaths.under(tmp_path / "hatif")
    settings = load_settings(paths, environ={}).replaced(
        schema.SERVER_URL, demo.url, SettingSource("runtime", "--demo")
    )
    return AppContext(
        settings=settings, secrets=desk_secrets(tmp_path), paths=paths,
        redactor=SecretRedactor(), log_file=tmp_path / "hatif.log", demo=demo.credentials,
    )


def _change_password(demo: DemoServer) -> None:
    api = f"{demo.url}/api/v1"
    login = httpx.post(
        f"{api}/auth/login",
        json={"username": demo.credentials.username, "password": demo.credentials.password},
        timeout=30,
    )
    assert login.status_code == 200, login.text
    changed = httpx.post(
        f"{api}/auth/password",
        json={"old_password": demo.credentials.password, "new_password": NEW_PASSWORD},
        headers={"Authorization": f"Bearer {login.json()['token']}"},
        timeout=30,
    )
    assert changed.status_code in (200, 204), changed.text


def test_a_changed_demo_password_opens_the_sign_in_dialog_and_the_next_run_is_fresh(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, french: None
) -> None:
    data_dir = tmp_path / "data"
    runner = OperationRunner(qapp)
    with start_demo_server(data_dir, orders=5) as demo:
        context = _context(tmp_path, demo)
        sessions = SessionService(context.secrets)
        _change_password(demo)
        dialogs = ScriptedDialogs()
        seen: dict[str, str] = {}

        def type_the_new_password(dialog: LoginDialog) -> bool:
            seen["error"] = dialog.error.text()
            seen["username"] = dialog.username.text()
            dialog.password.setText(NEW_PASSWORD)
            dialog.submit()
            qtbot.waitUntil(lambda: dialog.session is not None, timeout=15_000)
            return True

        dialogs.answers.append(type_the_new_password)
        signed_in = sign_in(context, sessions, runner, dialogs)
        assert [type(d) for d in dialogs.dialogs] == [LoginDialog]
        assert seen == {"error": "Identifiant ou mot de passe incorrect.",
                        "username": "agent1"}
        assert dialogs.shown == []  # no English message box before it
        assert signed_in is not None and signed_in.identity.username == "agent1"

    # The next run: a new demo shop, where the documented password works again.
    with start_demo_server(data_dir, orders=5) as demo:
        context = _context(tmp_path, demo)
        dialogs = ScriptedDialogs()
        again = sign_in(context, SessionService(context.secrets), runner, dialogs)
        assert again is not None and dialogs.dialogs == []
