"""Sending a WhatsApp or SMS message from an order: the link Qt opens carries the
customer's number and the template text, and the attempt is queued in the outbox."""

from __future__ import annotations

from app.local_store.store_database import StoreDatabase
from app.services.local_store_workspace import LocalStoreWorkspace
from app.services.messaging_service import LaunchOutcome, MessagingService
from app.services.workspace_store import MessageTemplate
from tests.ui.test_order_editing import ME, database, local_store  # noqa: F401 (fixtures)
from tests.ui.url_recorder import UrlRecorder

TEMPLATE = MessageTemplate(
    code="confirm_fr", title="Confirmation", channel="whatsapp", language="fr",
    body="Bonjour {customer_name}, commande {order_reference} : {total}",
)


def test_whatsapp_opens_the_chat_and_queues_one_attempt(
    opened: UrlRecorder, local_store: LocalStoreWorkspace, database: StoreDatabase,  # noqa: F811
) -> None:
    service = MessagingService(local_store, agent_name=ME)
    detail = local_store.order_detail(1)
    assert detail is not None and detail.phones
    waiting = local_store.pending_actions()
    text = service.preview(TEMPLATE, detail)

    service.launch(detail, "whatsapp", detail.phones[0], TEMPLATE, text)

    digits = detail.phones[0].lstrip("+")
    assert len(opened.urls) == 1
    assert opened.urls[0].startswith(f"https://wa.me/{digits}?text=Bonjour%20")
    assert local_store.pending_actions() == waiting + 1


def test_a_number_that_cannot_be_messaged_opens_nothing_and_queues_nothing(
    opened: UrlRecorder, local_store: LocalStoreWorkspace, database: StoreDatabase,  # noqa: F811
) -> None:
    service = MessagingService(local_store, agent_name=ME)
    detail = local_store.order_detail(1)
    assert detail is not None
    waiting = local_store.pending_actions()

    outcomes: list[LaunchOutcome] = []
    service.launch(detail, "sms", "12", TEMPLATE, "Bonjour", done=outcomes.append)

    [outcome] = outcomes
    assert not outcome.launched and outcome.op_id == "" and outcome.error_code
    assert opened.urls == []
    assert local_store.pending_actions() == waiting
