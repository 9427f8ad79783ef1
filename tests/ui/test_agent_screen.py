"""The agent's screen through the real window on the demo shop's server: it fits
the desks (1,366 × 768 to 1,920 × 1,080, French and Arabic) without a cut text,
drop-downs show the row under the mouse, typed values are kept or refused in
words, forms start clean for each order, cancelling asks first, and Arabic dates
and amounts read in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, QSize, Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDoubleSpinBox,
    QLabel,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.services.order_views import JournalView
from app.services.workspace_store import ActionReport, ActionState
from tests.fixtures.server_process import REPO_ROOT, RunningServer
from tests.ui.clipping import clipped_widgets
from tests.ui.real_desks import Desk, fresh_order, open_desk, open_order
from ui.formatting import format_datetime, format_money
from ui.help_dialog import ShortcutsDialog
from ui.icons import stylesheet
from ui.main_window import initial_size
from ui.message_dialog import MessageDialog
from ui.new_order_dialog import NewOrderDialog
from ui.order_lines_model import DISCOUNT_COLUMN
from ui.shortcuts import shortcut_label
from ui.translations import install_language, remove_language

DESK_SIZES = ((1366, 768), (1600, 900), (1920, 1080))
#: A 768-px screen less a taskbar: what the window really gets.
LAPTOP_AVAILABLE = QSize(1366, 728)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The workspace's stylesheet, as the desktop installs it."""
    previous = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet("workspace"))
    yield qapp
    qapp.setStyleSheet(previous)


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    lang = getattr(request, "param", "fr")
    previous = QLocale()
    translators = install_language(qapp, lang)
    yield lang
    remove_language(translators)
    QLocale.setDefault(previous)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _english_sources() -> set[str]:
    """The English source texts that French translates to something else."""
    catalogue = REPO_ROOT / "resources" / "translations" / "hatif_fr.ts"
    found: set[str] = set()
    for message in ElementTree.parse(catalogue).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation")
        if translation and translation != source and len(source) > 3:
            found.add(source)
    return found


def _english_texts(window: QWidget) -> list[str]:
    """Visible labels, buttons and status-bar words still in English."""
    english = _english_sources()
    texts = [
        w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
        if w.isVisibleTo(window)
    ]
    texts += [a.text() for a in window.findChildren(QAction)]
    if isinstance(window, QMainWindow):
        texts.append(window.statusBar().currentMessage())
    return [t for t in texts if t.replace("&", "").split("\t")[0] in english]


def _desk(
    qtbot: QtBot, tmp_path: Path, server: RunningServer, desks: list[Desk], user: str = "agent1"
) -> Desk:
    desk = open_desk(qtbot, tmp_path, server, None, username=user, softphone=False)
    desks.append(desk)
    return desk


@pytest.mark.parametrize("language", ["fr", "ar"], indirect=True)
def test_the_workspace_fits_each_desk_and_cuts_no_text(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
    styled: QApplication, language: str,
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks, "agent1" if language == "fr" else "agent3")
    window = desk.window
    window.show()
    open_order(qtbot, desk, fresh_order(desk))
    # The predefined notes are the shop's (the demo shop has 11) behind the prompt.
    workspace = desk.running.services.workspace
    assert window.wrapup.predefined.count() == len(workspace.predefined_notes()) + 1 > 1
    for width, height in DESK_SIZES:
        window.resize(width, height)
        qtbot.wait(150)
        assert window.width() <= width and window.height() <= height, (width, height)
        assert clipped_widgets(window) == [], (language, width, height)
        # The queue shows whole columns, the most useful first, more as it widens.
        shown = window.queue.shown_columns()
        assert {"reference", "customer", "total"} <= set(shown), (width, shown)
        table = window.queue.table
        for column in range(len(shown) - 1):
            logical = table.horizontalHeader().logicalIndex(column)
            if not table.isColumnHidden(logical):
                assert table.columnWidth(logical) >= table.sizeHintForColumn(logical) - 1
    assert _english_texts(window) == [], language
    # A laptop's whole screen, never more, the first time the window opens.
    fitted = initial_size(LAPTOP_AVAILABLE)
    assert fitted.width() <= 1366 and fitted.height() < 728
    assert window.minimumSizeHint().width() <= fitted.width()
    assert window.minimumSizeHint().height() <= fitted.height()


