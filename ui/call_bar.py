"""The call bar: dial, hang up, mute, hold, keypad, transfer, timer, attempts.

Transfer to the lead is blind ("Transfer to lead") or attended: "Consult lead"
puts the customer on hold and calls the lead; the bar then offers "Complete
transfer" and "Back to customer" instead, and says where the consultation stands.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from app.services.order_rules import OrderVerdicts
from app.services.softphone_views import CallPhase, CallView, ConsultPhase
from core.domain_error import DomainError
from core.rulebook import Act
from ui.formatting import format_duration, format_time, phone_text
from ui.icons import icon
from ui.refusal_text import refusal_sentence


def _sentence(refused: DomainError) -> str:
    return refusal_sentence(refused.code, refused.params, refused.message)


_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


class DtmfKeypad(QWidget):
    """A 4x3 keypad that emits each digit pressed."""

    digit_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(4)
        for position, key in enumerate(_KEYS):
            button = QPushButton(key, self)
            button.setObjectName(f"dtmf_{key}")
            button.setFixedSize(44, 36)
            button.clicked.connect(lambda _c=False, k=key: self.digit_pressed.emit(k))
            grid.addWidget(button, position // 3, position % 3)


class CallBar(QFrame):
    """Call controls for the open order; emits what the agent asked for."""

    dial_requested = Signal(str)
    hangup_requested = Signal()
    mute_toggled = Signal(bool)
    hold_toggled = Signal(bool)
    dtmf_requested = Signal(str)
    transfer_requested = Signal()
    consult_requested = Signal()
    complete_transfer_requested = Signal()
    return_requested = Signal()
    whatsapp_requested = Signal()
    sms_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._call: CallView | None = None
        self._has_order = False
        self._refusals: dict[Act, DomainError | None] = {}

        self.number = QComboBox(self)
        self.number.setObjectName("dialNumber")
        self.number.setMinimumWidth(150)
        self.dial_button = QPushButton(icon("call"), self.tr("Call"), self)
        self.dial_button.setObjectName("dialButton")
        self.hangup_button = QPushButton(icon("hangup"), self.tr("Hang up"), self)
        self.hangup_button.setObjectName("hangupButton")
        self.mute_button = QPushButton(icon("mute"), self.tr("Mute"), self)
        self.mute_button.setCheckable(True)
        self.hold_button = QPushButton(icon("hold"), self.tr("Hold"), self)
        self.hold_button.setCheckable(True)
        self.keypad_button = QToolButton(self)
        self.keypad_button.setText(self.tr("Keypad"))
        self.keypad_button.setIcon(icon("keypad"))
        self.keypad_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.keypad_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.keypad = DtmfKeypad()
        menu = QMenu(self.keypad_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.keypad)
        menu.addAction(action)
        self.keypad_button.setMenu(menu)
        self.transfer_button = QPushButton(icon("transfer"), self.tr("Transfer to lead"), self)
        self.transfer_button.setObjectName("transferButton")
        self.transfer_button.setToolTip(
            self.tr("Send the customer to your lead at once, without talking to them first")
        )
        self.consult_button = QPushButton(icon("hold"), self.tr("Consult lead"), self)
        self.consult_button.setObjectName("consultButton")
        self.consult_button.setToolTip(
            self.tr("Put the customer on hold and call your lead before transferring")
        )
        self.complete_transfer_button = QPushButton(
            icon("transfer"), self.tr("Complete transfer"), self
        )
        self.complete_transfer_button.setObjectName("completeTransferButton")
        self.complete_transfer_button.setToolTip(
            self.tr("Hand the customer to your lead and free your line")
        )
        self.return_button = QPushButton(icon("call"), self.tr("Back to customer"), self)
        self.return_button.setObjectName("returnToCustomerButton")
        self.return_button.setToolTip(
            self.tr("End the call with your lead and take the customer off hold")
        )
        self.whatsapp_button = QPushButton(icon("whatsapp"), self.tr("WhatsApp"), self)
        self.whatsapp_button.setObjectName("whatsappButton")
        self.sms_button = QPushButton(icon("sms"), self.tr("SMS"), self)
        self.sms_button.setObjectName("smsButton")

        self.phase_label = QLabel(self)
        self.phase_label.setObjectName("callPhase")
        self.timer_label = QLabel("0:00", self)
        self.timer_label.setObjectName("callTimer")
        self.attempt_label = QLabel(self)
        self.attempt_label.setObjectName("attemptLabel")
        self.gap_label = QLabel(self)
        self.gap_label.setObjectName("gapLabel")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        for widget in (
            self.number,
            self.dial_button,
            self.hangup_button,
            self.mute_button,
            self.hold_button,
            self.keypad_button,
            self.transfer_button,
            self.consult_button,
            self.complete_transfer_button,
            self.return_button,
        ):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.timer_label)
        layout.addStretch(1)
        layout.addWidget(self.attempt_label)
        layout.addWidget(self.gap_label)
        layout.addSpacing(12)
        layout.addWidget(self.whatsapp_button)
        layout.addWidget(self.sms_button)

        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update_timer)

        self.dial_button.clicked.connect(self._on_dial)
        self.hangup_button.clicked.connect(self.hangup_requested)
        self.mute_button.toggled.connect(self.mute_toggled)
        self.hold_button.toggled.connect(self.hold_toggled)
        self.keypad.digit_pressed.connect(self.dtmf_requested)
        self.transfer_button.clicked.connect(self.transfer_requested)
        self.consult_button.clicked.connect(self.consult_requested)
        self.complete_transfer_button.clicked.connect(self.complete_transfer_requested)
        self.return_button.clicked.connect(self.return_requested)
        self.whatsapp_button.clicked.connect(self.whatsapp_requested)
        self.sms_button.clicked.connect(self.sms_requested)
        self.set_order(None)
        self.show_call(None)

    # -- what the window tells us ----------------------------------------
    def set_order(
        self, phones: tuple[str, ...] | None, verdicts: OrderVerdicts | None = None
    ) -> None:
        """The open order's numbers, and the rulebook's answer for calling and
        messaging its customer: each button is enabled from it and says why not."""
        selected = self.selected_number()
        self.number.clear()
        for phone in phones or ():
            self.number.addItem(phone_text(phone), phone)
        if selected:
            self.select_number(selected)
        has_order = bool(phones) and verdicts is not None
        self._refusals = {
            act: (verdicts.refusal(act) if verdicts is not None else None)
            for act in (Act.CALL, Act.WHATSAPP, Act.SMS)
        }
        self._has_order = has_order
        for act, button, tip in (
            (Act.WHATSAPP, self.whatsapp_button, self.tr("Send a WhatsApp message (Ctrl+W)")),
            (Act.SMS, self.sms_button, self.tr("Send an SMS")),
        ):
            refused = self._refusals[act]
            button.setEnabled(has_order and refused is None)
            button.setToolTip(tip if refused is None or not has_order else _sentence(refused))
        self._apply_dial()
        if verdicts is None or not has_order:
            self.attempt_label.clear()
            self.gap_label.clear()
            return
        cap, attempts = verdicts.attempt_cap, verdicts.attempts
        self.attempt_label.setText(
            self.tr("Attempt %1 of %2")
            .replace("%1", str(min(attempts + 1, cap)))
            .replace("%2", str(cap))
            if attempts < cap
            else self.tr("All %1 attempts used").replace("%1", str(cap))
        )
        allowed_at = verdicts.recheck_at
        self.gap_label.setText(
            self.tr("Next call from %1").replace("%1", format_time(allowed_at))
            if allowed_at is not None
            else ""
        )

    def call_refusal(self) -> DomainError | None:
        """Why Dial is off for the open order (None: the rulebook allows a call)."""
        return self._refusals.get(Act.CALL)

    def _apply_dial(self) -> None:
        """Dial follows the rulebook and the phone: never on during a call, never on
        when the rulebook refuses a call."""
        refused = self._refusals.get(Act.CALL)
        in_call = self._call is not None
        self.dial_button.setEnabled(
            self._has_order and refused is None and not in_call and self.number.count() > 0
        )
        if self._has_order and refused is not None:
            self.dial_button.setToolTip(_sentence(refused))
        else:
            self.dial_button.setToolTip(self.tr("Call (F5)"))

    def show_call(self, call: CallView | None) -> None:
        self._call = call if call is not None and call.phase != CallPhase.ENDED else None
        in_call = self._call is not None
        self.hangup_button.setEnabled(in_call)
        active = in_call and call is not None and call.phase == CallPhase.ACTIVE
        consult = call.consult if active and call is not None else None
        # While the lead is consulted the customer waits on hold: only the
        # consultation's own controls (and hanging up on the lead) make sense.
        with_customer = active and consult is None
        self.mute_button.setEnabled(with_customer)
        self.hold_button.setEnabled(with_customer)
        self.keypad_button.setEnabled(with_customer)
        self.transfer_button.setEnabled(with_customer)
        self.consult_button.setEnabled(with_customer)
        for button in (
            self.mute_button, self.hold_button, self.keypad_button,
            self.transfer_button, self.consult_button,
        ):
            button.setVisible(consult is None)  # room for the consultation's own
        self.complete_transfer_button.setVisible(consult is not None)
        self.return_button.setVisible(consult is not None)
        self.complete_transfer_button.setEnabled(consult is ConsultPhase.TALKING)
        self.return_button.setEnabled(consult in (ConsultPhase.CALLING, ConsultPhase.TALKING))
        self.hangup_button.setToolTip(
            self.tr("End the call with your lead") if consult is not None else self.tr("Hang up")
        )
        self._apply_dial()
        for button, checked in (
            (self.mute_button, bool(call and call.muted)),
            (self.hold_button, bool(call and call.on_hold)),
        ):
            button.blockSignals(True)
            button.setChecked(checked and in_call)
            button.blockSignals(False)
        phase = call.phase if call is not None else CallPhase.IDLE
        self.phase_label.setText(
            self._consult_text(consult) if consult is not None else self._phase_text(phase)
        )
        self.setProperty("phase", str(phase))
        self.style().unpolish(self)
        self.style().polish(self)
        if in_call:
            self._tick.start()
        else:
            self._tick.stop()
        self._update_timer()

    def selected_number(self) -> str | None:
        data = self.number.currentData()
        return str(data) if data else None

    def select_number(self, e164: str) -> None:
        index = self.number.findData(e164)
        if index >= 0:
            self.number.setCurrentIndex(index)

    # -- internals ----------------------------------------------------------
    def _phase_text(self, phase: CallPhase) -> str:
        return {
            CallPhase.IDLE: self.tr("No call"),
            CallPhase.DIALING: self.tr("Dialing…"),
            CallPhase.RINGING: self.tr("Ringing…"),
            CallPhase.INCOMING: self.tr("Incoming call"),
            CallPhase.ACTIVE: self.tr("In call"),
            CallPhase.ENDED: self.tr("Call ended"),
        }[phase]

    def _consult_text(self, consult: ConsultPhase) -> str:
        return {
            ConsultPhase.CALLING: self.tr("Calling your lead…"),
            ConsultPhase.TALKING: self.tr("Consulting your lead…"),
            ConsultPhase.TRANSFERRING: self.tr("Transferring to your lead…"),
        }[consult]

    def _update_timer(self) -> None:
        call = self._call
        if call is None:
            self.timer_label.setText("0:00")
            return
        since = call.answered_at or call.started_at
        seconds = (datetime.now(UTC) - since).total_seconds() if since else 0.0
        self.timer_label.setText(format_duration(seconds))

    def _on_dial(self) -> None:
        number = self.selected_number()
        if number:
            self.dial_requested.emit(number)
