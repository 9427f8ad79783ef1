"""Orders waiting for the lead's answer, oldest first, highlighted past a threshold.

Three columns of two lines each so the panel reads from across the room in the
wallboard's narrow side column: order and customer, agent and reason, waiting
time. The waiting time advances with ``set_now``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.wallboard.wallboard_state import EscalationWaiting
from ui.wallboard import wallboard_theme as theme
from ui.wallboard.wallboard_texts import WallboardTexts, duration

_Index = QModelIndex | QPersistentModelIndex


class EscalationsModel(QAbstractTableModel):
    """Order · customer, agent · reason, waiting for."""

    COLUMNS = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._texts = WallboardTexts(self)
        self._rows: list[EscalationWaiting] = []
        self._now = datetime.now(UTC)
        self._threshold = timedelta(minutes=10)

    def set_escalations(self, rows: list[EscalationWaiting]) -> None:
        if [r.order_id for r in rows] == [r.order_id for r in self._rows]:
            self._rows = list(rows)
            self._emit_changed(0)
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        self._now = now
        self._emit_changed(self.COLUMNS - 1)

    def set_threshold(self, threshold: timedelta) -> None:
        """Rows waiting longer than ``threshold`` are drawn in the alert colour."""
        self._threshold = threshold
        self._emit_changed(0)

    def escalation_at(self, row: int) -> EscalationWaiting | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def is_overdue(self, row: int) -> bool:
        escalation = self.escalation_at(row)
        return escalation is not None and escalation.waiting(self._now) > self._threshold

    def _emit_changed(self, first_column: int) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, first_column), self.index(len(self._rows) - 1, self.COLUMNS - 1)
            )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{row.order_reference}\n{row.customer_name}"
            if column == 1:
                return f"{row.agent_name}\n{self._texts.escalation_reason(row.reason)}"
            return duration(row.waiting(self._now))
        if role == Qt.ItemDataRole.ToolTipRole:
            since = row.since.astimezone().strftime("%H:%M")
            text = self.tr("Escalated by {name} at {time}").format(name=row.agent_name, time=since)
            return f"{text}\n{row.text}" if row.text else text
        if role == Qt.ItemDataRole.BackgroundRole and self.is_overdue(index.row()):
            return QBrush(theme.ALERT)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(index.row()):
            return QBrush(Qt.GlobalColor.white)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column == 2 else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.order_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [self.tr("Order"), self.tr("Agent"), self.tr("Waiting")]
        return titles[section] if 0 <= section < len(titles) else None