@pytest.mark.parametrize("language", ["fr", "ar"], indirect=True)
def test_the_message_dialog_shows_its_buttons_whole(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
    styled: QApplication, language: str,
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks, "agent1" if language == "fr" else "agent3")
    open_order(qtbot, desk, fresh_order(desk))
    detail = desk.running.services.workspace.current
    assert detail is not None
    dialog = MessageDialog(desk.running.services.messaging, detail, "whatsapp", desk.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(100)
    assert clipped_widgets(dialog) == []
    assert dialog.cancel_button.text() == {"fr": "Annuler", "ar": "إلغاء"}[language]


def test_a_drop_down_draws_the_row_under_the_mouse(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk],
    styled: QApplication,
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks)
    window = desk.window
    window.show()
    open_order(qtbot, desk, fresh_order(desk))
    combo = window.wrapup.predefined
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.selectionModel().setCurrentIndex(
        view.model().index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.wait(100)
    image = view.viewport().grab().toImage()
    row = view.visualRect(view.model().index(2, 0))
    other = view.visualRect(view.model().index(4, 0))
    highlight = window.palette().color(QPalette.ColorRole.Highlight)

    def colours(rect: object) -> set[int]:
        return {
            image.pixel(x, rect.center().y())  # type: ignore[attr-defined]
            for x in range(rect.left() + 1, rect.right() - 1)  # type: ignore[attr-defined]
        }

    highlighted, plain = colours(row), colours(other)
    # The current row is drawn in the highlight, and its text on it is visible.
    assert QColor(highlight).rgb() in highlighted, (highlighted, plain)
    assert len(highlighted) > 2
    assert QColor(highlight).rgb() not in plain
    combo.hidePopup()


def test_a_discount_beyond_the_limit_is_refused_in_words_and_kept_as_typed(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks)
    window = desk.window
    window.show()
    open_order(qtbot, desk, fresh_order(desk))
    editor = window.order.lines
    assert editor.order_discount_limit() == 10
    spin = editor.order_discount
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "15")
    assert spin.value() == 15  # not turned into 1 behind the agent's back
    assert editor.discount_refusal.isVisible()
    assert "15 %" in editor.discount_refusal.text() and "10 %" in editor.discount_refusal.text()
    assert not editor.save_button.isEnabled()
    priced = editor.reprice()  # nothing priced beyond the limit
    assert priced is not None and priced.discount <= priced.subtotal * Decimal("0.10")
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "5")
    assert not editor.discount_refusal.isVisible()
    assert editor.save_button.isEnabled()

    # 12 % on a line: refused, the line keeps its discount, the reason is on screen.
    index = editor.model.index(0, DISCOUNT_COLUMN)
    editor.table.setFocus()
    editor.table.edit(index)
    line_editor = editor.table.findChild(QDoubleSpinBox, "lineDiscountEditor")
    assert line_editor is not None
    line_editor.lineEdit().selectAll()
    qtbot.keyClicks(line_editor.lineEdit(), "12")
    assert line_editor.value() == 12
    qtbot.keyClick(line_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "12 %" in editor.discount_refusal.text())
    assert "10 %" in editor.discount_refusal.text()
    assert editor.model.lines()[0].discount_pct == 0


def test_a_new_order_forgets_the_known_customer_when_the_phone_changes(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks)
    workspace = desk.running.services.workspace
    known = workspace.order_detail(fresh_order(desk))
    assert known is not None
    dialog = NewOrderDialog(workspace, desk.window)
    qtbot.addWidget(dialog)
    dialog.phone.setText(known.phones[0])
    dialog.phone.editingFinished.emit()
    assert dialog.name.text() and dialog.address.text()
    dialog.phone.setText("06 99 98 97 96")
    dialog.phone.editingFinished.emit()
    assert dialog.found.text() == "New customer"
    assert dialog.name.text() == "" and dialog.address.text() == ""
    # What the agent types by hand for a new customer stays.
    dialog.name.setText("Salma Berrada")
    dialog.phone.setText("06 99 98 97 95")
    dialog.phone.editingFinished.emit()
    assert dialog.name.text() == "Salma Berrada"


