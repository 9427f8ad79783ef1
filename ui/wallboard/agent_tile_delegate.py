"""Paints one agent tile: presence band with time in state, name, order, figures.

Texts are elided to the tile's width so nothing is clipped on a crowded board.
The four figure cells share the tile's width by what their captions need in
the current language (a French or Arabic caption may be twice the English
one); when even that does not fit, the captions' font shrinks a little.
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
#: Caption font relative to the base size, and how far it may shrink to fit.
_CAPTION_SIZE = 0.72
_MIN_CAPTION_FACTOR = 0.75
#: Widest value a figure cell must hold (values are short numbers and a percentage).
_SAMPLE_VALUES = ("888", "888", "88", "100 %")
#: Room between two figure cells, in pixels at scale 1.
_CELL_GAP = 4


class AgentTileDelegate(QStyledItemDelegate):
    """Draws the tiles of ``AgentTilesModel`` in a QListView in icon mode."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._texts = WallboardTexts(self)
        self._scale = 1.0
        self._width: int | None = None
        self._layouts: dict[
            tuple[float, int, tuple[str, ...]], tuple[list[float], list[int]]
        ] = {}

    @property
    def scale(self) -> float:
        return self._scale

    @property
    def width_override(self) -> int | None:
        return self._width

    def set_scale(self, scale: float, width: int | None = None) -> None:
        """Scale the tiles; ``width`` widens them (never narrows) to fill a row
        when the board's height, not its width, limited the scale."""
        self._scale = max(MIN_SCALE, scale)
        self._width = width

    def tile_size(self) -> QSize:
        # Floor, so tiles computed to fit never exceed the room by a rounding pixel.
        width = int(TILE_SIZE.width() * self._scale)
        return QSize(max(width, self._width or 0), int(TILE_SIZE.height() * self._scale))

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
        # The time sits at the band's trailing edge: the left one in right-to-left.
        right_to_left = option.direction == Qt.LayoutDirection.RightToLeft  # type: ignore[attr-defined]
        presence_rect = (
            band_inner.adjusted(time_width + 8, 0, 0, 0) if right_to_left
            else band_inner.adjusted(0, 0, -time_width - 8, 0)
        )
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
        side = (rect.width() - self.figures_width()) // 2
        self._figures(painter, tile, QRect(rect.left() + side, top, self.figures_width(),
                                           rect.bottom() - top))

        if alerting or selected:
            pen = QPen(theme.ALERT if alerting else QColor("#7fb2ff"), 5 if alerting else 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 10, 10)
        painter.restore()

    def captions(self) -> list[str]:
        """Captions under the four figures, in the interface language."""
        return [self.tr("calls"), self.tr("talk min"), self.tr("confirmed"),
                self.tr("conversion")]

    def figure_cells(self, tile: AgentTile, width: int) -> list[tuple[str, str, int, QFont]]:
        """(value, caption, cell width, caption font) of the four figures in ``width``
        pixels."""
        values = [
            str(tile.calls_today),
            talk_minutes(tile.talk_seconds_today),
            str(tile.confirmed_today),
            self._texts.conversion(tile.conversion),
        ]
        factors, widths = self._figure_layout(width)
        fonts = [self._caption_font(factor) for factor in factors]
        return list(zip(values, self.captions(), widths, fonts, strict=True))

    def value_font(self) -> QFont:
        """Font of the figure values at the current scale."""
        return theme.font(1.3 * self._scale, bold=True)

    def _caption_font(self, factor: float = 1.0) -> QFont:
        return theme.font(_CAPTION_SIZE * factor * self._scale)

    def _figure_layout(self, width: int) -> tuple[list[float], list[int]]:
        """Caption font factors and cell widths: each cell gets what its value and
        caption need and the rest is shared out evenly. When the needs do not fit,
        the longest caption's font shrinks first (never below
        ``_MIN_CAPTION_FACTOR``), so one long translation does not make every
        caption small."""
        captions = tuple(self.captions())
        key = (self._scale, width, captions)
        cached = self._layouts.get(key)
        if cached is not None:
            return cached
        value_metrics = QFontMetrics(self.value_font())
        value_needs = [value_metrics.horizontalAdvance(v) for v in _SAMPLE_VALUES]
        gap = round(_CELL_GAP * self._scale)
        factors = [1.0] * len(captions)

        def needs() -> list[int]:
            return [
                max(value, QFontMetrics(self._caption_font(f)).horizontalAdvance(caption)) + gap
                for value, caption, f in zip(value_needs, captions, factors, strict=True)
            ]

        current = needs()
        while sum(current) > width:
            shrinkable = [i for i, f in enumerate(factors) if f > _MIN_CAPTION_FACTOR]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: current[i])
            factors[widest] = max(_MIN_CAPTION_FACTOR, factors[widest] - 0.025)
            current = needs()
        spare = width - sum(current)
        if spare >= 0:
            widths = [need + spare // len(current) for need in current]
        else:  # even the smallest captions do not fit: share by need, texts get elided
            widths = [int(need * width / sum(current)) for need in current]
        self._layouts[key] = (factors, widths)
        return factors, widths

    def inner_width(self) -> int:
        """Room for text inside a tile at the current scale."""
        return self.tile_size().width() - 2 * _MARGIN - 2 * round(12 * self._scale)

    def figures_width(self) -> int:
        """Room for the figure cells: the tile's width less a small margin (centred
        figures may use the side padding that left-aligned texts keep)."""
        return self.tile_size().width() - 2 * _MARGIN - 2 * round(4 * self._scale)

    def _figures(self, painter: QPainter, tile: AgentTile, area: QRect) -> None:
        value_font = self.value_font()
        value_h = QFontMetrics(value_font).height()
        caption_h = QFontMetrics(self._caption_font()).height()
        left = area.left()
        for value, caption, width, caption_font in self.figure_cells(tile, area.width()):
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
