"""Escalate the order to the team lead with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)


class EscalateDialog(QDialog):
    """Reason (complex case, complaint, special authorisation) and a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Escalate to the team lead"))
        self.reasons = QComboBox(self)
        self.reasons.setObjectName("escalationReason")
        self.reasons.addItem(self.tr("Complex case"), "complex_case")
        self.reasons.addItem(self.tr("Complaint"), "complaint")
        self.reasons.addItem(self.tr("Special authorisation"), "special_authorisation")
        self.message = QPlainTextEdit(self)
        self.message.setPlaceholderText(self.tr("What should the lead know?"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Escalate"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Reason"), self.reasons)
        form.addRow(self.tr("Message"), self.message)
        form.addRow(buttons)

    def reason(self) -> str:
        return str(self.reasons.currentData())

    def text(self) -> str:
        return self.message.toPlainText().strip()


class EscalationAnswerDialog(QDialog):
    """The lead's answer to an escalation; it becomes a note on the order."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationAnswerDialog")
        self.setWindowTitle(self.tr("Answer the escalation of order %1").replace("%1", reference))
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("escalationAnswer")
        self.message.setPlaceholderText(self.tr("Your answer to the agent"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Send the answer"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.message.textChanged.connect(lambda: self.ok.setEnabled(bool(self.text())))
        form = QFormLayout(self)
        form.addRow(self.tr("Answer"), self.message)
        form.addRow(self.buttons)

    def text(self) -> str:
        return self.message.toPlainText().strip()
