"""Wrap-up: a predefined note or free text, then a disposition.

Every button is enabled from the rulebook's answer (``core.rulebook``: e.g.
Confirm only after a contact, closing only with the order's lease) and its
tooltip says why not; cancel needs a reason, call back a time (the best
slots are offered). The last line tells the agent whether the server accepted it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.order_rules import OrderVerdicts
from app.services.order_views import OrderDetail
from app.services.workspace_store import ActionReport, ActionState
from core.dispositions import Disposition, PredefinedNote, cancel_reason_label
from core.rulebook import Act
from ui.formatting import DATETIME_FORMAT, format_datetime, reading_order_locale
from ui.icons import icon
from ui.refusal_text import lost_lease_text, reason_text, refusal_sentence
from ui.shortcuts import shortcut_label

# Combos shrink with the window instead of forcing it wider than a laptop screen.
_SHRINKABLE = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon


class WrapUpPanel(QGroupBox):
    """Notes and dispositions for the open order."""

    note_requested = Signal(str, object)  # text, PredefinedNote | None
    disposition_requested = Signal(object, object, object)  # Disposition, reason, callback_at

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Wrap-up"))
        self.setObjectName("wrapUp")
        self._notes: list[PredefinedNote] = []
        #: Asked with the reason before a cancellation goes; the window asks the agent.
        self.ask_cancel: Callable[[str], bool] = lambda _reason: True
        self._reference = ""

        self.predefined = QComboBox(self)
        self.predefined.setSizeAdjustPolicy(_SHRINKABLE)
        self.predefined.setMinimumContentsLength(8)
        self.predefined.setObjectName("predefinedNote")
        self.note_text = QPlainTextEdit(self)
        self.note_text.setObjectName("noteText")
        self.note_text.setPlaceholderText(self.tr("Free note for the team (Ctrl+N)"))
        self.note_text.setMaximumHeight(70)
        self.add_note = QPushButton(icon("note"), self.tr("Add note"), self)
        self.add_note.setObjectName("addNoteButton")

        self.confirm = QPushButton(icon("confirm"), self.tr("Confirm"), self)
        self.confirm.setObjectName("confirmButton")
        self.cancel = QPushButton(icon("cancel"), self.tr("Cancel order"), self)
        self.cancel.setObjectName("cancelButton")
        self.cancel_reason = QComboBox(self)
        self.cancel_reason.setSizeAdjustPolicy(_SHRINKABLE)
        self.cancel_reason.setMinimumContentsLength(8)
        self.cancel_reason.setObjectName("cancelReason")
        self.callback = QPushButton(icon("callback"), self.tr("Call back"), self)
        self.callback.setObjectName("callbackButton")
        self.callback_at = QDateTimeEdit(self)
        self.callback_at.setObjectName("callbackAt")
        self.callback_at.setCalendarPopup(True)
        # Day, month, year then time in reading order in Arabic too, as in the slot list.
        self.callback_at.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.callback_at.setLocale(reading_order_locale())
        # The calendar that pops up still speaks the agent's language.
        self.callback_at.calendarWidget().setLocale(QLocale())
        # After the direction: set under a right-to-left window, Qt reverses the format.
        self.callback_at.setDisplayFormat(DATETIME_FORMAT)
        # The field's lowest value stands for "no time chosen" and shows blank.
        self.callback_at.setMinimumDateTime(QDateTime.fromSecsSinceEpoch(0))
        self.callback_at.setSpecialValueText(" ")
        self.slots = QComboBox(self)
        self.slots.setSizeAdjustPolicy(_SHRINKABLE)
        self.slots.setMinimumContentsLength(16)
        self.slots.setObjectName("callbackSlots")
        self.unreachable = QPushButton(self.tr("Unreachable"), self)
        self.unreachable.setObjectName("unreachableButton")
        self.duplicate = QPushButton(self.tr("Duplicate"), self)
        self.erroneous = QPushButton(self.tr("Erroneous"), self)
        self.result = QLabel(self)
        self.result.setObjectName("actionResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        note_row = QHBoxLayout()
        note_row.addWidget(self.predefined, 1)
        note_row.addWidget(self.add_note)

        grid = QGridLayout()
        grid.addWidget(self.confirm, 0, 0)
        grid.addWidget(self.cancel, 1, 0)
        grid.addWidget(self.cancel_reason, 1, 1, 1, 2)
        grid.addWidget(self.callback, 2, 0)
        grid.addWidget(self.callback_at, 2, 1, 1, 2)
        # The suggested slots on a row of their own: their dates stay readable.
        grid.addWidget(self.slots, 3, 1, 1, 2)
        others = QHBoxLayout()
        others.addWidget(self.unreachable)
        others.addWidget(self.duplicate)
        others.addWidget(self.erroneous)
        grid.addLayout(others, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(note_row)
        layout.addWidget(self.note_text)
        layout.addLayout(grid)
        layout.addWidget(self.result)
        layout.addStretch(1)

        self.add_note.clicked.connect(self._on_add_note)
        self.predefined.activated.connect(self._on_predefined_chosen)
        self.confirm.clicked.connect(lambda: self._dispose(Disposition.CONFIRM))
        self.cancel.clicked.connect(self._on_cancel)
        self.callback.clicked.connect(self._on_callback)
        self.slots.activated.connect(self._on_slot)
        self.unreachable.clicked.connect(lambda: self._dispose(Disposition.UNREACHABLE))
        self.duplicate.clicked.connect(lambda: self._dispose(Disposition.DUPLICATE))
        self.erroneous.clicked.connect(lambda: self._dispose(Disposition.ERRONEOUS))
        self.set_order(None, None, ())

    # -- public ----------------------------------------------------------
    def set_choices(self, notes: Sequence[PredefinedNote], cancel_reasons: Sequence[str]) -> None:
        self._notes = list(notes)
        self.predefined.clear()
        self.predefined.addItem(self.tr("Predefined note…"), None)
        for note in self._notes:
            self.predefined.addItem(note.title, note.code)
        self.cancel_reason.clear()
        self.cancel_reason.addItem(self.tr("Reason for cancelling…"), None)
        for reason in cancel_reasons:
            self.cancel_reason.addItem(cancel_reason_label(reason), reason)

    def set_order(
        self,
        detail: OrderDetail | None,
        verdicts: OrderVerdicts | None,
        slots: Sequence[datetime],
    ) -> None:
        """Each control is enabled from the rulebook's answer for its act, and its
        tooltip says why when it is not."""
        new_order = detail is None or detail.reference != self._reference
        if new_order:
            # Nothing chosen for the previous order carries over to this one.
            self._reference = detail.reference if detail is not None else ""
            self.result.clear()
            self.result.setProperty("state", "")
            self.note_text.clear()
            self.predefined.setCurrentIndex(0)
            self.cancel_reason.setCurrentIndex(0)
            self.callback_at.setDateTime(self.callback_at.minimumDateTime())
        confirm_tip = self.tr("Confirm the order (%1)").replace(
            "%1", shortcut_label("Ctrl+Return")
        )
        for act, widgets, tip in (
            (Act.ADD_NOTE, (self.predefined, self.note_text, self.add_note), self.tr("Add note")),
            (Act.CONFIRM, (self.confirm,), confirm_tip),
            (Act.CANCEL, (self.cancel, self.cancel_reason), self.tr("Cancel order")),
            (
                Act.CALLBACK,
                (self.callback, self.callback_at, self.slots),
                self.tr("Call back"),
            ),
            (Act.UNREACHABLE, (self.unreachable,), self.tr("Unreachable")),
            (Act.DUPLICATE, (self.duplicate,), self.tr("Duplicate")),
            (Act.ERRONEOUS, (self.erroneous,), self.tr("Erroneous")),
        ):
            refused = verdicts.refusal(act) if verdicts is not None else None
            allowed = detail is not None and verdicts is not None and refused is None
            text = (
                refusal_sentence(refused.code, refused.params, refused.message)
                if detail is not None and refused is not None
                else tip
            )
            for widget in widgets:
                widget.setEnabled(allowed)
                widget.setToolTip(text)
        self.slots.clear()
        self.slots.addItem(self.tr("Suggested times…"), None)
        for slot in slots:
            self.slots.addItem(format_datetime(slot), slot)
        if detail is not None and new_order:
            # The order's saved call-back time, else the best suggestion; later
            # refreshes of the same order keep what the agent chose.
            if detail.callback_at is not None:
                self._set_callback_time(detail.callback_at)
            elif slots:
                self._set_callback_time(slots[0])

    def show_report(self, report: ActionReport) -> None:
        """What became of the last action, in words."""
        self._set_result(*self.report_text(report, self._reference))

    def show_refusal(self, text: str) -> None:
        """Why the last thing the agent tried did not happen (e.g. a call the rulebook
        or the server refused)."""
        self._set_result(text, "rejected")

    def clear_conflict(self) -> None:
        """Forget a refusal (a claim or lease lost) once the order is the agent's again."""
        if self.result.property("state") == "conflict":
            self._set_result("", "")

    def _set_result(self, text: str, state: str) -> None:
        self.result.setText(text)
        self.result.setProperty("state", state)
        # The stylesheet colours by the "state" property: re-polish to apply it.
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    def focus_note(self) -> None:
        self.note_text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- internals ----------------------------------------------------------
    def _kind_text(self, kind: str) -> str:
        return {
            "add_note": self.tr("Note"),
            "confirm": self.tr("Confirmation"),
            "cancel": self.tr("Cancellation"),
            "callback": self.tr("Call-back"),
            "unreachable": self.tr("Unreachable"),
            "duplicate": self.tr("Duplicate"),
            "erroneous": self.tr("Erroneous"),
            "start": self.tr("Start"),
            "edit_lines": self.tr("Articles"),
            "edit_customer": self.tr("Address"),
            "escalate": self.tr("Escalation"),
            "answer_escalation": self.tr("Answer to the escalation"),
            "take_escalation": self.tr("Taking over"),
            "set_delivery_date": self.tr("Delivery date"),
            "create_order": self.tr("New order"),
            "journal": self.tr("Attempt"),
            "grant_attempt": self.tr("Extra attempt"),
        }.get(kind, kind)

    def report_text(self, report: ActionReport, reference: str) -> tuple[str, str]:
        """The sentence and its state ("pending", "accepted", "conflict", "rejected")."""
        reason = reason_text(report.code, report.params, report.message)
        if report.kind == "lease":
            return lost_lease_text(reference, report.code, report.params), "conflict"
        what = self._kind_text(report.kind)
        if report.state == ActionState.PENDING:
            return self.tr("%1 saved, waiting for the server…").replace("%1", what), "pending"
        if report.state == ActionState.ACCEPTED:
            return self.tr("%1 accepted by the server.").replace("%1", what), "accepted"
        if report.state == ActionState.CONFLICT:
            return (
                self.tr("%1 not applied: %2").replace("%1", what).replace("%2", reason),
                "conflict",
            )
        return (
            self.tr("%1 refused by the server: %2").replace("%1", what).replace("%2", reason),
            "rejected",
        )

    def _selected_note(self) -> PredefinedNote | None:
        code = self.predefined.currentData()
        return next((n for n in self._notes if n.code == code), None)

    def _on_predefined_chosen(self, _index: int) -> None:
        note = self._selected_note()
        if note is not None and not self.note_text.toPlainText().strip():
            self.note_text.setPlainText(note.text)

    def _on_add_note(self) -> None:
        note = self._selected_note()
        text = self.note_text.toPlainText().strip()
        if not text and note is None:
            self.note_text.setFocus()
            return
        self.note_requested.emit(text or (note.text if note else ""), note)
        self.note_text.clear()
        self.predefined.setCurrentIndex(0)

    def _on_cancel(self) -> None:
        reason = self.cancel_reason.currentData()
        if not reason:
            self.result.setText(self.tr("Choose a reason for cancelling first."))
            self.result.setProperty("state", "rejected")
            self.cancel_reason.setFocus()
            return
        if not self.ask_cancel(reason):
            return
        self._dispose(Disposition.CANCEL, reason=reason)

    def _on_slot(self, _index: int) -> None:
        slot = self.slots.currentData()
        if isinstance(slot, datetime):
            self._set_callback_time(slot)

    def _set_callback_time(self, at: datetime) -> None:
        self.callback_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(at.timestamp())))

    def _on_callback(self) -> None:
        at = datetime.fromtimestamp(self.callback_at.dateTime().toSecsSinceEpoch(), UTC)
        if at <= datetime.now(UTC):
            self.result.setText(self.tr("Choose a call-back time in the future."))
            self.result.setProperty("state", "rejected")
            return
        self._dispose(Disposition.CALLBACK, callback_at=at)

    def _dispose(
        self,
        disposition: Disposition,
        *,
        reason: str | None = None,
        callback_at: datetime | None = None,
    ) -> None:
        text = self.note_text.toPlainText().strip()
        if text or self._selected_note() is not None:
            self._on_add_note()
        self.disposition_requested.emit(disposition, reason, callback_at)
