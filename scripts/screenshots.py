#!/usr/bin/env python3
"""Renders the main screens in French and Arabic into docs/screenshots/.

Real parts only: the demo server (SQLite, demo shop) as a subprocess, the
agent1 session, the local store filled by the sync engine, and a call to the
built-in SIPp demo line. Runs offscreen; takes about a minute.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyrings.alt.file import PlaintextKeyring  # noqa: E402
from PySide6.QtCore import QEventLoop, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.demo_server import start_demo_server  # noqa: E402
from app.secret_store import KeyringStatus, SecretStore  # noqa: E402
from app.services.operations import OperationRunner  # noqa: E402
from app.services.order_views import QueueQuery  # noqa: E402
from app.services.session_service import SessionService, SignedIn  # noqa: E402
from app.services.workspace_session import (  # noqa: E402
    RunningWorkspace,
    SipSetup,
    start_workspace,
)
from ui.dashboard_dialog import DashboardDialog  # noqa: E402
from ui.dialog_service import ScriptedDialogs  # noqa: E402
from ui.icons import stylesheet  # noqa: E402
from ui.login_dialog import LoginDialog  # noqa: E402
from ui.main_window import WorkspaceWindow  # noqa: E402
from ui.message_dialog import MessageDialog  # noqa: E402
from ui.new_order_dialog import NewOrderDialog  # noqa: E402
from ui.settings_dialog import SettingsDialog  # noqa: E402
from ui.translations import install_language, remove_language  # noqa: E402

#: Desk screens the workspace must serve without clipping (DESIGN: Screens and scale).
SIZES = ((1366, 768), (1600, 900), (1920, 1080))


def pump(app: QApplication, seconds: float, until: Callable[[], bool] | None = None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if until is not None and until():
            return True
    return until() if until is not None else True


def save(widget: QWidget, out: Path, name: str) -> None:
    widget.grab().save(str(out / f"{name}.png"))
    print("wrote", out / f"{name}.png")


def shoot_language(
    app: QApplication,
    lang: str,
    session: SignedIn,
    running: RunningWorkspace,
    sessions: SessionService,
    out: Path,
) -> None:
    translators: list[QTranslator] = install_language(app, lang)
    services = running.services
    try:
        login = LoginDialog(
            sessions,
            OperationRunner(),
            server_url=session.server_url,
            url_locked=True,
            username="agent1",
        )
        login.show()
        pump(app, 0.3)
        save(login, out, f"{lang}-login")
        login.close()

        window = WorkspaceWindow(services, ScriptedDialogs())
        window.resize(*SIZES[-1])
        window.show()
        pump(app, 0.5)
        services.workspace.next_order()
        pump(app, 5, lambda: services.workspace.current is not None)
        pump(app, 0.5)
        for width, height in SIZES:
            window.resize(width, height)
            pump(app, 0.5)
            save(window, out, f"{lang}-workspace-{width}x{height}")
        save(window, out, f"{lang}-workspace")

        detail = services.workspace.current
        assert detail is not None, "no order could be claimed"
        message = MessageDialog(services.messaging, detail, "whatsapp", window)
        index = message.language.findData(lang if lang == "ar" else "fr")
        message.language.setCurrentIndex(max(0, index))
        message.show()
        pump(app, 0.3)
        save(message, out, f"{lang}-whatsapp")
        message.close()

        phone = services.softphone
        if phone is not None:
            window.call_bar.dial_button.click()
            pump(app, 6, lambda: phone.call is not None and phone.call.phase == "active")
            pump(app, 1.2)
            save(window, out, f"{lang}-in-call")
            window.call_bar.hangup_button.click()
            pump(app, 4, lambda: phone.call is None)
            pump(app, 1.0)
        window.wrapup.note_text.setPlainText(
            "Cliente d'accord, livraison demain matin."
            if lang == "fr"
            else "الزبونة موافقة، التوصيل صباح الغد."
        )
        window.wrapup.confirm.click()
        pump(app, 6, lambda: "accept" in (window.wrapup.result.property("state") or ""))
        pump(app, 0.5)
        save(window, out, f"{lang}-confirmed")

        services.workspace.open_order(detail.order_id)
        window.queue.search.setText("Casablanca")
        pump(app, 1.0)
        save(window.queue, out, f"{lang}-queue-search")

        dashboard = DashboardDialog(services.stats, window)
        dashboard.refresh()
        dashboard.show()
        pump(app, 0.3)
        save(dashboard, out, f"{lang}-dashboard")
        dashboard.close()

        new_order = NewOrderDialog(services.workspace, window)
        new_order.phone.setText("06 61 23 45 67")
        new_order.name.setText("Salma Berrada")
        new_order.address.setText("12 rue Ibn Batouta")
        new_order.city.setEditText("Casablanca")
        articles = services.workspace.articles()
        if articles:
            first = articles[0]
            variant = first.variants[0] if first.variants else None
            new_order.lines.add_article(
                first.ref, variant.color if variant else None, variant.size if variant else None, 2
            )
        new_order.show()
        pump(app, 0.3)
        save(new_order, out, f"{lang}-new-order")
        new_order.close()

        settings = SettingsDialog(running.audio, lang, {}, window)
        settings.show()
        pump(app, 0.3)
        save(settings, out, f"{lang}-settings")
        settings.close()
        window.close()
        window.deleteLater()
        pump(app, 0.2)
    finally:
        remove_language(translators)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", default="fr,ar")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(stylesheet("workspace"))
    with tempfile.TemporaryDirectory(prefix="hatif-shots-") as temp:
        root = Path(temp)
        backend = PlaintextKeyring()
        backend.file_path = str(root / "keyring.cfg")  # type: ignore[misc]
        secrets = SecretStore(backend, KeyringStatus(True, "plaintext", "explicit", "screens"))
        server = start_demo_server(root / "server")
        try:
            sessions = SessionService(secrets)
            for lang in args.languages.split(","):
                # One agent per language so each run claims fresh orders.
                user = "agent1" if lang == "fr" else "agent3"
                session = sessions.sign_in(server.url, user, "demo", stay_signed_in=False)
                running = start_workspace(
                    session,
                    root / f"data-{lang}",
                    SipSetup(account=None, demo_line=True),
                    sync_idle_wait=0.5,
                    with_audio_devices=False,
                )
                try:
                    pump(
                        app,
                        20,
                        lambda r=running: r.services.workspace.queue.count(QueueQuery()) > 0,
                    )
                    pump(app, 1.0)
                    shoot_language(app, lang, session, running, sessions, args.out)
                finally:
                    running.shutdown()
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
