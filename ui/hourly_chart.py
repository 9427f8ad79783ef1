"""A small bar chart of calls and confirmations per hour, drawn with QPainter."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

FIRST_HOUR = 8
LAST_HOUR = 21


class HourlyChart(QWidget):
    """Two bars per hour (calls, confirmed); the team's average as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourlyChart")
        self.setMinimumSize(460, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._calls: dict[int, int] = {}
        self._confirmed: dict[int, int] = {}
        self._team: dict[int, int] = {}

    def set_data(
        self, calls: dict[int, int], confirmed: dict[int, int], team: dict[int, int] | None
    ) -> None:
        self._calls = dict(calls)
        self._confirmed = dict(confirmed)
        self._team = dict(team or {})
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(34, 10, -10, -42)
        hours = list(range(FIRST_HOUR, LAST_HOUR + 1))
        peak = max([1, *self._calls.values(), *self._confirmed.values(), *self._team.values()])
        axis = self.palette().text().color()
        painter.setPen(QPen(axis, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.topLeft())
        painter.drawText(QRectF(0, rect.top() - 6, 30, 14), Qt.AlignmentFlag.AlignRight, str(peak))
        slot = rect.width() / len(hours)
        bar = slot * 0.34
        for i, hour in enumerate(hours):
            x = rect.left() + i * slot + slot * 0.14
            for offset, value, colour in (
                (0.0, self._calls.get(hour, 0), QColor("#2563eb")),
                (bar, self._confirmed.get(hour, 0), QColor("#16a34a")),
            ):
                height = rect.height() * value / peak
                painter.fillRect(QRectF(x + offset, rect.bottom() - height, bar, height), colour)
            painter.setPen(axis)
            painter.drawText(
                QRectF(rect.left() + i * slot, rect.bottom() + 3, slot, 14),
                Qt.AlignmentFlag.AlignHCenter,
                f"{hour}h",
            )
        if self._team:
            painter.setPen(QPen(QColor("#f59e0b"), 2, Qt.PenStyle.DashLine))
            points = [
                (
                    rect.left() + (i + 0.5) * slot,
                    rect.bottom() - rect.height() * self._team.get(h, 0) / peak,
                )
                for i, h in enumerate(hours)
            ]
            for (x1, y1), (x2, y2) in pairwise(points):
                painter.drawLine(int(x1), int(y1), int(x2), int(y2))
        legend_y = self.height() - 18
        x = 34.0
        metrics = painter.fontMetrics()
        for colour, text in (
            (QColor("#2563eb"), self.tr("Calls")),
            (QColor("#16a34a"), self.tr("Confirmed")),
            (QColor("#f59e0b"), self.tr("Team average (calls)")),
        ):
            width = metrics.horizontalAdvance(text) + 4
            painter.fillRect(QRectF(x, legend_y + 2, 10, 10), colour)
            painter.setPen(axis)
            painter.drawText(
                QRectF(x + 14, legend_y - 1, width, 16), Qt.AlignmentFlag.AlignLeft, text
            )
            x += 14 + width + 18
        painter.end()
