"""The two charts of the wallboard, drawn with QPainter: outcome classes of today
and calls / confirmations per hour slot.

Painted by hand rather than with QtCharts, which would bring QtCharts and the
OpenGL libraries into the desk bundle for two bar charts. The look follows the
dashboard's hourly chart (ui/hourly_chart.py) in the wallboard's dark theme:
a title, a coloured legend, few axis labels (0, half, top) so figures read
from afar, and every horizontal position mirrored when the layout runs right
to left.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.wallboard.wallboard_state import HourSlot
from core.dispositions import OutcomeClass
from ui.wallboard import wallboard_theme as theme
from ui.wallboard.wallboard_texts import WallboardTexts

#: Grid lines and axes: visible on the panel without competing with the bars.
_GRID = QColor("#3a4757")
_AXIS = QColor("#6b7785")
_MARGIN = 8.0
_AXIS_LABEL_SCALE = 0.7


def nice_max(value: int) -> int:
    """A round axis maximum above ``value`` (4, 10, 20, 50, 100, 200...), halved cleanly."""
    for step in (4, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 5000, 10000):
        if value < step * 0.95:
            return step
    top = int(value * 1.2) + 1
    return top + top % 2


class _BarChart(QWidget):
    """Title, legend and mirroring shared by the two wallboard charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)

    def title(self) -> str:
        raise NotImplementedError

    def legend(self) -> list[tuple[QColor, str]]:
        raise NotImplementedError

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def mirrored(self, rect: QRectF) -> QRectF:
        """``rect`` laid out left to right, placed for the widget's direction."""
        if not self.isRightToLeft():
            return rect
        return QRectF(self.width() - rect.right(), rect.top(), rect.width(), rect.height())

    def mirrored_x(self, x: float) -> float:
        return self.width() - x if self.isRightToLeft() else x

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = _MARGIN
        title_font = theme.font(0.95, bold=True)
        painter.setFont(title_font)
        painter.setPen(theme.MUTED_TEXT)
        title_height = QFontMetricsF(title_font).height()
        painter.drawText(QRectF(0, top, self.width(), title_height),
                         Qt.AlignmentFlag.AlignCenter, self.title())
        top += title_height + 6
        top += self._paint_legend(painter, top) + 8
        self.paint_plot(painter, QRectF(_MARGIN, top, self.width() - 2 * _MARGIN,
                                        self.height() - top - _MARGIN))
        painter.end()

    def _paint_legend(self, painter: QPainter, top: float) -> float:
        """One centred row of colour squares and names; returns its height."""
        font = theme.font(0.8)
        metrics = QFontMetricsF(font)
        square = metrics.height() * 0.6
        items = [(colour, text, metrics.horizontalAdvance(text)) for colour, text in self.legend()]
        gap, spacing = 5.0, 14.0
        total = sum(square + gap + width for _, _, width in items) + spacing * (len(items) - 1)
        x = max(0.0, (self.width() - total) / 2)
        painter.setFont(font)
        for colour, text, width in items:
            painter.fillRect(
                self.mirrored(QRectF(x, top + (metrics.height() - square) / 2, square, square)),
                colour)
            painter.setPen(theme.TEXT)
            painter.drawText(self.mirrored(QRectF(x + square + gap, top, width + 2,
                                                  metrics.height())),
                             Qt.AlignmentFlag.AlignCenter, text)
            x += square + gap + width + spacing
        return metrics.height()

    @staticmethod
    def axis_font() -> QFont:
        return theme.font(_AXIS_LABEL_SCALE)


