"""Paints one agent tile: presence band with time in state, name, order, figures.

Texts are elided to the tile's width so nothing is clipped on a crowded board.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.wallboard.wallboard_state import AgentTile
from ui.wallboard import wallboard_theme as theme
from ui.wallboard.agent_tiles_model import TileRole
from ui.wallboard.wallboard_texts import WallboardTexts, talk_time

TILE_SIZE = QSize(340, 200)
_MARGIN = 6
_PAD = 12
_BAND = 46


class AgentTileDelegate(QStyledItemDelegate):
    """Draws the tiles of ``AgentTilesModel`` in a QListView in icon mode."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._texts = WallboardTexts(self)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return TILE_SIZE

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

        band = QRect(rect.left(), rect.top(), rect.width(), _BAND)
        painter.setBrush(theme.PRESENCE_COLOURS[tile.presence])
        painter.drawRoundedRect(band, 10, 10)
        painter.drawRect(band.adjusted(0, _BAND // 2, 0, 0))  # square lower corners

        inner = rect.adjusted(_PAD, 0, -_PAD, 0)
        time_text = str(index.data(TileRole.TIME_IN_STATE) or "")
        time_font = theme.font(1.35, bold=True)
        time_width = QFontMetrics(time_font).horizontalAdvance(time_text) + 4
        band_inner = QRect(inner.left(), band.top(), inner.width(), band.height())
        self._text(painter, band_inner, time_text, time_font, QColor("white"),
                   Qt.AlignmentFlag.AlignRight)
        presence_rect = band_inner.adjusted(0, 0, -time_width - 8, 0)
        self._text(painter, presence_rect, str(index.data(TileRole.PRESENCE_TEXT) or ""),
                   theme.font(1.1, bold=True), QColor("white"), Qt.AlignmentFlag.AlignLeft)

        y = band.bottom() + 6
        name_font = theme.font(1.4, bold=True)
        name_h = QFontMetrics(name_font).height()
        self._text(painter, QRect(inner.left(), y, inner.width(), name_h), tile.display_name,
                   name_font, theme.TEXT, Qt.AlignmentFlag.AlignLeft)
        y += name_h + 2
        order_font = theme.font(0.95)
        order_h = QFontMetrics(order_font).height()
        self._text(painter, QRect(inner.left(), y, inner.width(), order_h),
                   str(index.data(TileRole.ORDER_TEXT) or ""), order_font, theme.MUTED_TEXT,
                   Qt.AlignmentFlag.AlignLeft)

        self._figures(painter, tile, QRect(inner.left(), y + order_h + 6, inner.width(),
                                           rect.bottom() - (y + order_h + 6) - 6))

        if alerting or selected:
            pen = QPen(theme.ALERT if alerting else QColor("#7fb2ff"), 5 if alerting else 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 10, 10)
        painter.restore()

    def _figures(self, painter: QPainter, tile: AgentTile, area: QRect) -> None:
        figures = [
            (str(tile.calls_today), self.tr("calls")),
            (talk_time(tile.talk_seconds_today), self.tr("talk")),
            (str(tile.confirmed_today), self.tr("confirmed")),
            (self._texts.conversion(tile.conversion), self.tr("conversion")),
        ]
        value_font = theme.font(1.3, bold=True)
        caption_font = theme.font(0.72)
        value_h = QFontMetrics(value_font).height()
        caption_h = QFontMetrics(caption_font).height()
        width = area.width() // len(figures)
        for i, (value, caption) in enumerate(figures):
            cell = QRect(area.left() + i * width, area.top(), width, value_h)
            self._text(painter, cell, value, value_font, theme.TEXT, Qt.AlignmentFlag.AlignHCenter)
            cap = QRect(cell.left(), cell.bottom() + 1, width, caption_h)
            self._text(painter, cap, caption, caption_font, theme.MUTED_TEXT,
                       Qt.AlignmentFlag.AlignHCenter)

    @staticmethod
    def _text(painter: QPainter, rect: QRect, text: str, font: object, colour: QColor,
              align: Qt.AlignmentFlag) -> None:
        painter.setFont(font)  # type: ignore[arg-type]
        painter.setPen(colour)
        elided = QFontMetrics(font).elidedText(  # type: ignore[arg-type]
            text, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, elided)
