"""My day: today's calls, talk time, confirmations, conversion, per-hour chart."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.stats_service import DayFigures, StatsService
from ui.formatting import format_duration, format_money
from ui.hourly_chart import HourlyChart


class DashboardDialog(QDialog):
    """Personal figures beside the team's average; refreshes on changes."""

    def __init__(self, stats: StatsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stats = stats
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("My day"))
        self.figures: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>" + self.tr("Me") + "</b>", self), 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("Team average") + "</b>", self), 0, 2)
        rows = (
            ("calls", self.tr("Calls")),
            ("talk", self.tr("Talk time")),
            ("confirmed", self.tr("Confirmed")),
            ("value", self.tr("Confirmed value")),
            ("conversion", self.tr("Conversion")),
        )
        for row, (key, title) in enumerate(rows, start=1):
            mine = QLabel(self)
            mine.setObjectName(f"dashboard_{key}")
            team = QLabel(self)
            grid.addWidget(QLabel(title, self), row, 0)
            grid.addWidget(mine, row, 1)
            grid.addWidget(team, row, 2)
            self.figures[key] = (mine, team)
        self.chart = HourlyChart(self)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.chart, 1)
        stats.changed.connect(self.refresh)
        self.resize(620, 460)

    def _texts(self, figures: DayFigures | None) -> dict[str, str]:
        if figures is None:
            return dict.fromkeys(("calls", "talk", "confirmed", "value", "conversion"), "—")
        return {
            "calls": str(figures.calls),
            "talk": format_duration(figures.talk_seconds),
            "confirmed": str(figures.confirmed),
            "value": format_money(figures.confirmed_value),
            "conversion": f"{figures.conversion * 100:.0f} %",
        }

    def refresh(self) -> None:
        mine = self._stats.today()
        team = self._stats.team_today()
        mine_texts, team_texts = self._texts(mine), self._texts(team)
        for key, (mine_label, team_label) in self.figures.items():
            mine_label.setText(mine_texts[key])
            team_label.setText(team_texts[key])
        self.chart.set_data(
            mine.calls_per_hour, mine.confirmed_per_hour, team.calls_per_hour if team else None
        )
