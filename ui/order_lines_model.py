"""Editable model of an order's lines, re-priced by core.pricing on each edit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from core.pricing import LineRequest, PricedLine
from ui.formatting import format_money

_Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    str(QT_TRANSLATE_NOOP("OrderLinesModel", "Article")),
    str(QT_TRANSLATE_NOOP("OrderLinesModel", "Variant")),
    str(QT_TRANSLATE_NOOP("OrderLinesModel", "Qty")),
    str(QT_TRANSLATE_NOOP("OrderLinesModel", "Unit price")),
    str(QT_TRANSLATE_NOOP("OrderLinesModel", "Discount %")),
    str(QT_TRANSLATE_NOOP("OrderLinesModel", "Total")),
)

QUANTITY_COLUMN = 2
DISCOUNT_COLUMN = 4
TOTAL_COLUMN = 5


class OrderLinesModel(QAbstractTableModel):
    """Draft lines (what the agent edits) plus their priced view."""

    lines_edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[LineRequest] = []
        self._priced: list[PricedLine | None] = []
        self._titles: Mapping[str, str] = {}
        self._editable = True
        self._discount_tooltip = ""

    # -- public ------------------------------------------------------
    def set_lines(self, lines: Sequence[LineRequest], titles: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._priced = [None] * len(self._lines)
        self._titles = titles
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def set_discount_tooltip(self, text: str) -> None:
        """What the discount cells say on hover (the user's limit)."""
        self._discount_tooltip = text

    def lines(self) -> list[LineRequest]:
        return list(self._lines)

    def set_priced(self, priced: Sequence[PricedLine] | None) -> None:
        """Show prices for the current lines (None when they cannot be priced)."""
        if priced is None or len(priced) != len(self._lines):
            self._priced = [None] * len(self._lines)
        else:
            self._priced = list(priced)
        if self._lines:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._lines) - 1, TOTAL_COLUMN))

    def add_line(self, line: LineRequest) -> None:
        for row, existing in enumerate(self._lines):
            same = (existing.article_ref, existing.color, existing.size) == (
                line.article_ref,
                line.color,
                line.size,
            )
            if same:
                self._lines[row] = replace(existing, quantity=existing.quantity + line.quantity)
                self.dataChanged.emit(self.index(row, 0), self.index(row, TOTAL_COLUMN))
                self.lines_edited.emit()
                return
        self.beginInsertRows(QModelIndex(), len(self._lines), len(self._lines))
        self._lines.append(line)
        self._priced.append(None)
        self.endInsertRows()
        self.lines_edited.emit()

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        del self._priced[row]
        self.endRemoveRows()
        self.lines_edited.emit()

    def set_quantity(self, row: int, quantity: int) -> None:
        if not 0 <= row < len(self._lines) or quantity < 1:
            return
        if self._lines[row].quantity == quantity:
            return
        self._lines[row] = replace(self._lines[row], quantity=quantity)
        self.dataChanged.emit(self.index(row, 0), self.index(row, TOTAL_COLUMN))
        self.lines_edited.emit()

    def set_discount(self, row: int, pct: Decimal) -> None:
        """A rescue discount on one line (the server enforces the agent's limit)."""
        if not 0 <= row < len(self._lines) or not 0 <= pct <= 100:
            return
        if self._lines[row].discount_pct == pct:
            return
        self._lines[row] = replace(self._lines[row], discount_pct=pct)
        self.dataChanged.emit(self.index(row, 0), self.index(row, TOTAL_COLUMN))
        self.lines_edited.emit()

    # -- Qt model API ----------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(_HEADERS):
            return QCoreApplication.translate("OrderLinesModel", _HEADERS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (QUANTITY_COLUMN, DISCOUNT_COLUMN) and self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        if index.column() >= len(_HEADERS):
            return None
        line = self._lines[index.row()]
        priced = self._priced[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.EditRole and column == QUANTITY_COLUMN:
            return line.quantity
        if role == Qt.ItemDataRole.EditRole and column == DISCOUNT_COLUMN:
            return float(line.discount_pct)
        if role == Qt.ItemDataRole.ToolTipRole and column == DISCOUNT_COLUMN:
            return self._discount_tooltip or None
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and priced and priced.upsell:
            return QCoreApplication.translate("OrderLinesModel", "Upsell price")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            title = self._titles.get(line.article_ref, "")
            return f"{line.article_ref} — {title}" if title else line.article_ref
        if column == 1:
            return " / ".join(part for part in (line.color, line.size) if part)
        if column == 2:
            return str(line.quantity)
        if column == DISCOUNT_COLUMN:
            return f"{line.discount_pct.normalize():f} %" if line.discount_pct else ""
        if priced is None:
            return "…"
        if column == 3:
            mark = " ★" if priced.upsell else ""
            return format_money(priced.unit_price) + mark
        return format_money(priced.total)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if not self._editable:
            return False
        if index.column() == DISCOUNT_COLUMN:
            try:
                pct = Decimal(str(value)).quantize(Decimal("0.01"))
            except (InvalidOperation, ValueError):
                return False
            if not 0 <= pct <= 100:
                return False
            self.set_discount(index.row(), pct)
            return True
        if index.column() != QUANTITY_COLUMN:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if quantity < 1:
            return False
        self.set_quantity(index.row(), quantity)
        return True
