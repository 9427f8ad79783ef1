"""The wallboard's modal questions behind one small service tests can replace.

No test ever blocks on a dialog: tests hand the window an object with the same
methods that answers at once.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.wallboard.alerts import AlertThresholds
from app.wallboard.wallboard_state import AgentTile

#: Answer of ``choose_new_owner`` meaning "back to the pool, no owner".
TO_POOL = 0


def _tr(text: str) -> str:
    return QCoreApplication.translate("WallboardDialogs", text)


class WallboardDialogs(Protocol):
    """Questions the wallboard asks the lead."""

    def choose_new_owner(
        self, parent: QWidget, order_reference: str, agents: list[AgentTile]
    ) -> int | None:
        """User id of the new owner, ``TO_POOL``, or None when cancelled."""

    def confirm_release(self, parent: QWidget, order_reference: str, holder: str) -> bool: ...

    def show_journal(self, parent: QWidget, agent_name: str, entries: list[dict[str, Any]]) -> None:
        ...

    def edit_thresholds(
        self, parent: QWidget, current: AlertThresholds
    ) -> AlertThresholds | None: ...

    def show_error(self, parent: QWidget, message: str) -> None: ...

    def answer_escalation(
        self, parent: QWidget, order_reference: str, agent_name: str, question: str
    ) -> str | None:
        """The lead's answer to the agent (None when cancelled)."""

    def confirm_take_over(self, parent: QWidget, order_reference: str, agent_name: str) -> bool:
        ...


class QtWallboardDialogs:
    """The real dialogs."""

    def choose_new_owner(
        self, parent: QWidget, order_reference: str, agents: list[AgentTile]
    ) -> int | None:
        pool = _tr("Nobody (back to the queue)")
        names = [pool] + [a.display_name for a in agents]
        choice, ok = QInputDialog.getItem(
            parent,
            _tr("Reassign order"),
            _tr("Give order {ref} to:").format(ref=order_reference),
            names,
            0,
            False,
        )
        if not ok:
            return None
        if choice == pool:
            return TO_POOL
        return next((a.user_id for a in agents if a.display_name == choice), None)

    def confirm_release(self, parent: QWidget, order_reference: str, holder: str) -> bool:
        answer = QMessageBox.question(
            parent,
            _tr("Release order"),
            _tr("Take order {ref} away from {holder}?").format(ref=order_reference, holder=holder),
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_journal(self, parent: QWidget, agent_name: str, entries: list[dict[str, Any]]) -> None:
        dialog = JournalDialog(agent_name, entries, parent)
        dialog.exec()

    def edit_thresholds(
        self, parent: QWidget, current: AlertThresholds
    ) -> AlertThresholds | None:
        dialog = ThresholdsDialog(current, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.thresholds()

    def show_error(self, parent: QWidget, message: str) -> None:
        QMessageBox.warning(parent, _tr("Wallboard"), message)

    def answer_escalation(
        self, parent: QWidget, order_reference: str, agent_name: str, question: str
    ) -> str | None:
        label = _tr("Your answer to {name} about order {ref}:").format(
            name=agent_name, ref=order_reference
        )
        if question:
            label = _tr("{name} wrote: “{question}”").format(name=agent_name, question=question) \
                + "\n\n" + label
        text, ok = QInputDialog.getMultiLineText(parent, _tr("Answer the escalation"), label)
        return text if ok else None

    def confirm_take_over(self, parent: QWidget, order_reference: str, agent_name: str) -> bool:
        answer = QMessageBox.question(
            parent,
            _tr("Take over"),
            _tr("Take order {ref} over from {name}? It moves into your hands.").format(
                ref=order_reference, name=agent_name
            ),
        )
        return answer == QMessageBox.StandardButton.Yes


class ThresholdsDialog(QDialog):
    """Three spin boxes in minutes."""

    def __init__(self, current: AlertThresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alert thresholds"))
        form = QFormLayout(self)
        self._call = self._spin(current.long_call_minutes)
        self._pause = self._spin(current.long_pause_minutes)
        self._order = self._spin(current.unconfirmed_target_minutes, 7 * 24 * 60)
        form.addRow(self.tr("Call longer than (minutes)"), self._call)
        form.addRow(self.tr("Pause longer than (minutes)"), self._pause)
        form.addRow(self.tr("Oldest unconfirmed order older than (minutes)"), self._order)
        self._escalation = self._spin(current.escalation_wait_minutes)
        form.addRow(self.tr("Escalation waiting longer than (minutes)"), self._escalation)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _spin(value: int, maximum: int = 24 * 60) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, maximum)
        spin.setValue(value)
        return spin

    def thresholds(self) -> AlertThresholds:
        return AlertThresholds(
            self._call.value(), self._pause.value(), self._order.value(), self._escalation.value()
        )


class JournalDialog(QDialog):
    """An agent's contact attempts of today, newest first."""

    def __init__(
        self, agent_name: str, entries: list[dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal of {name} today").format(name=agent_name))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        headers = [self.tr("Time"), self.tr("Order"), self.tr("Channel"), self.tr("Outcome"),
                   self.tr("Talk (s)"), self.tr("Note")]
        table = QTableWidget(len(entries), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        keys = ["time", "order_reference", "channel", "outcome", "talk_seconds", "note"]
        for row, entry in enumerate(entries):
            for column, key in enumerate(keys):
                value = entry.get(key)
                table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
