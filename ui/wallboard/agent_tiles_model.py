"""One row per agent of the team, for the tile grid.

The tile delegate reads the custom roles; ``DisplayRole`` and ``ToolTipRole``
give a readable text for accessibility and tests. The model keeps the clock
(``set_now``) so "time in state" advances every second without any request.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.wallboard.wallboard_state import AgentTile
from ui.wallboard.wallboard_texts import WallboardTexts, duration, talk_time

_Index = QModelIndex | QPersistentModelIndex


class TileRole(IntEnum):
    """Custom data roles of the tiles model."""

    TILE = Qt.ItemDataRole.UserRole + 1  # the AgentTile itself
    USER_ID = Qt.ItemDataRole.UserRole + 2
    PRESENCE_TEXT = Qt.ItemDataRole.UserRole + 3
    TIME_IN_STATE = Qt.ItemDataRole.UserRole + 4
    ORDER_TEXT = Qt.ItemDataRole.UserRole + 5
    FIGURES_TEXT = Qt.ItemDataRole.UserRole + 6
    ALERTING = Qt.ItemDataRole.UserRole + 7


class AgentTilesModel(QAbstractListModel):
    """Agent tiles in display order (name, then id)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tiles: list[AgentTile] = []
        self._alerting: set[int] = set()
        self._now = datetime.now(UTC)
        self._texts = WallboardTexts(self)

    # -- feeding ---------------------------------------------------------

    def set_tiles(self, tiles: list[AgentTile]) -> None:
        """Replace the tiles; same agents in the same order only emit dataChanged."""
        same_rows = [t.user_id for t in tiles] == [t.user_id for t in self._tiles]
        if same_rows:
            self._tiles = list(tiles)
            self._emit_all_changed()
            return
        self.beginResetModel()
        self._tiles = list(tiles)
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """Advance the clock used for time in state."""
        self._now = now
        self._emit_all_changed()

    def set_alerting(self, user_ids: set[int]) -> None:
        if user_ids != self._alerting:
            self._alerting = set(user_ids)
            self._emit_all_changed()

    def tile_at(self, row: int) -> AgentTile | None:
        return self._tiles[row] if 0 <= row < len(self._tiles) else None

    def row_of(self, user_id: int) -> int:
        for row, tile in enumerate(self._tiles):
            if tile.user_id == user_id:
                return row
        return -1

    def _emit_all_changed(self) -> None:
        if self._tiles:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._tiles) - 1, 0))

    # -- Qt model --------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._tiles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tiles):
            return None
        tile = self._tiles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{tile.display_name} — {self._presence_text(tile)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                [tile.display_name, self._presence_text(tile), self._order_text(tile),
                 self._figures_text(tile)]
            )
        if role == TileRole.TILE:
            return tile
        if role == TileRole.USER_ID:
            return tile.user_id
        if role == TileRole.PRESENCE_TEXT:
            return self._presence_text(tile)
        if role == TileRole.TIME_IN_STATE:
            return duration(tile.time_in_state(self._now))
        if role == TileRole.ORDER_TEXT:
            return self._order_text(tile)
        if role == TileRole.FIGURES_TEXT:
            return self._figures_text(tile)
        if role == TileRole.ALERTING:
            return tile.user_id in self._alerting
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- texts -----------------------------------------------------------

    def _presence_text(self, tile: AgentTile) -> str:
        text = self._texts.presence(tile.presence)
        if tile.pause_reason and tile.presence.value == "paused":
            text = f"{text} · {tile.pause_reason}"
        return text

    def _order_text(self, tile: AgentTile) -> str:
        if tile.order_reference:
            return self.tr("Order {ref}").format(ref=tile.order_reference)
        return self.tr("No order")

    def _figures_text(self, tile: AgentTile) -> str:
        return self.tr("{calls} calls · {talk} talk · {confirmed} confirmed · {conversion}").format(
            calls=tile.calls_today,
            talk=talk_time(tile.talk_seconds_today),
            confirmed=tile.confirmed_today,
            conversion=self._texts.conversion(tile.conversion),
        )
