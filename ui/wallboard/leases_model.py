"""Leases held right now: which order, who holds it, since when (oldest first)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.wallboard.wallboard_state import LeaseHeld
from ui.wallboard.wallboard_texts import duration

_Index = QModelIndex | QPersistentModelIndex


class LeasesModel(QAbstractTableModel):
    """Order, holder, held for (advances with ``set_now``)."""

    COLUMNS = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._leases: list[LeaseHeld] = []
        self._now = datetime.now(UTC)

    def set_leases(self, leases: list[LeaseHeld]) -> None:
        if [lease.order_id for lease in leases] == [lease.order_id for lease in self._leases]:
            self._leases = list(leases)
            self._emit_all_changed()
            return
        self.beginResetModel()
        self._leases = list(leases)
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._leases:
            last = len(self._leases) - 1
            self.dataChanged.emit(self.index(0, 2), self.index(last, 2))

    def lease_at(self, row: int) -> LeaseHeld | None:
        return self._leases[row] if 0 <= row < len(self._leases) else None

    def _emit_all_changed(self) -> None:
        if self._leases:
            last = len(self._leases) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, self.COLUMNS - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._leases)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._leases):
            return None
        lease = self._leases[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return lease.order_reference
            if index.column() == 1:
                return lease.holder_name
            return duration(self._now - lease.since)
        if role == Qt.ItemDataRole.ToolTipRole:
            local = lease.since.astimezone()
            return self.tr("Held by {name} since {time}").format(
                name=lease.holder_name, time=local.strftime("%H:%M:%S")
            )
        if role == Qt.ItemDataRole.UserRole:
            return lease.order_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [self.tr("Order"), self.tr("Held by"), self.tr("For")]
        return titles[section] if 0 <= section < len(titles) else None
