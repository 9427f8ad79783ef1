"""Editing an order in the panel: lines with stock per variant, live upsell and
totals through core.pricing, the fee following the city, wrap-up rules, and
right-to-left Arabic. A real local store holds the order and the catalogue."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.local_store import schema
from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.store_database import StoreDatabase, open_store_database
from app.services.connection_status import ConnectionStatusService, ConnectionView
from app.services.desktop_services import AgentIdentity, DesktopServices
from app.services.local_store_stats import LocalStoreStats
from app.services.local_store_workspace import LocalStoreWorkspace
from app.services.messaging_service import MessagingService
from app.services.operations import OperationRunner
from app.services.presence_service import PresenceService
from app.services.stats_service import StatsService
from app.services.workspace_service import WorkspaceService
from core.pricing import LineRequest
from core.rulebook import Act
from core.wire.orders import LeaseInfo
from sync.sync_engine import SyncEngine
from sync.sync_store import ReferenceData
from tests.sync.order_factory import order_event
from tests.ui.synthetic_orders import order_json
from ui.dialog_service import ScriptedDialogs
from ui.main_window import WorkspaceWindow
from ui.order_lines_model import OrderLinesModel
from ui.order_panel import OrderPanel
from ui.translations import install_language, remove_language
from ui.wrapup_panel import WrapUpPanel

ME = "Khadija (agent1)"

ARTICLES = [
    {
        "ref": "SAC-01", "name": "Sac cabas", "normal_price": "200.00", "upsell": True,
        "upsell_prices": ["180.00", "160.00", "150.00", "140.00"], "phase": "active",
        "variants": [
            {"color": "Noir", "size": None, "stock": 12},
            {"color": "Rouge", "size": None, "stock": 0},
        ],
    },
    {
        "ref": "BSK-02", "name": "Basket", "normal_price": "300.00", "upsell": False,
        "upsell_prices": [None, None, None, None], "phase": "active",
        "variants": [{"color": "Blanc", "size": "40", "stock": 3}],
    },
]
CITIES = [
    {"name": "Casablanca", "delivery_fee": "25.00"},
    {"name": "Agadir", "delivery_fee": "45.00"},
]


@pytest.fixture
def database(tmp_path: Path, qapp: QApplication) -> Iterator[StoreDatabase]:
    db: StoreDatabase = open_store_database(tmp_path / "store.sqlite")
    sync_store = LocalSyncStore(db)
    sync_store.set_current_user(3, "agent1", ME)
    generation = sync_store.begin_full_resync()
    order = order_json(1, random.Random(1), datetime.now(UTC))
    order["customer"]["city"] = "Casablanca"
    order["status"] = "assigned"
    order["attempt_count"] = 0
    order["lines"] = [
        {"article_ref": "SAC-01", "color": "Noir", "quantity": 1, "unit_price": "200.00"}
    ]
    sync_store.store_resync_orders(generation, [order])
    sync_store.finish_full_resync(generation, 0)
    # The agent opened the order: this desk holds its lease (the rulebook's "holder").
    lease = LeaseInfo(
        order_id=1, holder_id=3, holder_name=ME, epoch=1,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
    )
    order["lease"] = lease.model_dump(mode="json")
    order["lease_epoch"] = 1
    sync_store.record_claim(order, lease)
    sync_store.replace_reference_data(
        ReferenceData(ARTICLES, CITIES, {"attempt_cap": 4}, [], [])
    )
    yield db
    db.dispose()


@pytest.fixture
def local_store(database: StoreDatabase) -> LocalStoreWorkspace:
    # Never started, and no server listens at port 9: requests find the desk offline.
    sync = SyncEngine(
        LocalSyncStore(database), "http://127.0.0.1:9", lambda: "token", use_event_stream=False
    )
    return LocalStoreWorkspace(database, sync, ME)


@pytest.fixture
def workspace(local_store: LocalStoreWorkspace) -> WorkspaceService:
    return WorkspaceService(local_store, OperationRunner(), ME)


def test_lines_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = OrderLinesModel()
    model.set_lines(
        [LineRequest("SAC-01", 2, "Noir", None), LineRequest("BSK-02", 1, "Blanc", "40")],
        {"SAC-01": "Sac cabas"},
    )
    qtmodeltester.check(model, force_py=True)
    model.add_line(LineRequest("SAC-01", 1, "Rouge", None))
    model.remove_line(0)
    qtmodeltester.check(model, force_py=True)


def test_lines_and_totals_follow_every_edit(qtbot: QtBot, workspace: WorkspaceService) -> None:
    panel = OrderPanel(workspace)
    qtbot.addWidget(panel)
    detail = workspace.order_detail(1)
    assert detail is not None
    panel.show_order(detail)
    lines = panel.lines
    assert lines.total.text() == "225.00 MAD"  # 200 + 25 delivery to Casablanca
    assert lines.tier.text() == "none"

    # Search an article: each variant shows its stock; the empty one is not offered.
    lines.article_search.setText("SAC-01 — Sac cabas")
    texts = [lines.variant.itemText(i) for i in range(lines.variant.count())]
    assert texts == ["Noir — 12 in stock", "Rouge — 0 in stock"]
    assert lines.variant.currentText() == "Noir — 12 in stock"
    lines.quantity.setValue(2)
    lines.add_button.click()
    # Three upsell units: counter 2 -> upsell tier 2 (160.00 each).
    assert lines.model.rowCount() == 1
    assert lines.model.index(0, 2).data() == "3"
    assert lines.tier.text() == "tier 2"
    assert lines.total.text() == "505.00 MAD"  # 3 x 160 + 25

    lines.article_search.setText("basket")
    lines.add_button.click()
    assert lines.model.rowCount() == 2
    assert lines.total.text() == "805.00 MAD"

    # Quantity edited in the table, then the line removed.
    lines.model.setData(lines.model.index(0, 2), 1, Qt.ItemDataRole.EditRole)
    assert lines.tier.text() == "none"
    assert lines.total.text() == "525.00 MAD"  # 200 + 300 + 25
    lines.table.selectRow(1)
    lines.remove_button.click()
    assert lines.total.text() == "225.00 MAD"

    # Rescue gestures: a line discount and free delivery, priced at once.
    lines.model.setData(lines.model.index(0, 4), 10, Qt.ItemDataRole.EditRole)
    assert lines.model.index(0, 4).data() == "10 %"
    assert lines.total.text() == "205.00 MAD"  # 200 - 10 % + 25
    lines.free_delivery.setChecked(True)
    assert lines.total.text() == "180.00 MAD"
    saved: list[tuple[object, bool]] = []
    lines.save_requested.connect(lambda new, free: saved.append((new, free)))
    lines.save_button.click()
    assert saved and saved[0][1] is True
    assert saved[0][0][0].discount_pct == 10  # type: ignore[index]
    lines.free_delivery.setChecked(False)
    lines.model.setData(lines.model.index(0, 4), 0, Qt.ItemDataRole.EditRole)

    # The fee follows the city being typed.
    panel.city.setEditText("Agadir")
    assert panel.fee_label.text() == "Delivery: 45.00 MAD"
    assert lines.total.text() == "245.00 MAD"
    assert panel.save_address.isEnabled()


def test_confirm_waits_for_a_contact_attempt_and_cancel_for_a_reason(
    qtbot: QtBot, workspace: WorkspaceService
) -> None:
    panel = WrapUpPanel()
    qtbot.addWidget(panel)
    panel.set_choices([], ["changed_mind", "too_expensive"])
    detail = workspace.order_detail(1)
    assert detail is not None
    panel.set_order(detail, workspace.verdicts(detail), [])
    assert not panel.confirm.isEnabled()
    assert panel.confirm.toolTip() == (
        "Contact the customer (call, WhatsApp or SMS) before confirming the order."
    )
    asked: list[object] = []
    panel.disposition_requested.connect(lambda *args: asked.append(args))
    panel.cancel.click()
    assert asked == []
    assert panel.result.text() == "Choose a reason for cancelling first."
    panel.cancel_reason.setCurrentIndex(1)
    panel.cancel.click()
    assert asked and asked[0][1] == "changed_mind"


def test_arabic_turns_the_window_right_to_left(qtbot: QtBot, workspace: WorkspaceService) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous_locale = QLocale()
    translators: list[QTranslator] = install_language(app, "ar")
    try:
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        panel = WrapUpPanel()
        qtbot.addWidget(panel)
        assert panel.confirm.text() == "تأكيد"
        assert QCoreApplication.translate("Status", "Confirmed") == "مؤكدة"
        detail = workspace.order_detail(1)
        assert detail is not None
        order = OrderPanel(workspace)
        qtbot.addWidget(order)
        order.show_order(detail)
        # A phone number keeps its reading order inside right-to-left text.
        assert order.phone_buttons[0].text().startswith("\u2066")
    finally:
        remove_language(translators)
        QLocale.setDefault(previous_locale)
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_call_back_slots_follow_the_hours_customers_answer(
    workspace: WorkspaceService, local_store: LocalStoreWorkspace, database: StoreDatabase
) -> None:
    today = datetime.now().astimezone().replace(minute=5, second=0, microsecond=0)
    rows = []
    for n in range(30):
        hour, answered = (17, True) if n % 2 else (10, n % 6 == 0)
        started = today.replace(hour=hour).astimezone(UTC)
        rows.append(
            {
                "id": f"call-{n}", "order_id": 1, "channel": "call", "kind": "call",
                "direction": "outbound", "number": "+212600000000",
                "started_at": started.isoformat(), "ring_seconds": 3.0,
                "talk_seconds": 30.0 if answered else 0.0,
                "outcome": "answered" if answered else "no_answer",
                "agent_name": ME, "counts_as_contact": int(answered), "pending": 0,
            }
        )
    with database.writer.begin() as connection:
        connection.execute(schema.journal.insert(), rows)
    assert list(local_store.best_call_hours())[:2] == [17, 10]
    slots = workspace.callback_slots(datetime.now(UTC))
    assert slots and slots[0].astimezone().hour in (17, 10)
    assert all(slot.astimezone().hour in (10, 17) for slot in slots)


def _window(
    workspace: WorkspaceService,
    database: StoreDatabase,
    local_store: LocalStoreWorkspace,
    features: frozenset[str],
) -> WorkspaceWindow:
    services = DesktopServices(
        identity=AgentIdentity(3, "agent1", ME, "agent"),
        runner=OperationRunner(),
        workspace=workspace,
        presence=PresenceService(lambda *_args: None),
        connection=ConnectionStatusService(ConnectionView(True, datetime.now(UTC), 0)),
        stats=StatsService(LocalStoreStats(database, ME)),
        messaging=MessagingService(local_store, agent_name=ME),
        softphone=None,
        features=features,
    )
    return WorkspaceWindow(services, ScriptedDialogs())


def test_commands_the_server_lacks_are_off_and_say_why(
    qtbot: QtBot, workspace: WorkspaceService, database: StoreDatabase,
    local_store: LocalStoreWorkspace,
) -> None:
    bare = _window(workspace, database, local_store, frozenset())
    qtbot.addWidget(bare)
    assert not bare.new_order_action.isEnabled()
    assert not bare.escalate_action.isEnabled()
    assert bare.escalate_action.toolTip() == "Not available on this server yet."
    full = _window(workspace, database, local_store, frozenset({"create_order", "escalate"}))
    qtbot.addWidget(full)
    assert full.new_order_action.isEnabled()
    # Escalating is about the open order: on once the rulebook allows it for one.
    assert not full.escalate_action.isEnabled()
    workspace.open_order(1)
    assert full.escalate_action.isEnabled()
    assert not bare.escalate_action.isEnabled()


def _escalate_locally(database: StoreDatabase) -> None:
    """The order as the server sends it once an agent escalated it."""
    sync_store = LocalSyncStore(database)
    detail_json = json.loads(
        database.reader.connect().execute(select(schema.orders.c.payload)).scalar_one()
    )
    detail_json["version"] += 1
    detail_json["escalation"] = {
        "reason": "complaint",
        "text": "Le client veut parler au responsable",
        "by_id": 3,
        "by_name": ME,
        "at": datetime.now(UTC).isoformat(),
        "lead_id": 2,
    }
    sync_store.apply_changes([order_event(1, detail_json)], 1)


def test_history_says_it_is_unavailable_offline_and_rescue_widgets_follow_the_limits(
    qtbot: QtBot, workspace: WorkspaceService, database: StoreDatabase
) -> None:
    panel = OrderPanel(workspace)
    qtbot.addWidget(panel)
    workspace.current_order_changed.connect(panel.show_order)
    workspace.open_order(1)  # the "server" at 127.0.0.1:9 never answers: offline
    history = panel.history
    qtbot.waitUntil(
        lambda: history.topLevelItemCount() > 0
        and history.topLevelItem(0).text(1) == "The history is unavailable offline.",
        timeout=10_000,
    )
    # Defaults for an agent until the server sends the shop's limits.
    assert panel.lines.order_discount_limit() == 10
    assert panel.delivery_date.maximumDate() == QDate.currentDate().addDays(7)
    # The shop gives agents 15 % and 3 days: the widgets follow.
    settings = {"attempt_cap": 4, "rescue_limits": {"agent": {
        "max_line_discount_pct": "15", "max_order_discount_pct": "15",
        "free_delivery": False, "max_delivery_delay_days": 3,
    }}}
    LocalSyncStore(database).replace_reference_data(
        ReferenceData(ARTICLES, CITIES, settings, [], [])
    )
    workspace.reference_data_changed()
    assert panel.lines.order_discount_limit() == 15
    assert "15 %" in panel.lines.order_discount.toolTip()
    assert panel.delivery_date.maximumDate() == QDate.currentDate().addDays(3)
    assert not panel.lines.free_delivery.isEnabled()
    assert panel.lines.free_delivery.toolTip() == "Free delivery is not allowed for you."

    # A delivery date set offline shows at once on the order, waiting for the server.
    wanted = date.today() + timedelta(days=2)
    panel.delivery_date.setDate(QDate(wanted.year, wanted.month, wanted.day))
    panel.set_delivery_date.click()
    assert f"Delivery on {wanted:%d/%m/%Y}" in panel.rescue_summary.text()
    assert workspace.pending_actions() == 1


def test_the_escalation_banner_offers_answers_to_leads_only(
    qtbot: QtBot, local_store: LocalStoreWorkspace, database: StoreDatabase
) -> None:
    _escalate_locally(database)
    for role, lead_actions in (("agent", False), ("lead", True)):
        service = WorkspaceService(local_store, OperationRunner(), ME, role=role)
        panel = OrderPanel(service)
        qtbot.addWidget(panel)
        detail = service.order_detail(1)
        assert detail is not None and detail.escalation is not None
        panel.show_order(detail)
        banner = panel.escalation
        assert banner.isVisibleTo(panel)
        assert banner.text.text().startswith(f"Escalated to the team lead by {ME} since ")
        assert "Complaint" in banner.text.text()
        assert "Le client veut parler au responsable" in banner.text.text()
        assert banner.answer.isVisibleTo(panel) is lead_actions
        assert banner.take_over.isVisibleTo(panel) is lead_actions
        # While it waits for the lead, the agent's hands are off the order.
        verdicts = service.verdicts(detail)
        assert verdicts.allowed(Act.EDIT) is lead_actions
        blocker = verdicts.refusal(Act.CONFIRM)
        assert (blocker is not None and blocker.code == "escalated") is not lead_actions
        assert panel.read_only.isVisibleTo(panel) is not lead_actions
        if not lead_actions:
            assert panel.read_only.text() == "The order waits for the team lead's answer."
