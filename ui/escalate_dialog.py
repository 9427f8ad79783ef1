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
