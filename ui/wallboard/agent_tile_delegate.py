"""Paints one agent tile: presence band with time in state, name, order, figures.

Texts are elided to the tile's width so nothing is clipped on a crowded board.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.wallboard.wallboard_state import AgentTile
from ui.wallboard import wallboard_theme as theme
from ui.wallboard.agent_tiles_model import TileRole
from ui.wallboard.wallboard_texts import WallboardTexts, talk_minutes

#: Size of a tile at scale 1; the window shrinks tiles so a whole team fits.
TILE_SIZE = QSize(340, 200)
MIN_SCALE = 0.6
_MARGIN = 5


class AgentTileDelegate(QStyledItemDelegate):
    """Draws the tiles of ``AgentTilesModel`` in a QListView in icon mode."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._texts = WallboardTexts(self)
        self._scale = 1.0

    @property
    def scale(self) -> float:
        return self._scale

    def set_scale(self, scale: float) -> None:
        self._scale = max(MIN_SCALE, scale)

    def tile_size(self) -> QSize:
        # Floor, so tiles computed to fit never exceed the room by a rounding pixel.
        return QSize(int(TILE_SIZE.width() * self._scale), int(TILE_SIZE.height() * self._scale))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.tile_size()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        tile = index.data(TileRole.TILE)
        if not isinstance(tile, AgentTile):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)  # type: ignore[attr-defined]
        alerting = bool(index.data(TileRole.ALERTING))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.PANEL)
        painter.drawRoundedRect(rect, 10, 10)

        k = self._scale
        band_height = round(46 * k)
        pad = round(12 * k)
        band = QRect(rect.left(), rect.top(), rect.width(), band_height)
        painter.setBrush(theme.PRESENCE_COLOURS[tile.presence])
        painter.drawRoundedRect(band, 10, 10)
        painter.drawRect(band.adjusted(0, band_height // 2, 0, 0))  # square lower corners

        inner = rect.adjusted(pad, 0, -pad, 0)
        time_text = str(index.data(TileRole.TIME_IN_STATE) or "")
        time_font = theme.font(1.35 * k, bold=True)
        time_width = QFontMetrics(time_font).horizontalAdvance(time_text) + 4
        band_inner = QRect(inner.left(), band.top(), inner.width(), band.height())
        self._text(painter, band_inner, time_text, time_font, QColor("white"),
                   Qt.AlignmentFlag.AlignRight)
        presence_rect = band_inner.adjusted(0, 0, -time_width - 8, 0)
        self._text(painter, presence_rect, str(index.data(TileRole.PRESENCE_TEXT) or ""),
                   theme.font(1.1 * k, bold=True), QColor("white"), Qt.AlignmentFlag.AlignLeft)

        y = band.bottom() + round(6 * k)
        name_font = theme.font(1.4 * k, bold=True)
        name_h = QFontMetrics(name_font).height()
        self._text(painter, QRect(inner.left(), y, inner.width(), name_h), tile.display_name,
                   name_font, theme.TEXT, Qt.AlignmentFlag.AlignLeft)
        y += name_h + 2
        order_font = theme.font(0.95 * k)
        order_h = QFontMetrics(order_font).height()
        self._text(painter, QRect(inner.left(), y, inner.width(), order_h),
                   str(index.data(TileRole.ORDER_TEXT) or ""), order_font, theme.MUTED_TEXT,
                   Qt.AlignmentFlag.AlignLeft)

        top = y + order_h + round(6 * k)
        self._figures(painter, tile, QRect(inner.left(), top, inner.width(), rect.bottom() - top))

        if alerting or selected:
            pen = QPen(theme.ALERT if alerting else QColor("#7fb2ff"), 5 if alerting else 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 10, 10)
        painter.restore()

    def figure_cells(self, tile: AgentTile, width: int) -> list[tuple[str, str, int]]:
        """(value, caption, cell width) of the four figures in ``width`` pixels."""
        figures = [
            (str(tile.calls_today), self.tr("calls")),
            (talk_minutes(tile.talk_seconds_today), self.tr("talk min")),
            (str(tile.confirmed_today), self.tr("confirmed")),
            (self._texts.conversion(tile.conversion), self.tr("conversion")),
        ]
        # Words under the last two figures are longer: give them more room.
        weights = (0.8, 0.9, 1.15, 1.15)
        unit = width / sum(weights)
        return [(v, c, int(unit * w)) for (v, c), w in zip(figures, weights, strict=True)]

    def figure_fonts(self) -> tuple[QFont, QFont]:
        """Fonts of figure values and of their captions at the current scale."""
        return theme.font(1.3 * self._scale, bold=True), theme.font(0.72 * self._scale)

    def inner_width(self) -> int:
        """Room for text inside a tile at the current scale."""
        return self.tile_size().width() - 2 * _MARGIN - 2 * round(12 * self._scale)

    def _figures(self, painter: QPainter, tile: AgentTile, area: QRect) -> None:
        value_font, caption_font = self.figure_fonts()
        value_h = QFontMetrics(value_font).height()
        caption_h = QFontMetrics(caption_font).height()
        left = area.left()
        for value, caption, width in self.figure_cells(tile, area.width()):
            cell = QRect(left, area.top(), width, value_h)
            left += width
            self._text(painter, cell, value, value_font, theme.TEXT, Qt.AlignmentFlag.AlignHCenter)
            cap = QRect(cell.left(), cell.bottom() + 1, width, caption_h)
            self._text(painter, cap, caption, caption_font, theme.MUTED_TEXT,
                       Qt.AlignmentFlag.AlignHCenter)

    @staticmethod
    def _text(painter: QPainter, rect: QRect, text: str, font: QFont, colour: QColor,
              align: Qt.AlignmentFlag) -> None:
        painter.setFont(font)
        painter.setPen(colour)
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, elided)