class OutcomeChart(_BarChart):
    """Horizontal bars: Positive, Negative, Partial, Unclassified (today)."""

    ORDER = [OutcomeClass.POSITIVE, OutcomeClass.NEGATIVE, OutcomeClass.PARTIAL,
             OutcomeClass.UNCLASSIFIED]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeChart")
        self._texts = WallboardTexts(self)
        self._values: dict[OutcomeClass, int] = {c: 0 for c in self.ORDER}
        self._describe()

    def values(self) -> dict[OutcomeClass, int]:
        return dict(self._values)

    def set_outcomes(self, outcomes: dict[OutcomeClass, int]) -> None:
        values = {c: outcomes.get(c, 0) for c in self.ORDER}
        if values == self._values:
            return
        self._values = values
        self._describe()
        self.update()

    def _describe(self) -> None:
        # Screen readers and tests read the figures without pixels.
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(", ".join(
            f"{self._texts.outcome(c)}: {self._values[c]}" for c in self.ORDER))

    def title(self) -> str:
        return self.tr("Outcomes today")

    def legend(self) -> list[tuple[QColor, str]]:
        # Class names go in the legend, coloured like the bars: labels beside
        # the bars would be cut in a narrow panel.
        return [(theme.OUTCOME_COLOURS[c], self._texts.outcome(c)) for c in self.ORDER]

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        label_font = self.axis_font()
        label_height = QFontMetricsF(label_font).height()
        plot = area.adjusted(4, 0, -18, -label_height - 4)
        top = nice_max(max(self._values.values(), default=0))
        # Vertical grid at 0, half and top, labelled underneath.
        painter.setFont(label_font)
        for fraction, value in ((0.0, 0), (0.5, top // 2), (1.0, top)):
            x = plot.left() + plot.width() * fraction
            painter.setPen(QPen(_GRID if fraction else _AXIS, 1))
            painter.drawLine(QPointF(self.mirrored_x(x), plot.top()),
                             QPointF(self.mirrored_x(x), plot.bottom()))
            painter.setPen(theme.MUTED_TEXT)
            painter.drawText(self.mirrored(QRectF(x - 30, plot.bottom() + 4, 60, label_height)),
                             Qt.AlignmentFlag.AlignCenter, str(value))
        row = plot.height() / len(self.ORDER)
        thickness = min(row * 0.62, 34.0)
        value_font = theme.font(0.9, bold=True)
        painter.setFont(value_font)
        for index, outcome in enumerate(self.ORDER):
            value = self._values[outcome]
            y = plot.top() + index * row + (row - thickness) / 2
            length = plot.width() * value / top
            painter.fillRect(self.mirrored(QRectF(plot.left(), y, length, thickness)),
                             theme.OUTCOME_COLOURS[outcome])
            # The figure sits at the bar's base, in the bar when it fits.
            painter.setPen(theme.TEXT)
            painter.drawText(
                self.mirrored(QRectF(plot.left() + 4, y, max(length, 60.0), thickness)),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading, str(value))


class HourlyChart(_BarChart):
    """Grouped bars per hour slot: calls and confirmations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourlyChart")
        self._slots: list[HourSlot] = []
        self._describe()

    def slots(self) -> list[HourSlot]:
        return list(self._slots)

    def set_slots(self, slots: Sequence[HourSlot]) -> None:
        if list(slots) == self._slots:
            return
        self._slots = list(slots)
        self._describe()
        self.update()

    def _describe(self) -> None:
        self.setAccessibleName(self.title())
        self.setAccessibleDescription("; ".join(
            f"{s.hour:02d}h: {s.calls} / {s.confirmations}" for s in self._slots))

    def title(self) -> str:
        return self.tr("Calls and confirmations per hour")

    def legend(self) -> list[tuple[QColor, str]]:
        return [(theme.CALLS_COLOUR, self.tr("Calls")),
                (theme.CONFIRMATIONS_COLOUR, self.tr("Confirmations"))]

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        axis_font = self.axis_font()
        axis_metrics = QFontMetricsF(axis_font)
        hour_font = theme.font(0.75)
        hour_height = QFontMetricsF(hour_font).height()
        top = nice_max(max([0, *(s.calls for s in self._slots),
                            *(s.confirmations for s in self._slots)]))
        gutter = axis_metrics.horizontalAdvance(str(top)) + 8
        plot = area.adjusted(gutter, axis_metrics.height() / 2, -4, -hour_height - 4)
        # Horizontal grid at 0, half and top, labelled on the leading side.
        painter.setFont(axis_font)
        for fraction, value in ((0.0, 0), (0.5, top // 2), (1.0, top)):
            y = plot.bottom() - plot.height() * fraction
            painter.setPen(QPen(_AXIS if fraction == 0 else _GRID, 1))
            painter.drawLine(QPointF(self.mirrored_x(plot.left()), y),
                             QPointF(self.mirrored_x(plot.right()), y))
            painter.setPen(theme.MUTED_TEXT)
            painter.drawText(
                self.mirrored(QRectF(area.left(), y - axis_metrics.height() / 2, gutter - 6,
                                     axis_metrics.height())),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignTrailing, str(value))
        painter.setFont(hour_font)
        if not self._slots:
            painter.setPen(theme.MUTED_TEXT)
            painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), hour_height),
                             Qt.AlignmentFlag.AlignCenter, "—")
            return
        slot = plot.width() / len(self._slots)
        bar = min(slot * 0.3, 40.0)
        label_width = QFontMetricsF(hour_font).horizontalAdvance("00h") + 6
        # Every n-th hour labelled when a long day would crowd the axis.
        label_every = max(1, int(label_width // slot) + 1)
        for index, hour_slot in enumerate(self._slots):
            centre = plot.left() + (index + 0.5) * slot
            for offset, value, colour in ((-bar - 1, hour_slot.calls, theme.CALLS_COLOUR),
                                          (1, hour_slot.confirmations,
                                           theme.CONFIRMATIONS_COLOUR)):
                height = plot.height() * value / top
                painter.fillRect(self.mirrored(QRectF(centre + offset, plot.bottom() - height,
                                                      bar, height)), colour)
            if index % label_every == 0:
                painter.setPen(theme.TEXT)
                painter.drawText(self.mirrored(QRectF(centre - slot / 2 - 20, plot.bottom() + 4,
                                                      slot + 40, hour_height)),
                                 Qt.AlignmentFlag.AlignCenter, f"{hour_slot.hour:02d}h")
