"""Rescue gestures, escalation, history, leases and new orders in the order panel,
on real parts: the demo-shop server process, the desk's local store and sync
engine, and the real widgets. What the desk shows is checked against what the
server holds, read back over HTTP."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace_store import ActionReport, ActionState
from tests.fixtures.server_process import RunningServer
from tests.ui.real_desks import Desk, fresh_order, open_desk, open_order
from ui.escalate_dialog import EscalateDialog, EscalationAnswerDialog
from ui.new_order_dialog import NewOrderDialog
from ui.order_lines_model import DISCOUNT_COLUMN

pytestmark = [pytest.mark.slow]


def _login(server: RunningServer, username: str) -> dict[str, str]:
    answer = httpx.post(
        f"{server.api}/auth/login", json={"username": username, "password": "demo"}, timeout=10
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['token']}"}


class Reports:
    """What the server answered to the desk's actions, as the workspace reports them."""

    def __init__(self, desk: Desk) -> None:
        self.items: list[ActionReport] = []
        desk.running.services.workspace.action_reported.connect(self.items.append)

    def wait(self, qtbot: QtBot, kind: str, state: ActionState) -> ActionReport:
        def found() -> ActionReport | None:
            return next((r for r in self.items if r.kind == kind and r.state == state), None)

        qtbot.waitUntil(lambda: found() is not None, timeout=20_000)
        report = found()
        assert report is not None
        self.items.clear()
        return report


def _shown(widget: QWidget) -> bool:
    """Visible once the window is on screen (the tests' windows stay hidden)."""
    return widget.isVisibleTo(widget.window())


def _history_actions(desk: Desk) -> list[str]:
    tree = desk.window.order.history
    return [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())]


