"""Queue depth by open status (returned from preparation among them) plus the
callbacks due now."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.wallboard.wallboard_state import WallboardState
from core.order_status import OPEN_STATUSES, OrderStatus
from ui.wallboard.wallboard_texts import WallboardTexts

_Index = QModelIndex | QPersistentModelIndex

#: Open statuses in the order a lead reads the queue.
_STATUS_ORDER = [s for s in OrderStatus if s in OPEN_STATUSES]


class QueueDepthModel(QAbstractTableModel):
    """Two columns: what, how many. Fixed rows, so updates only emit dataChanged."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._texts = WallboardTexts(self)
        self._counts: list[int] = [0] * (len(_STATUS_ORDER) + 1)

    def set_state(self, state: WallboardState) -> None:
        counts = [state.queue_by_status.get(s, 0) for s in _STATUS_ORDER]
        counts.append(state.callbacks_due)
        if counts != self._counts:
            self._counts = counts
            self.dataChanged.emit(self.index(0, 1), self.index(len(counts) - 1, 1))

    def count_for(self, row: int) -> int:
        return self._counts[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._counts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def _label(self, row: int) -> str:
        if row < len(_STATUS_ORDER):
            return self._texts.status(_STATUS_ORDER[row])
        return self.tr("Callbacks due now")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._counts):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(index.row()) if index.column() == 0 else str(
                self._counts[index.row()]
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._counts[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Queue"), self.tr("Orders")][section] if 0 <= section < 2 else None
