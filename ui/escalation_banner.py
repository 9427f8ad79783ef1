"""The banner of an escalated order: why, by whom, since when; a lead answers or takes over."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.order_views import EscalationView
from ui.formatting import format_datetime

_REASONS: dict[str, str] = {
    "complex_case": str(QT_TRANSLATE_NOOP("Escalation", "Complex case")),
    "complaint": str(QT_TRANSLATE_NOOP("Escalation", "Complaint")),
    "special_authorisation": str(QT_TRANSLATE_NOOP("Escalation", "Special authorisation")),
}


def escalation_reason_label(reason: str) -> str:
    """The escalation reason in the user's language."""
    return QCoreApplication.translate("Escalation", _REASONS.get(reason, reason))


class EscalationBanner(QFrame):
    """Shown while the order waits for the team lead; buttons only for leads."""

    answer_requested = Signal()
    take_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationBanner")
        self.text = QLabel(self)
        self.text.setObjectName("escalationText")
        self.text.setWordWrap(True)
        self.answer = QPushButton(self.tr("Answer…"), self)
        self.answer.setObjectName("answerEscalationButton")
        self.answer.setToolTip(
            self.tr("Reply to the agent: the order goes back to them with your answer as a note.")
        )
        self.take_over = QPushButton(self.tr("Take over"), self)
        self.take_over.setObjectName("takeOverButton")
        self.take_over.setToolTip(self.tr("Handle the order yourself: you become its owner."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.answer)
        layout.addWidget(self.take_over)
        self.answer.clicked.connect(self.answer_requested.emit)
        self.take_over.clicked.connect(self.take_over_requested.emit)
        self.show_escalation(None, lead_actions=False)

    def show_escalation(self, escalation: EscalationView | None, *, lead_actions: bool) -> None:
        self.setVisible(escalation is not None)
        if escalation is None:
            self.text.clear()
            return
        sentence = (
            self.tr("Escalated to the team lead by %1 since %2 — %3")
            .replace("%1", escalation.by)
            .replace("%2", format_datetime(escalation.at))
            .replace("%3", escalation_reason_label(escalation.reason))
        )
        if escalation.text:
            sentence += f"\n« {escalation.text} »"
        self.text.setText(sentence)
        self.answer.setVisible(lead_actions)
        self.take_over.setVisible(lead_actions)
