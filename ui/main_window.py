"""The agent's workspace window: queue, open order, call bar, wrap-up, status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout, QWidget

from app.services.desktop_services import DesktopServices
from app.services.messaging_service import LaunchOutcome
from app.services.order_rules import OrderVerdicts
from app.services.order_views import OrderDetail
from app.services.presence_service import PauseReason
from app.services.softphone_views import AttemptFinished, InboundCall
from app.services.workspace_store import ActionReport, ActionState, ClaimResult
from core.attempt_policy import Channel
from core.dispositions import Disposition, cancel_reason_label
from core.domain_error import DomainError
from core.rulebook import Act, contact_act
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
from ui.refusal_text import refusal_sentence
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


#: Claim refusals the order panel already states (the order opens read-only with them).
_SAID_BY_THE_ORDER = frozenset({"lease_held", "owned_by_other", "escalated"})


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
        self.reminder = CallbackReminder(
            workspace.queue, self, include_unowned=workspace.remind_pool_callbacks
        )
        self.status = WorkspaceStatusBar(self)
        self.setStatusBar(self.status)
        self.inbound = InboundCallPopup(self)
        self.dashboard: DashboardDialog | None = None
        self._checking = False  # an attempt check is on its way to the server
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
        self.order.grant_attempt_requested.connect(workspace.grant_attempt)
        workspace.attempt_refused.connect(self._on_attempt_refused)
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
            phone.incoming_ended.connect(self.inbound.dismiss)
            phone.headset_lost.connect(self._on_headset_lost)
            phone.refused.connect(self._on_phone_refused)
            self.call_bar.mute_toggled.connect(phone.set_muted)
            self.call_bar.hold_toggled.connect(phone.set_on_hold)
            self.call_bar.dtmf_requested.connect(phone.send_dtmf)
            self.call_bar.transfer_requested.connect(phone.transfer_to_lead)
            self.call_bar.consult_requested.connect(phone.consult_lead)
            self.call_bar.complete_transfer_requested.connect(phone.complete_transfer)
            self.call_bar.return_requested.connect(phone.return_to_customer)
            self.inbound.answer_requested.connect(self._on_answer_inbound)
            self.inbound.decline_requested.connect(phone.decline)
            # A customer who called in and was typed in as a new order: that call is
            # the contact on the new order.
            workspace.order_created.connect(phone.attach_inbound_call)
        self._gap_timer = QTimer(self)
        self._gap_timer.setSingleShot(True)
        self._gap_timer.timeout.connect(self._refresh_contact)
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._refresh_time_bound)
        self._clock.start()

    # -- showing the open order -----------------------------------------------
    def _show_current(self, detail: OrderDetail | None) -> None:
        """Draw the open order; every control follows one rulebook answer (verdicts)."""
        workspace = self.services.workspace
        self._gap_timer.stop()
        if detail is None:
            self.order.show_order(None)
            self.call_bar.set_order(None)
            self.wrapup.set_order(None, None, ())
            self._show_escalate(None)
            self._shown_order_id = None
            return
        verdicts = workspace.verdicts(detail)
        self.order.show_order(detail, verdicts)
        # Scroll to the order when it is opened, not each time it is refreshed after
        # an action: the agent's place in the queue stays where it was.
        self.queue.select_order(detail.order_id, scroll=detail.order_id != self._shown_order_id)
        self._shown_order_id = detail.order_id
        self.call_bar.set_order(detail.phones, verdicts)
        if self.services.softphone is not None:
            self.call_bar.show_call(self.services.softphone.call)
        self.wrapup.set_order(detail, verdicts, workspace.callback_slots(datetime.now(UTC)))
        self._show_escalate(verdicts)
        recheck = verdicts.recheck_at
        if recheck is not None:
            # The call gap ends by itself: ask the rulebook again then, so Dial comes back.
            wait_ms = (recheck - datetime.now(UTC)).total_seconds() * 1000
            self._gap_timer.start(max(0, min(int(wait_ms) + 50, 24 * 3600 * 1000)))

    def _show_escalate(self, verdicts: OrderVerdicts | None) -> None:
        if "escalate" not in self.services.features:
            return  # off and saying so since the menus were built
        refused = verdicts.refusal(Act.ESCALATE) if verdicts is not None else None
        self.escalate_action.setEnabled(verdicts is not None and refused is None)
        tip = (
            refusal_sentence(refused.code, refused.params, refused.message)
            if refused is not None
            else self.tr("Escalate to the team lead…")
        )
        self.escalate_action.setToolTip(tip)
        self.escalate_action.setStatusTip(tip)

    def _refresh_time_bound(self) -> None:
        """Due callbacks and the rulebook's time-bound answers move with the clock."""
        self.reminder.check()
        self._refresh_contact()

    def _refresh_contact(self) -> None:
        """Ask the rulebook again about calling and messaging (the call gap passes by
        itself); the rest of the order, and what the agent is typing, stay as they are."""
        detail = self.services.workspace.current
        if detail is None:
            return
        verdicts = self.services.workspace.verdicts(detail)
        self.call_bar.set_order(detail.phones, verdicts)
        phone = self.services.softphone
        if phone is not None:
            self.call_bar.show_call(phone.call)
        self.order.show_contact(verdicts)
        recheck = verdicts.recheck_at
        if recheck is not None:
            wait_ms = (recheck - datetime.now(UTC)).total_seconds() * 1000
            self._gap_timer.start(max(0, min(int(wait_ms) + 50, 24 * 3600 * 1000)))

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
        detail = self.services.workspace.current
        if detail is None or self._checking:
            return
        self.call_bar.select_number(number)
        order_id = detail.order_id

        def dial() -> None:
            self._checking = False
            if phone.call is None and self._current_id() == order_id:
                phone.dial(order_id, number)
            self.call_bar.show_call(phone.call)

        self._ask_before_contact(order_id, Channel.CALL, dial)

    def _ask_before_contact(self, order_id: int, channel: Channel, go: Callable[[], None]) -> None:
        """The rulebook first (nothing leaves when it refuses), then the server's word
        (it counts every desk's attempts), then ``go``."""
        workspace = self.services.workspace
        detail = workspace.current
        if detail is None or detail.order_id != order_id:
            return
        refused = workspace.verdicts(detail).refusal(contact_act(channel))
        if refused is not None:
            self._on_attempt_refused(order_id, refused)
            return
        self._checking = True
        self.call_bar.dial_button.setEnabled(False)
        workspace.check_attempt(order_id, channel, go)

    def _on_attempt_refused(self, order_id: int, refused: DomainError) -> None:
        self._checking = False
        if order_id != self._current_id():
            return
        text = refusal_sentence(refused.code, refused.params, refused.message)
        self.wrapup.show_refusal(text)
        self.statusBar().showMessage(text, 10_000)
        self.services.workspace.reload_current()

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
        elif result.code:
            # The one table of refusals (e.g. lease_cap_reached), the server's sentence
            # for a code it does not know.
            text = refusal_sentence(
                result.code,
                result.params,
                result.message or self.tr("The server did not give you this order."),
            )
        else:
            text = result.message or self.tr("The server did not give you this order.")
        self.statusBar().showMessage(text, 8000)
        if result.order_id == self._current_id() and result.code in _SAID_BY_THE_ORDER:
            return  # the order opens read-only; the order panel says why (the rulebook)
        self.wrapup.show_refusal(text)

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
        self.reminder.check()  # the shop may have changed whose call-backs to remind

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
        if detail is None or not detail.phones or self._checking:
            return

        def compose() -> None:
            self._checking = False
            current = self.services.workspace.current
            if current is None or current.order_id != detail.order_id:
                return
            dialog = MessageDialog(self.services.messaging, current, channel, self)
            if not self.dialogs.run(dialog):
                return
            gateway = channel == "sms" and self.services.messaging.sms_through_gateway()
            if gateway:
                # The gateway answers in the background; the window stays at hand.
                self.statusBar().showMessage(self.tr("Sending the SMS through the gateway…"))
            self.services.messaging.launch(
                current,
                channel,
                dialog.number(),
                dialog.template(),
                dialog.text(),
                dialog.message_kind(),
                lambda outcome: self._on_message_outcome(
                    current.order_id, channel, gateway, outcome
                ),
            )

        self._ask_before_contact(detail.order_id, Channel(channel), compose)

    def _on_message_outcome(
        self, order_id: int, channel: str, gateway: bool, outcome: LaunchOutcome
    ) -> None:
        """What became of a message, said when it is known (a gateway's answer comes
        after the dialog closed, perhaps on another order)."""
        if outcome.op_id:
            self.services.workspace.apply_remote_changes([order_id], False)
        if not outcome.launched:
            if gateway:
                self.statusBar().clearMessage()
            self.dialogs.warn(
                self,
                self.tr("Message not sent"),
                self._launch_failure(channel, outcome.error_code or ""),
            )
        elif gateway:
            self.statusBar().showMessage(self.tr("SMS sent through your team's gateway."), 6000)

    def _on_phone_refused(self, code: str, text: str) -> None:
        texts = {
            "no_lead_extension": self.tr(
                "No team-lead extension is set: your lead sets it in the team settings."
            ),
            "call_in_progress": self.tr("Hang up the current call first."),
            "lead_busy": self.tr("Your lead is busy: you are back with the customer."),
            "lead_no_answer": self.tr(
                "Your lead did not answer: you are back with the customer."
            ),
            "lead_unreachable": self.tr(
                "Your lead's phone cannot be reached: you are back with the customer."
            ),
            "lead_hung_up": self.tr("Your lead hung up: you are back with the customer."),
            "transfer_failed": self.tr(
                "The transfer did not go through: you are still with your lead, "
                "the customer on hold."
            ),
            "customer_hung_up": self.tr("The customer hung up during the consultation."),
        }
        self.statusBar().showMessage(texts.get(code, text), 6000)

    def _launch_failure(self, channel: str, code: str) -> str:
        """Why nothing reached the customer, in the agent's language."""
        texts = {
            "gateway_timeout": self.tr(
                "The SMS gateway did not answer in time: the SMS was not sent."
            ),
            "gateway_unreachable": self.tr(
                "The SMS gateway cannot be reached: the SMS was not sent."
            ),
            "gateway_refused": self.tr("The SMS gateway refused the message: it was not sent."),
            "whatsapp_call_unsupported": self.tr(
                "WhatsApp calls are not available on this computer."
            ),
        }
        if code in texts:
            return texts[code]
        if code == "open_failed":
            return (
                self.tr(
                    "WhatsApp could not be opened: no application on this computer opens "
                    "WhatsApp links. The attempt is in the journal as failed."
                )
                if channel == "whatsapp"
                else self.tr(
                    "No SMS application on this computer opens the message. "
                    "The attempt is in the journal as failed."
                )
            )
        return self.tr("This number cannot receive messages.")

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
