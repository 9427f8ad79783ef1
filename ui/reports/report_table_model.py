"""A read-only table over report rows (dicts from the reports API).

Columns say how to show their value: text, count, duration in seconds, or a
ratio as a percentage. Rows marked ``total`` are drawn bold. A cell whose
figure partly came from the note classifier shows a star and says so in its
tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

_Index = QModelIndex | QPersistentModelIndex

#: Role giving the raw value of a cell (tests and sorting).
RAW_ROLE = Qt.ItemDataRole.UserRole + 1


class ColumnKind(Enum):
    TEXT = "text"
    COUNT = "count"
    SECONDS = "seconds"
    RATIO = "ratio"


@dataclass(frozen=True)
class ReportColumn:
    """One column: the row key, the translated header, how to show the value.

    ``classifier_key`` names the row key holding how much of the figure came
    from the note classifier.
    """

    key: str
    header: str
    kind: ColumnKind = ColumnKind.COUNT
    classifier_key: str | None = None


def format_seconds(value: float) -> str:
    total = round(value)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"


class ReportTableModel(QAbstractTableModel):
    """Rows of one report; ``set_rows`` replaces them."""

    def __init__(self, columns: list[ReportColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[dict[str, Any]] = []
        self._total_rows: set[int] = set()

    def set_rows(self, rows: list[dict[str, Any]], total_rows: set[int] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total_rows = set(total_rows or ())
        self.endResetModel()

    def row(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        value = row.get(column.key)
        from_classifier = int(row.get(column.classifier_key) or 0) if column.classifier_key else 0
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._format(column.kind, value)
            return f"{text} ({from_classifier}*)" if from_classifier else text
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole and from_classifier:
            return self.tr("{count} of these come from the note classifier").format(
                count=from_classifier
            )
        if role == Qt.ItemDataRole.BackgroundRole and from_classifier:
            return QBrush(QColor(255, 243, 205))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is not ColumnKind.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() in self._total_rows:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._columns[section].header if 0 <= section < len(self._columns) else None

    def _format(self, kind: ColumnKind, value: Any) -> str:
        if value is None or value == "":
            return "—" if kind is not ColumnKind.TEXT else ""
        if kind is ColumnKind.SECONDS:
            return format_seconds(float(value))
        if kind is ColumnKind.RATIO:
            return f"{float(value) * 100:.1f} %"
        if kind is ColumnKind.COUNT:
            return str(int(value))
        return str(value)
