"""The two charts of the wallboard (QtCharts): outcome classes of today and
calls / confirmations per hour slot."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from app.wallboard.wallboard_state import HourSlot
from core.dispositions import OutcomeClass
from ui.wallboard import wallboard_theme as theme
from ui.wallboard.wallboard_texts import WallboardTexts


def _dark_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    chart.setBackgroundVisible(False)
    chart.setTitle(title)
    chart.setTitleBrush(theme.MUTED_TEXT)
    chart.setTitleFont(theme.font(0.95, bold=True))
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setLabelColor(theme.TEXT)
    chart.legend().setFont(theme.font(0.8))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _nice_max(value: int) -> int:
    """A round axis maximum above ``value`` (4, 10, 20, 50, 100, 200...), halved cleanly."""
    for step in (4, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 5000, 10000):
        if value < step * 0.95:
            return step
    return int(value * 1.2) + 1


def _value_axis(maximum: int) -> QValueAxis:
    """0, half and top: few labels, readable from afar."""
    axis = QValueAxis()
    axis.setRange(0, _nice_max(maximum))
    axis.setTickCount(3)
    axis.setLabelFormat("%d")
    axis.setLabelsColor(theme.MUTED_TEXT)
    axis.setLabelsFont(theme.font(0.7))
    return axis


class OutcomeChart(QChartView):
    """Horizontal bars: Positive, Negative, Partial, Unclassified (today)."""

    ORDER = [OutcomeClass.POSITIVE, OutcomeClass.NEGATIVE, OutcomeClass.PARTIAL,
             OutcomeClass.UNCLASSIFIED]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = WallboardTexts(self)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setStyleSheet("background: transparent;")
        self._values: dict[OutcomeClass, int] = {}
        self.set_outcomes({})

    def values(self) -> dict[OutcomeClass, int]:
        return dict(self._values)

    def set_outcomes(self, outcomes: dict[OutcomeClass, int]) -> None:
        values = {c: outcomes.get(c, 0) for c in self.ORDER}
        if values == self._values and self.chart().series():
            return
        self._values = values
        chart = _dark_chart(self.tr("Outcomes today"))
        # One bar set per class, each non-zero only in its own row, stacked: so
        # every bar gets its class colour.
        series = QHorizontalStackedBarSeries()
        rows = list(reversed(self.ORDER))
        for position, outcome in enumerate(rows):
            bar = QBarSet(self._texts.outcome(outcome))
            bar.setColor(theme.OUTCOME_COLOURS[outcome])
            bar.setLabelColor(theme.TEXT)
            bar.setLabelFont(theme.font(0.9, bold=True))
            bar.append([float(values[outcome]) if i == position else 0.0
                        for i in range(len(rows))])
            series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideBase)
        chart.addSeries(series)
        # Class names go in the legend (coloured like the bars): axis labels
        # would be elided in a narrow panel.
        categories = QBarCategoryAxis()
        categories.append([self._texts.outcome(c) for c in reversed(self.ORDER)])
        categories.setLabelsVisible(False)
        categories.setGridLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        axis = _value_axis(max(values.values(), default=0))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.legend().setReverseMarkers(True)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()


class HourlyChart(QChartView):
    """Grouped bars per hour slot: calls and confirmations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setStyleSheet("background: transparent;")
        self._slots: list[HourSlot] = []
        self.set_slots([])

    def slots(self) -> list[HourSlot]:
        return list(self._slots)

    def set_slots(self, slots: list[HourSlot]) -> None:
        if slots == self._slots and self.chart().series():
            return
        self._slots = list(slots)
        chart = _dark_chart(self.tr("Calls and confirmations per hour"))
        calls = QBarSet(self.tr("Calls"))
        calls.setColor(theme.CALLS_COLOUR)
        confirmations = QBarSet(self.tr("Confirmations"))
        confirmations.setColor(theme.CONFIRMATIONS_COLOUR)
        calls.append([float(s.calls) for s in slots])
        confirmations.append([float(s.confirmations) for s in slots])
        series = QBarSeries()
        series.append(calls)
        series.append(confirmations)
        chart.addSeries(series)
        hours = QBarCategoryAxis()
        hours.append([f"{s.hour:02d}h" for s in slots] or ["—"])
        hours.setLabelsColor(theme.TEXT)
        hours.setLabelsFont(theme.font(0.75))
        chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(hours)
        axis = _value_axis(max((s.calls for s in slots), default=0))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
