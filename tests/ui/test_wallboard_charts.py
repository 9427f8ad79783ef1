"""The wallboard's charts painted by hand: bars in their class colours, as long as
their figures, mirrored right to left, and no QtCharts anywhere in the desktop."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.wallboard.wallboard_state import HourSlot
from core.dispositions import OutcomeClass
from tests.fixtures.server_process import REPO_ROOT
from ui.wallboard import wallboard_theme as theme
from ui.wallboard.wallboard_charts import HourlyChart, OutcomeChart, nice_max


def render(widget: QWidget, qtbot: QtBot, direction: Qt.LayoutDirection) -> QImage:
    qtbot.addWidget(widget)
    widget.setLayoutDirection(direction)
    widget.resize(600, 250)
    return widget.grab().toImage()


def columns_of(image: QImage, colour: QColor) -> list[int]:
    """x of every column holding ``colour`` (bars are filled with it exactly)."""
    wanted = colour.rgb()
    return [x for x in range(image.width())
            if any(image.pixel(x, y) == wanted for y in range(image.height()))]


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight,
                                       Qt.LayoutDirection.RightToLeft])
def test_outcome_bars_are_as_long_as_their_figures_and_grow_from_the_reading_side(
    qtbot: QtBot, direction: Qt.LayoutDirection
) -> None:
    chart = OutcomeChart()
    chart.set_outcomes({OutcomeClass.POSITIVE: 30, OutcomeClass.NEGATIVE: 15})
    assert chart.values()[OutcomeClass.PARTIAL] == 0
    assert "30" in chart.accessibleDescription()
    image = render(chart, qtbot, direction)
    positive = columns_of(image, theme.OUTCOME_COLOURS[OutcomeClass.POSITIVE])
    negative = columns_of(image, theme.OUTCOME_COLOURS[OutcomeClass.NEGATIVE])
    # Legend squares have the colours too: the bars are the long runs.
    positive_bar = max(positive) - min(positive) if positive else 0
    negative_bar = max(negative) - min(negative) if negative else 0
    assert positive_bar > 0 and abs(positive_bar / 2 - negative_bar) < positive_bar * 0.15
    # The bars start at the leading edge: left, or right for Arabic.
    edge = image.width() * 0.1
    if direction == Qt.LayoutDirection.LeftToRight:
        assert min(positive) < edge and max(positive) < image.width() - edge
    else:
        assert max(positive) > image.width() - edge and min(positive) > edge


def test_hourly_bars_run_in_reading_order(qtbot: QtBot) -> None:
    slots = [HourSlot(hour=9, calls=10, confirmations=1), HourSlot(hour=10, calls=0,
                                                                  confirmations=0),
             HourSlot(hour=11, calls=20, confirmations=8)]
    images = {}
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        chart = HourlyChart()
        chart.set_slots(slots)
        images[direction] = render(chart, qtbot, direction)
    assert chart.slots() == slots
    ltr = columns_of(images[Qt.LayoutDirection.LeftToRight], theme.CONFIRMATIONS_COLOUR)
    rtl = columns_of(images[Qt.LayoutDirection.RightToLeft], theme.CONFIRMATIONS_COLOUR)
    # Two hours with confirmations; 11h (the last) is the rightmost left to right and
    # the leftmost right to left, so the two pictures mirror each other.
    assert ltr and rtl
    width = images[Qt.LayoutDirection.LeftToRight].width()
    assert abs((width - 1 - max(ltr)) - min(rtl)) <= 2


def test_axis_tops_are_round_and_above_the_figures() -> None:
    assert [nice_max(v) for v in (0, 3, 9, 18, 58, 96, 470)] == [4, 4, 10, 20, 100, 200, 500]
    assert all(nice_max(v) > v and nice_max(v) % 2 == 0 for v in range(0, 20_000, 37))


def test_the_desktop_never_loads_qtcharts() -> None:
    """QtCharts would bring its and OpenGL's libraries into the bundle."""
    code = ("import sys, ui.desktop_app, ui.wallboard.lead_windows; "
            "print(sorted(m for m in sys.modules if 'QtCharts' in m))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