def test_rescue_gestures_are_capped_refused_in_words_and_kept_by_the_server(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None)
    desks.append(desk)
    panel, workspace = desk.window.order, desk.running.services.workspace
    order_id = fresh_order(desk)
    open_order(qtbot, desk, order_id)
    editor = panel.lines
    reports = Reports(desk)

    # The agent's limits (10 %, 7 days by default) cap the widgets and are said.
    assert editor.order_discount_limit() == 10
    assert "10 %" in editor.order_discount.toolTip()
    assert editor.discount_delegate.maximum == 10
    assert "10 %" in editor.model.index(0, DISCOUNT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.delivery_date.maximumDate() == QDate.currentDate().addDays(7)

    # A line discount over the limit (typed before the shop lowered it, say) is refused
    # by the server, and the agent reads why.
    editor.model.setData(editor.model.index(0, DISCOUNT_COLUMN), 15, Qt.ItemDataRole.EditRole)
    editor.save_button.click()
    reports.wait(qtbot, "edit_lines", ActionState.REJECTED)
    result = desk.window.wrapup.result
    qtbot.waitUntil(lambda: "may not exceed 10 % for you" in result.text(), timeout=5_000)
    assert result.text().startswith("Articles refused by the server")
    assert Decimal(desk.api(f"/orders/{order_id}")["lines"][0]["discount_pct"]) == 0

    # Within the limits: 5 % on the order, priced by the desk exactly as by the server.
    editor.model.setData(editor.model.index(0, DISCOUNT_COLUMN), 0, Qt.ItemDataRole.EditRole)
    editor.order_discount.setValue(5)
    priced = editor.reprice()
    assert priced is not None and priced.discount > 0
    editor.save_button.click()
    reports.wait(qtbot, "edit_lines", ActionState.ACCEPTED)
    order = desk.api(f"/orders/{order_id}")
    assert Decimal(order["order_discount_pct"]) == 5
    assert Decimal(order["total"]) == priced.total
    qtbot.waitUntil(lambda: "Order discount: 5 %" in panel.rescue_summary.text(), timeout=20_000)

    # A later delivery date, agreed with the customer, goes through the outbox.
    wanted = date.today() + timedelta(days=3)
    panel.delivery_date.setDate(QDate(wanted.year, wanted.month, wanted.day))
    panel.set_delivery_date.click()
    reports.wait(qtbot, "set_delivery_date", ActionState.ACCEPTED)
    assert desk.api(f"/orders/{order_id}")["delivery_date"] == wanted.isoformat()
    shown = f"Delivery on {wanted:%d/%m/%Y}"
    qtbot.waitUntil(lambda: shown in panel.rescue_summary.text(), timeout=20_000)
    assert workspace.current is not None and workspace.current.delivery_date == wanted

    # The server's history of the order lists what happened, in words.
    qtbot.waitUntil(lambda: "Delivery date set" in _history_actions(desk), timeout=20_000)
    assert "Articles changed" in _history_actions(desk)
    tree = panel.history
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    dated = next(row for row in rows if row.text(1) == "Delivery date set")
    assert dated.text(3) == desk.me
    assert dated.text(4) == f"delivery on {wanted:%d/%m/%Y}"

    # A note makes the agent the owner; opening another order gives the lease back
    # (the colleague may take it) but the ownership stays.
    desk.window.wrapup.note_text.setPlainText("Cliente d'accord pour une livraison plus tard")
    desk.window.wrapup.add_note.click()
    other = fresh_order(desk, skip=frozenset({order_id}))
    open_order(qtbot, desk, other)
    qtbot.waitUntil(lambda: desk.api(f"/orders/{order_id}")["lease"] is None, timeout=20_000)
    left = desk.api(f"/orders/{order_id}")
    assert left["owner_name"] == desk.me
    notes = desk.api(f"/orders/{order_id}/notes")
    assert [n["text"] for n in notes].count("Cliente d'accord pour une livraison plus tard") == 1
    assert desk.api(f"/orders/{other}")["lease"]["holder_name"] == desk.me

    # Quitting gives the open order back at once rather than when its lease runs out.
    desk.window.close()
    desk.running.shutdown()
    assert desk.api(f"/orders/{other}")["lease"] is None


def test_escalation_goes_to_the_lead_who_answers_or_takes_over(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    agent = open_desk(qtbot, tmp_path, shop_server, None, with_features=True)
    lead = open_desk(
        qtbot, tmp_path, shop_server, None, username="lead1", with_features=True, softphone=False
    )
    desks.extend([agent, lead])
    agent_reports, lead_reports = Reports(agent), Reports(lead)
    order_id = fresh_order(agent)
    open_order(qtbot, agent, order_id)

    # The agent escalates through the menu command and its dialog.
    def fill(dialog: EscalateDialog) -> bool:
        dialog.reasons.setCurrentIndex(dialog.reasons.findData("complaint"))
        dialog.message.setPlainText("Le client réclame un geste commercial de 20 %")
        return True

    agent.dialogs.answers.append(fill)
    assert agent.window.escalate_action.isEnabled()
    agent.window.escalate_action.trigger()
    agent_reports.wait(qtbot, "escalate", ActionState.ACCEPTED)
    banner = agent.window.order.escalation
    qtbot.waitUntil(lambda: _shown(banner), timeout=20_000)
    assert f"Escalated to the team lead by {agent.me}" in banner.text.text()
    assert "Complaint" in banner.text.text()
    assert not _shown(banner.answer)  # answering is the lead's

    # Another agent cannot take the order while it waits for the lead.
    refused = httpx.post(
        f"{shop_server.api}/orders/{order_id}/claim",
        json={},
        headers=_login(shop_server, "agent2"),
        timeout=10,
    )
    assert refused.status_code == 409 and refused.json()["code"] == "escalated"
    # Nor can the agent who escalated it, and the desk says why.
    agent.running.services.workspace.open_order(order_id)
    status = agent.window.statusBar()
    qtbot.waitUntil(
        lambda: status.currentMessage()
        == "This order waits for the team lead's answer: only a lead can take it.",
        timeout=20_000,
    )
    assert agent.window.order.read_only.isVisibleTo(agent.window)  # and the order says why
    assert not agent.window.wrapup.confirm.isEnabled()

    # The lead opens it: the banner offers Answer… and Take over.
    lead.running.services.workspace.open_order(order_id)
    lead_banner = lead.window.order.escalation
    qtbot.waitUntil(lambda: _shown(lead_banner.answer), timeout=20_000)
    assert _shown(lead_banner.take_over)

    def answer(dialog: EscalationAnswerDialog) -> bool:
        dialog.message.setPlainText("D'accord pour 10 % maximum, rappelez-le.")
        return True

    lead.dialogs.answers.append(answer)
    lead_banner.answer.click()
    lead_reports.wait(qtbot, "answer_escalation", ActionState.ACCEPTED)

    # Back at the agent's desk: the banner goes and the lead's answer is a note.
    qtbot.waitUntil(lambda: not _shown(banner), timeout=20_000)
    notes = agent.window.order.notes
    qtbot.waitUntil(
        lambda: any(
            "D'accord pour 10 % maximum" in notes.topLevelItem(i).text(2)
            for i in range(notes.topLevelItemCount())
        ),
        timeout=20_000,
    )
    assert agent.api(f"/orders/{order_id}")["owner_name"] == agent.me

    # Escalated again, this time the lead takes the order over.
    agent.running.services.workspace.open_order(order_id)
    qtbot.waitUntil(
        lambda: (
            (current := agent.running.services.workspace.current) is not None
            and current.holder == agent.me
        ),
        timeout=20_000,
    )
    agent.dialogs.answers.append(fill)
    agent.window.escalate_action.trigger()
    qtbot.waitUntil(lambda: _shown(banner), timeout=20_000)
    lead.running.services.workspace.open_order(order_id)
    qtbot.waitUntil(lambda: _shown(lead_banner.take_over), timeout=20_000)
    lead_banner.take_over.click()
    lead_reports.wait(qtbot, "take_escalation", ActionState.ACCEPTED)
    lead_me = lead.me
    qtbot.waitUntil(
        lambda: lead.window.order.holder.text() == "You hold this order", timeout=20_000
    )
    order = lead.api(f"/orders/{order_id}")
    assert order["escalation"] is None
    assert order["owner_name"] == lead_me and order["lease"]["holder_name"] == lead_me
    qtbot.waitUntil(
        lambda: agent.window.order.holder.text() == f"Held by {lead_me}", timeout=20_000
    )


def test_a_new_order_is_created_on_the_server_and_opens_in_the_agents_hands(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = open_desk(qtbot, tmp_path, shop_server, None, with_features=True)
    desks.append(desk)
    article = next(a for a in desk.api("/articles") if any(v["stock"] > 3 for v in a["variants"]))
    city = desk.api("/cities")[0]["name"]

    def fill(dialog: NewOrderDialog) -> bool:
        dialog.phone.setText("06 61 23 45 67")
        dialog.phone.editingFinished.emit()
        dialog.name.setText("Salma Bennani")
        dialog.address.setText("12 rue des Orangers")
        dialog.city.setEditText(city)
        dialog.lines.article_search.setText(f"{article['ref']} — {article['name']}")
        dialog.lines.quantity.setValue(2)
        dialog.lines.add_button.click()
        dialog.note.setPlainText("Commande prise au téléphone")
        dialog.buttons.accepted.emit()  # "Create order": the dialog checks what was typed
        return not dialog.error.text()

    desk.dialogs.answers.append(fill)
    assert desk.window.new_order_action.isEnabled()
    desk.window.new_order_action.trigger()

    workspace = desk.running.services.workspace
    qtbot.waitUntil(
        lambda: (
            workspace.current is not None
            and workspace.current.customer_name == "Salma Bennani"
            and workspace.current.holder == desk.me
        ),
        timeout=20_000,
    )
    current = workspace.current
    assert current is not None
    order = desk.api(f"/orders/{current.order_id}")
    assert order["source"] == "agent"
    assert order["customer"]["phones"] == ["+212661234567"]
    assert order["owner_name"] == desk.me and order["lease"]["holder_name"] == desk.me
    assert [(line["article_ref"], line["quantity"]) for line in order["lines"]] == [
        (article["ref"], 2)
    ]
    notes = desk.api(f"/orders/{current.order_id}/notes")
    assert [n["text"] for n in notes] == ["Commande prise au téléphone"]
    assert desk.window.order.title.text() == f"Order {order['reference']}"
    assert desk.window.wrapup.note_text.isEnabled()
