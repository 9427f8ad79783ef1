"""The signed-in user's own recent actions as a table: newest first, pages appended.

Columns: time, order reference, action, outcome, channel, talk time. Words go
through translation here; the model only formats what the server sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.dispositions import OutcomeClass
from core.wire.history import OwnHistoryEntry
from ui.formatting import channel_label, format_datetime, format_duration, outcome_label

_Index = QModelIndex | QPersistentModelIndex


class OwnHistoryModel(QAbstractTableModel):
    """Rows of ``OwnHistoryEntry``; ``append`` adds an older page below."""

    COLUMNS = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[OwnHistoryEntry] = []

    def clear(self) -> None:
        self.beginResetModel()
        self._entries = []
        self.endResetModel()

    def append(self, entries: list[OwnHistoryEntry]) -> None:
        if not entries:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._entries.extend(entries)
        self.endInsertRows()

    def entry_at(self, row: int) -> OwnHistoryEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return entry.order_id
        return None

    def _text(self, entry: OwnHistoryEntry, column: int) -> str:
        if column == 0:
            return format_datetime(entry.at)
        if column == 1:
            return entry.order_reference or ""
        if column == 2:
            return self.action_label(entry.action)
        if column == 3:
            return self.outcome_text(entry.outcome)
        if column == 4:
            return channel_label(entry.channel) if entry.channel else ""
        if entry.talk_seconds is None:
            return ""
        return format_duration(entry.talk_seconds)

    def action_label(self, action: str) -> str:
        """The action in words; an action this desk does not know shows as sent."""
        key = action.removeprefix("order.")
        labels = {
            "attempt": self.tr("Contact attempt"),
            "start": self.tr("Work started"),
            "confirm": self.tr("Confirmed"),
            "cancel": self.tr("Cancelled"),
            "callback": self.tr("Call back planned"),
            "unreachable": self.tr("Marked unreachable"),
            "duplicate": self.tr("Marked duplicate"),
            "erroneous": self.tr("Marked erroneous"),
            "add_note": self.tr("Note"),
            "edit_lines": self.tr("Lines edited"),
            "edit_customer": self.tr("Customer edited"),
            "set_delivery_date": self.tr("Delivery date set"),
            "escalate": self.tr("Escalated to the lead"),
            "escalation_answer": self.tr("Escalation answered"),
            "escalation_take": self.tr("Escalation taken over"),
            "create": self.tr("Order created"),
            "reopen": self.tr("Reopened"),
            "reassign": self.tr("Reassigned"),
            "return_from_preparation": self.tr("Returned from preparation"),
            "attempt_grant": self.tr("One more attempt granted"),
        }
        return labels.get(key, action)

    def outcome_text(self, outcome: str | None) -> str:
        if not outcome:
            return ""
        classes = {
            OutcomeClass.POSITIVE.value: self.tr("Positive"),
            OutcomeClass.NEGATIVE.value: self.tr("Negative"),
            OutcomeClass.PARTIAL.value: self.tr("Partial"),
            OutcomeClass.UNCLASSIFIED.value: self.tr("Unclassified"),
        }
        return classes.get(outcome) or outcome_label(outcome)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [self.tr("Time"), self.tr("Order"), self.tr("Action"), self.tr("Outcome"),
                  self.tr("Channel"), self.tr("Talk time")]
        return titles[section] if 0 <= section < len(titles) else None