def test_wrap_up_starts_clean_cancel_asks_and_the_call_back_time_stays(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks)
    window, wrapup = desk.window, desk.window.wrapup
    window.show()
    # No order open: no invented date in the call-back field.
    assert "2000" not in wrapup.callback_at.text() and wrapup.callback_at.text().strip() == ""
    first = fresh_order(desk)
    open_order(qtbot, desk, first)
    # No delivery date agreed: the field is empty, not today.
    assert window.order.delivery_date.text().strip() == ""
    # The attempts tab and the call bar count the same attempts (the server's count).
    detail = desk.running.services.workspace.current
    assert detail is not None
    assert window.order.tabs.tabText(0) == f"Attempts ({detail.attempt_count})"
    wrapup.predefined.setCurrentIndex(2)
    wrapup.cancel_reason.setCurrentIndex(2)
    wrapup.note_text.setPlainText("Prix trop élevé pour elle")
    second = fresh_order(desk, skip=frozenset({first}))
    open_order(qtbot, desk, second)
    assert wrapup.predefined.currentIndex() == 0
    assert wrapup.cancel_reason.currentIndex() == 0
    assert wrapup.note_text.toPlainText() == ""

    # Cancelling asks first; "no" sends nothing.
    reference = desk.running.services.workspace.current.reference  # type: ignore[union-attr]
    wrapup.cancel_reason.setCurrentIndex(1)
    desk.dialogs.answers.append(False)
    wrapup.cancel.click()
    question = desk.dialogs.shown[-1]
    assert question[0] == "question" and reference in question[2]
    assert desk.running.services.workspace.pending_actions() == 0
    assert desk.api(f"/orders/{second}")["status"] != "cancelled"

    # A call-back at a chosen time: the field keeps it and the order page shows it.
    wanted = (datetime.now(UTC) + timedelta(hours=3)).replace(second=0, microsecond=0)
    wrapup._set_callback_time(wanted)
    chosen = wrapup.callback_at.text()
    desk.running.services.workspace.apply_remote_changes([second], False)
    wrapup.callback.click()
    label = window.order.callback_label
    qtbot.waitUntil(lambda: label.isVisible() and format_datetime(wanted) in label.text(),
                    timeout=15_000)
    assert wrapup.callback_at.text() == chosen


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_arabic_times_and_amounts_read_in_order(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk], language: str
) -> None:
    at = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    assert format_datetime(at).startswith("\u2066") and format_datetime(at).endswith("\u2069")
    assert format_money(Decimal("1265")).startswith("\u2066")
    desk = _desk(qtbot, tmp_path, shop_server, desks, "agent3")
    wrapup = desk.window.wrapup
    open_order(qtbot, desk, fresh_order(desk))
    slot = wrapup.slots.itemData(1)
    wrapup.slots.setCurrentIndex(1)
    wrapup.slots.activated.emit(1)
    # The field reads day/month/year then time, left to right, as the slot list does.
    assert wrapup.callback_at.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert wrapup.callback_at.text() == format_datetime(slot).strip("\u2066\u2069")
    assert wrapup.slots.itemText(1) == format_datetime(slot)


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_the_attempts_tab_shows_whole_dates_and_sip_answers_in_reading_order(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk], language: str
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks, "agent3")
    window = desk.window
    window.resize(1920, 1080)
    window.show()
    open_order(qtbot, desk, fresh_order(desk))
    panel = window.order
    assert panel.detail is not None
    at = datetime(2026, 12, 5, 13, 40, tzinfo=UTC)
    attempts = (
        JournalView(at, "call", "outbound", "+212661234567", "no_answer", 14, 0, 480,
                    "Temporarily Unavailable", "Meryem Chraibi"),
        JournalView(at + timedelta(hours=1), "call", "outbound", "+212661234567", "answered",
                    4, 174, 200, "OK", "Meryem Chraibi"),
    )
    panel.show_order(replace(panel.detail, journal=attempts))
    tree = panel.journal
    sip_column = 5
    assert tree.topLevelItem(0).text(sip_column) == "\u2066200 OK\u2069"
    assert tree.topLevelItem(1).text(sip_column) == "\u2066480 Temporarily Unavailable\u2069"
    metrics = tree.fontMetrics()
    for row in range(tree.topLevelItemCount()):
        for column in range(tree.columnCount() - 1):
            text = tree.topLevelItem(row).text(column)
            assert tree.columnWidth(column) >= metrics.horizontalAdvance(text), (row, text)


@pytest.mark.parametrize("language", ["fr"], indirect=True)
def test_words_agree_and_each_shortcut_has_one_name(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk], language: str
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks)
    window = desk.window
    wrapup = window.wrapup
    for kind in ("edit_lines", "callback", "confirm"):
        text, _state = wrapup.report_text(
            ActionReport("op", 1, kind, ActionState.ACCEPTED), "CMD-1"
        )
        assert "acceptée" not in text and "accepté :" in text, text
    # Confirm is named the same in the menu, the tooltip and Help: Ctrl+Entrée.
    assert window.confirm_action.text().endswith("\tCtrl+Entrée")
    assert wrapup.confirm.toolTip().endswith("(Ctrl+Entrée)") or not wrapup.confirm.isEnabled()
    assert shortcut_label("Ctrl+Shift+W") == "Ctrl+Maj+W"
    dialog = ShortcutsDialog({}, window)
    qtbot.addWidget(dialog)
    keys = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert "Ctrl+Entrée" in keys and "Ctrl+Maj+W" in keys
    # A pause reason is not "Pause : pause".
    menu = window.status.agent_state.menu()
    assert menu is not None
    assert all(a.text().lower() != "pause : pause" for a in menu.actions())


def test_the_queue_keeps_its_scroll_position_when_changes_arrive(
    qtbot: QtBot, tmp_path: Path, shop_server: RunningServer, desks: list[Desk]
) -> None:
    desk = _desk(qtbot, tmp_path, shop_server, desks)
    window = desk.window
    window.resize(1366, 768)
    window.show()
    open_order(qtbot, desk, fresh_order(desk))
    bar = window.queue.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 40)
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    # A note on the open order: the queue reloads, the agent's place stays.
    with qtbot.waitSignal(window.queue.model.query_applied, timeout=10_000):
        window.queue.reload()
    assert bar.value() == where
