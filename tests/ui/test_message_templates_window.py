"""Messages to customers through the real window on the demo-shop server process:
the dialog opens on the template that fits the order in the customer's language,
fills it from the shop settings and the order, signs with the agent's name, never
lets a literal placeholder go out, and copes with a shop that has no template."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from pytestqt.qtbot import QtBot

from app.local_store.store_database import StoreDatabase
from app.services.local_store_workspace import LocalStoreWorkspace
from app.services.messaging_service import MessagingService
from core.order_status import OrderStatus
from server.services.demo_seed import DEMO_SHOP_NAME
from tests.fixtures.server_process import RunningServer
from tests.ui.real_desks import AGENT1, Desk, fresh_order, open_desk, open_order
from tests.ui.test_order_editing import ME, database, local_store  # noqa: F401 (fixtures)
from tests.ui.url_recorder import UrlRecorder
from ui.message_dialog import MessageDialog

pytestmark = [pytest.mark.slow]


def admin(server: RunningServer) -> httpx.Client:
    answer = httpx.post(
        f"{server.api}/auth/login", json={"username": "admin", "password": "demo"}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    return httpx.Client(
        base_url=server.api,
        timeout=30,
        headers={"Authorization": f"Bearer {answer.json()['token']}"},
    )


def test_a_new_order_opens_the_french_confirmation_signed_by_the_agent_and_shop(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
    opened: UrlRecorder,
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    seen: list[MessageDialog] = []

    def look(dialog: MessageDialog) -> bool:
        seen.append(dialog)
        return True

    desk.dialogs.answers.append(look)
    desk.window.call_bar.whatsapp_button.click()  # the server is asked first, then the dialog
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)

    dialog = seen[0]
    assert dialog.language.currentData() == "fr"
    template = dialog.template()
    assert template is not None and template.code == "confirmation"
    text = dialog.text()
    assert "{" not in text
    assert text.endswith(f"{AGENT1}, {DEMO_SHOP_NAME}")
    assert "(agent1)" not in text
    assert dialog.send_button.isEnabled()
    assert not dialog.notice.isVisible()
    assert len(opened.urls) == 1
    sent = unquote(opened.urls[0])
    assert DEMO_SHOP_NAME in sent and "{shop_name}" not in sent


def test_the_callback_template_never_sends_a_raw_callback_time(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    detail = desk.running.services.workspace.current
    assert detail is not None
    messaging = desk.running.services.messaging

    # A new order: choosing the callback template by hand leaves the time to write.
    dialog = MessageDialog(messaging, detail, "whatsapp", desk.window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    titles = [dialog.templates.itemText(i) for i in range(dialog.templates.count())]
    dialog.templates.setCurrentIndex(titles.index("موعد الاتصال"))
    assert "{callback_time}" in dialog.text()
    assert not dialog.send_button.isEnabled()
    assert dialog.notice.isVisibleTo(dialog)
    assert "agreed callback time" in dialog.notice.text()
    dialog.preview.setPlainText(dialog.text().replace("{callback_time}", "الخميس 15:00"))
    assert dialog.send_button.isEnabled()
    assert not dialog.notice.isVisibleTo(dialog)

    # An order waiting for its callback opens on that template with the time filled.
    at = datetime.now(UTC) + timedelta(days=1)
    waiting = replace(detail, status=OrderStatus.CALLBACK, callback_at=at)
    dialog = MessageDialog(messaging, waiting, "whatsapp", desk.window)
    qtbot.addWidget(dialog)
    template = dialog.template()
    assert template is not None and template.code == "callback"
    assert at.astimezone().strftime("%d/%m %H:%M") in dialog.text()
    assert dialog.send_button.isEnabled()


def test_the_language_follows_the_customer_and_the_template_the_order_state(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, softphone=False)
    desks.append(desk)
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    detail = desk.running.services.workspace.current
    assert detail is not None
    messaging = desk.running.services.messaging

    arabic = replace(detail, customer_name="يوسف العلوي")
    dialog = MessageDialog(messaging, arabic, "whatsapp", desk.window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "ar"
    template = dialog.template()
    assert template is not None and template.code == "confirmation"
    assert "يوسف العلوي" in dialog.text()

    # Called twice, never reached: the SMS opens on "we tried to call you".
    unanswered = replace(detail, attempt_count=2, contact_count=0)
    dialog = MessageDialog(messaging, unanswered, "sms", desk.window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "fr"
    template = dialog.template()
    assert template is not None and template.code == "no_answer"


def test_a_shop_without_templates_lets_the_agent_write_the_message(
    qtbot: QtBot, opened: UrlRecorder, local_store: LocalStoreWorkspace,  # noqa: F811
    database: StoreDatabase,  # noqa: F811
) -> None:
    assert not local_store.templates()
    messaging = MessagingService(local_store, agent_name=ME)
    detail = local_store.order_detail(1)
    assert detail is not None and detail.phones
    dialog = MessageDialog(messaging, detail, "whatsapp")
    qtbot.addWidget(dialog)

    assert dialog.template() is None
    assert "No message template" in dialog.notice.text()
    assert not dialog.send_button.isEnabled()
    dialog.preview.setPlainText("Bonjour, votre commande part demain.")
    assert dialog.send_button.isEnabled()

    waiting = local_store.pending_actions()
    messaging.launch(detail, "whatsapp", dialog.number(), dialog.template(), dialog.text())
    assert len(opened.urls) == 1
    assert local_store.pending_actions() == waiting + 1


def test_saving_a_template_checks_its_placeholders(shop_server: RunningServer) -> None:
    client = admin(shop_server)
    body = {
        "code": "test_check", "language": "fr", "channel": "sms", "title": "Test",
        "body": "Bonjour {prenom}",
    }
    answer = client.put("/templates/test_check/fr", json=body)
    assert answer.status_code == 422
    assert answer.json()["code"] == "unknown_placeholder"

    settings = client.get("/settings").json()
    client.put("/settings", json={**settings, "shop_name": ""}).raise_for_status()
    try:
        body["body"] = "Merci {customer_name}. {shop_name}"
        answer = client.put("/templates/test_check/fr", json=body)
        assert answer.status_code == 422
        assert answer.json()["code"] == "shop_name_not_set"
    finally:
        client.put("/settings", json=settings).raise_for_status()
    answer = client.put("/templates/test_check/fr", json=body)
    assert answer.status_code == 200, answer.text
