"""The agent's workspace window: queue, open order, call bar, wrap-up, status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout, QWidget

from app.services.desktop_services import DesktopServices
from app.services.order_views import OrderDetail
from app.services.presence_service import PauseReason
from app.services.softphone_views import AttemptFinished, InboundCall
from app.services.workspace_store import ActionReport, ActionState, ClaimResult
from core.dispositions import Disposition, cancel_reason_label
from core.order_status import is_open
from ui.call_bar import CallBar
from ui.callback_reminder import CallbackReminder
from ui.dashboard_dialog import DashboardDialog
from ui.dialog_service import DialogService
from ui.escalate_dialog import EscalateDialog, EscalationAnswerDialog
from ui.help_dialog import ShortcutsDialog
from ui.icons import icon
from ui.inbound_call_popup import InboundCallPopup
from ui.message_dialog import MessageDialog
from ui.new_order_dialog import NewOrderDialog
from ui.order_panel import OrderPanel
from ui.queue_panel import QueuePanel
from ui.readable_combos import make_popups_readable
from ui.shortcuts import shortcut_keys, shortcut_label
from ui.status_bar import WorkspaceStatusBar
from ui.workspace_panes import WorkspacePanes
from ui.wrapup_panel import WrapUpPanel

#: Room left on the screen for the window's title bar and frame.
TITLE_BAR_ALLOWANCE = 32


def initial_size(available: QSize) -> QSize:
    """The window's size on a screen whose free area is ``available``: all of it up
    to 1,920 × 1,080, less the title bar the window manager adds."""
    return QSize(
        min(available.width(), 1920), min(available.height() - TITLE_BAR_ALLOWANCE, 1080)
    )


class WorkspaceWindow(QMainWindow):
    """Where the agent spends the day; everything goes through the services."""

    settings_requested = Signal()
    profile_requested = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        services: DesktopServices,
        dialogs: DialogService,
        shortcut_overrides: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self._shortcuts = shortcut_overrides or {}
        workspace = services.workspace
        self.setObjectName("workspaceWindow")
        self.setWindowTitle(self.tr("Hatif — %1").replace("%1", services.identity.display_name))
        self.setWindowIcon(icon("hatif"))

        self.call_bar = CallBar(self)
        self.queue = QueuePanel(
            workspace.queue, services.identity.display_name, self, services.runner
        )
        self.order = OrderPanel(workspace, self)
        self.wrapup = WrapUpPanel(self)
        self.wrapup.set_choices(workspace.predefined_notes(), workspace.cancel_reasons())
        self.reminder = CallbackReminder(workspace.queue, self)
        self.status = WorkspaceStatusBar(self)
        self.setStatusBar(self.status)
        self.inbound = InboundCallPopup(self)
        self.dashboard: DashboardDialog | None = None
        self._shown_order_id: int | None = None

        self.panes = WorkspacePanes(self.queue, self.order, self.wrapup, self)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.call_bar)
        layout.addWidget(self.reminder)
        layout.addWidget(self.panes, 1)
        self.setCentralWidget(central)

        make_popups_readable(self)
        self._build_menus()
        self._connect()
        self.queue.set_cities(workspace.cities())
        self.queue.apply_filters()
        self.status.show_connection(services.connection.view)
        self.status.show_presence(services.presence.view)
        if services.softphone is not None:
            self.status.show_registration(services.softphone.registration)
        self._show_current(workspace.current)
        self.reminder.check()
        self._restore_geometry()

    # -- menus and shortcuts ---------------------------------------------
    def _action(self, text: str, command: str | None, slot: object, icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon("none"), text, self)
        if command is not None:
            keys = shortcut_keys(command, self._shortcuts)
            action.setShortcut(QKeySequence(keys))
            # The menu shows this name after the tab, the same as Help and tooltips.
            action.setText(f"{text}\t{shortcut_label(keys)}")
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setObjectName(f"action_{command}")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_order_action = self._action(
            self.tr("New order…"), None, self._on_new_order, "new_order"
        )
        file_menu.addAction(self.new_order_action)
        file_menu.addAction(
            self._action(self.tr("My profile…"), None, self.profile_requested.emit, "user")
        )
        file_menu.addAction(
            self._action(self.tr("Settings…"), None, self.settings_requested.emit, "settings")
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Sign out"), None, self.sign_out_requested.emit))
        file_menu.addAction(self._action(self.tr("Quit"), None, self.close))

        order_menu = bar.addMenu(self.tr("&Order"))
        self.next_action = self._action(
            self.tr("Next order"), "next_order", self.services.workspace.next_order, "next"
        )
        order_menu.addAction(self.next_action)
        self.confirm_action = self._action(
            self.tr("Confirm"), "confirm", self.wrapup.confirm.click, "confirm"
        )
        order_menu.addAction(self.confirm_action)
        order_menu.addAction(
            self._action(self.tr("Write a note"), "note", self.wrapup.focus_note, "note")
        )
        self.escalate_action = self._action(
            self.tr("Escalate to the team lead…"), None, self._on_escalate, "escalate"
        )
        order_menu.addAction(self.escalate_action)
        order_menu.addAction(
            self._action(self.tr("Search the queue"), "search", self.queue.focus_search, "search")
        )

        call_menu = bar.addMenu(self.tr("&Call"))
        call_menu.addAction(
            self._action(self.tr("Call"), "dial", self.call_bar.dial_button.click, "call")
        )
        call_menu.addAction(self._action(self.tr("Hang up"), "hangup", self._on_hangup, "hangup"))
        call_menu.addAction(
            self._action(
                self.tr("WhatsApp…"), "whatsapp", lambda: self._on_message("whatsapp"), "whatsapp"
            )
        )
        call_menu.addAction(
            self._action(self.tr("SMS…"), None, lambda: self._on_message("sms"), "sms")
        )

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(
            self._action(self.tr("My day"), "dashboard", self._on_dashboard, "dashboard")
        )

        # Commands the server does not offer yet stay visible but off, and say why.
        for action, feature in (
            (self.new_order_action, "create_order"),
            (self.escalate_action, "escalate"),
        ):
            if feature not in self.services.features:
                action.setEnabled(False)
                action.setToolTip(self.tr("Not available on this server yet."))
                action.setStatusTip(self.tr("Not available on this server yet."))

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu = help_menu
        help_menu.addAction(
            self._action(self.tr("Keyboard shortcuts"), None, self._on_shortcuts_help)
        )

    def add_team_menu(
        self, show_wallboard: Callable[[], object], show_reports: Callable[[], object]
    ) -> QMenu:
        """The Team menu (wallboard, reports) before Help; the desktop adds it for leads."""
        menu = QMenu(self.tr("&Team"), self)
        menu.setObjectName("teamMenu")
        self.wallboard_action = self._action(
            self.tr("Wallboard"), "wallboard", show_wallboard, "dashboard"
        )
        self.reports_action = self._action(self.tr("Reports"), "reports", show_reports)
        menu.addAction(self.wallboard_action)
        menu.addAction(self.reports_action)
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        return menu

    # -- wiring ------------------------------------------------------------
    def _connect(self) -> None:
        s = self.services
        workspace = s.workspace
        self.queue.order_activated.connect(workspace.open_order)
        self.reminder.open_requested.connect(workspace.open_order)
        self.order.open_order_requested.connect(workspace.open_order)
        self.order.answer_escalation_requested.connect(self._on_answer_escalation)
        workspace.current_order_changed.connect(self._show_current)
        workspace.orders_changed.connect(self.queue.model.refresh_rows)
        workspace.queue_changed.connect(self.queue.reload)
        workspace.reference_changed.connect(self._on_reference_changed)
        workspace.claim_refused.connect(self._on_claim_refused)
        workspace.claim_granted.connect(lambda _order_id: self.wrapup.clear_conflict())
        workspace.action_reported.connect(self._on_action_reported)
        self.order.dial_requested.connect(self._on_dial)
        self.call_bar.dial_requested.connect(self._on_dial)
        self.call_bar.hangup_requested.connect(self._on_hangup)
        self.call_bar.whatsapp_requested.connect(lambda: self._on_message("whatsapp"))
        self.call_bar.sms_requested.connect(lambda: self._on_message("sms"))
        self.wrapup.note_requested.connect(self._on_note)
        self.wrapup.disposition_requested.connect(self._on_disposition)
        self.wrapup.ask_cancel = self._ask_cancel
        s.presence.state_changed.connect(self.status.show_presence)
        s.connection.changed.connect(self.status.show_connection)
        self.status.available_requested.connect(s.presence.set_available)
        self.status.pause_requested.connect(self._on_pause)
        phone = s.softphone
        if phone is not None:
            phone.call_changed.connect(self.call_bar.show_call)
            phone.registration_changed.connect(self.status.show_registration)
            phone.attempt_finished.connect(self._on_attempt_finished)
            phone.incoming_call.connect(self._on_incoming)
            phone.headset_lost.connect(self._on_headset_lost)
            phone.refused.connect(lambda _code, text: self.statusBar().showMessage(text, 6000))
            self.call_bar.mute_toggled.connect(phone.set_muted)
            self.call_bar.hold_toggled.connect(phone.set_on_hold)
            self.call_bar.dtmf_requested.connect(phone.send_dtmf)
            self.call_bar.transfer_requested.connect(phone.transfer_to_lead)
            self.inbound.answer_requested.connect(self._on_answer_inbound)
            self.inbound.decline_requested.connect(phone.decline)
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._refresh_time_bound)
        self._clock.start()

    # -- showing the open order -----------------------------------------------
    def _show_current(self, detail: OrderDetail | None) -> None:
        workspace = self.services.workspace
        self.order.show_order(detail)
        if detail is None:
            self.call_bar.set_order(None, 0, workspace.attempt_cap(), None)
            self.wrapup.set_order(None, None, ())
            self._shown_order_id = None
            return
        # Scroll to the order when it is opened, not each time it is refreshed after
        # an action: the agent's place in the queue stays where it was.
        self.queue.select_order(detail.order_id, scroll=detail.order_id != self._shown_order_id)
        self._shown_order_id = detail.order_id
        self.call_bar.set_order(
            detail.phones,
            detail.attempt_count,
            workspace.attempt_cap(),
            workspace.next_call_allowed_at(detail),
            closed=not is_open(detail.status),
        )
        if self.services.softphone is not None:
            self.call_bar.show_call(self.services.softphone.call)
        self.wrapup.set_order(
            detail,
            workspace.confirm_blocker(detail),
            workspace.callback_slots(datetime.now(UTC)),
            workspace.is_editable(detail),
        )

    def _refresh_time_bound(self) -> None:
        """Gap timers and due callbacks move with the clock."""
        self.reminder.check()
        detail = self.services.workspace.current
        phone = self.services.softphone
        if detail is not None and (phone is None or phone.call is None):
            self.call_bar.set_order(
                detail.phones,
                detail.attempt_count,
                self.services.workspace.attempt_cap(),
                self.services.workspace.next_call_allowed_at(detail),
                closed=not is_open(detail.status),
            )

    # -- slots ------------------------------------------------------------------
    def _current_id(self) -> int | None:
        detail = self.services.workspace.current
        return detail.order_id if detail is not None else None

    def _on_dial(self, number: str) -> None:
        phone = self.services.softphone
        if phone is None:
            self.dialogs.warn(
                self, self.tr("Phone unavailable"), self.tr("The softphone could not start.")
            )
            return
        self.call_bar.select_number(number)
        phone.dial(self._current_id(), number)

    def _on_hangup(self) -> None:
        if self.services.softphone is not None:
            self.services.softphone.hangup()

    def _on_attempt_finished(self, finished: AttemptFinished) -> None:
        self.services.workspace.apply_remote_changes(
            [finished.order_id] if finished.order_id is not None else [], False
        )
        self.services.stats.notify_changed()

    def _on_note(self, text: str, predefined: object) -> None:
        order_id = self._current_id()
        if order_id is None:
            return
        self.services.workspace.add_note(order_id, text, predefined)  # type: ignore[arg-type]

    def _on_disposition(self, disposition: Disposition, reason: object, at: object) -> None:
        detail = self.services.workspace.current
        if detail is None:
            return
        self.services.workspace.dispose(
            detail.order_id,
            disposition,
            reason=reason if isinstance(reason, str) else None,
            callback_at=at if isinstance(at, datetime) else None,
            version=detail.version,
        )
        self.services.presence.wrap_up_done()
        self.services.stats.notify_changed()

    def _ask_cancel(self, reason: str) -> bool:
        """Cancelling cannot be undone by an agent: one question before it goes."""
        detail = self.services.workspace.current
        reference = detail.reference if detail is not None else ""
        return self.dialogs.confirm(
            self,
            self.tr("Cancel the order"),
            self.tr("Cancel order %1 for the reason “%2”? The customer will not receive it.")
            .replace("%1", reference)
            .replace("%2", cancel_reason_label(reason)),
        )

    def _on_claim_refused(self, result: ClaimResult) -> None:
        if result.code == "queue_empty" or result.code == "nothing_to_claim":
            text = self.tr("No order is waiting right now.")
        elif result.code == "escalated":
            text = self.tr("This order waits for the team lead's answer: only a lead can take it.")
        elif result.holder_name:
            text = self.tr("%1 already holds this order.").replace("%1", result.holder_name)
        elif result.code == "offline":
            text = self.tr(
                "You are offline: new orders cannot be taken until the server is back. "
                "You can keep working on the orders you already hold."
            )
        else:
            text = result.message or self.tr("The server did not give you this order.")
        self.wrapup.result.setText(text)
        self.wrapup.result.setProperty("state", "conflict")
        self.statusBar().showMessage(text, 8000)

    def _on_action_reported(self, report: ActionReport) -> None:
        """Reports on the open order go to the wrap-up; refusals elsewhere to the status bar."""
        if report.order_id is not None and report.order_id == self._current_id():
            self.wrapup.show_report(report)
            return
        if report.state in (ActionState.CONFLICT, ActionState.REJECTED):
            reference = str(report.order_id or "")
            detail = (
                self.services.workspace.order_detail(report.order_id)
                if report.order_id is not None
                else None
            )
            if detail is not None:
                reference = detail.reference
            text, _state = self.wrapup.report_text(report, reference)
            self.statusBar().showMessage(text, 15_000)

    def _on_reference_changed(self) -> None:
        workspace = self.services.workspace
        self.queue.set_cities(workspace.cities())
        self.wrapup.set_choices(workspace.predefined_notes(), workspace.cancel_reasons())

    def _on_pause(self, reason: PauseReason) -> None:
        self.services.presence.pause(reason)

    def _on_headset_lost(self, description: str) -> None:
        self.dialogs.warn(
            self,
            self.tr("Headset unplugged"),
            self.tr(
                "The headset “%1” disappeared. You are paused until you choose "
                "another device or plug it back in."
            ).replace("%1", description),
        )

    def _on_incoming(self, call: InboundCall) -> None:
        self.inbound.show_call(call)

    def _on_answer_inbound(self, handle: int, order_id: object) -> None:
        phone = self.services.softphone
        if phone is None:
            return
        oid = order_id if isinstance(order_id, int) else None
        phone.answer(handle, oid)
        if oid is not None:
            self.services.workspace.open_order(oid)

    def _on_message(self, channel: str) -> None:
        detail = self.services.workspace.current
        if detail is None or not detail.phones:
            return
        dialog = MessageDialog(self.services.messaging, detail, channel, self)
        if self.dialogs.run(dialog):
            self.services.messaging.launch(
                detail, channel, dialog.number(), dialog.template(), dialog.text()
            )
            self.services.workspace.apply_remote_changes([detail.order_id], False)

    def _on_escalate(self) -> None:
        detail = self.services.workspace.current
        if detail is None:
            return
        dialog = EscalateDialog(self)
        if self.dialogs.run(dialog):
            self.services.workspace.escalate(detail.order_id, dialog.reason(), dialog.text())

    def _on_answer_escalation(self, order_id: int) -> None:
        detail = self.services.workspace.order_detail(order_id)
        dialog = EscalationAnswerDialog(detail.reference if detail else str(order_id), self)
        if self.dialogs.run(dialog) and dialog.text():
            self.services.workspace.answer_escalation(order_id, dialog.text())

    def _on_new_order(self) -> None:
        dialog = NewOrderDialog(self.services.workspace, self)
        if self.dialogs.run(dialog):
            request = dialog.request()
            self.services.workspace.create_order(**request)

    def _on_dashboard(self) -> None:
        if self.dashboard is None:
            self.dashboard = DashboardDialog(self.services.stats, self)
        self.dashboard.refresh()
        self.dashboard.show()
        self.dashboard.raise_()

    def _on_shortcuts_help(self) -> None:
        self.dialogs.run(ShortcutsDialog(self._shortcuts, self))

    # -- geometry ---------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The last geometry, or the whole available screen (up to 1,920 × 1,080) the
        first time; never larger than the screen it opens on."""
        settings = QSettings()
        geometry = settings.value("workspace/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        screen = self.screen()
        available = screen.availableGeometry().size() if screen is not None else QSize(1366, 728)
        fitted = initial_size(available)
        if geometry is None or self.width() > available.width() or self.height() > fitted.height():
            self.resize(fitted.boundedTo(self.size()) if geometry is not None else fitted)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("workspace/geometry", self.saveGeometry())
        super().closeEvent(event)
