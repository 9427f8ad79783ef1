"""A dark, high-contrast theme readable from three metres.

Large type, few colours, and each presence with its own colour so a lead
recognises "who is in a call" without reading.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from app.wallboard.wallboard_state import AgentPresence
from core.dispositions import OutcomeClass

BACKGROUND = QColor("#10151c")
PANEL = QColor("#1b232e")
TEXT = QColor("#f2f5f8")
MUTED_TEXT = QColor("#a9b4c2")
ALERT = QColor("#e5484d")
WARNING = QColor("#f5a524")

PRESENCE_COLOURS: dict[AgentPresence, QColor] = {
    AgentPresence.AVAILABLE: QColor("#2f9e5a"),
    AgentPresence.RINGING: QColor("#d9a400"),
    AgentPresence.IN_CALL: QColor("#2f6fd6"),
    AgentPresence.WRAP_UP: QColor("#8b5cd6"),
    AgentPresence.PAUSED: QColor("#d9731f"),
    AgentPresence.OFFLINE: QColor("#4a5563"),
}

OUTCOME_COLOURS: dict[OutcomeClass, QColor] = {
    OutcomeClass.POSITIVE: QColor("#2f9e5a"),
    OutcomeClass.NEGATIVE: QColor("#e5484d"),
    OutcomeClass.PARTIAL: QColor("#d9a400"),
    OutcomeClass.UNCLASSIFIED: QColor("#7b8794"),
}

CALLS_COLOUR = QColor("#4c8fe8")
CONFIRMATIONS_COLOUR = QColor("#2fbf71")

#: Base point size of body text; titles and figures scale from it.
BASE_POINT_SIZE = 15


def font(scale: float = 1.0, *, bold: bool = False) -> QFont:
    """The wallboard font at ``scale`` × the base size."""
    result = QFont()
    result.setPointSizeF(BASE_POINT_SIZE * scale)
    result.setBold(bold)
    return result


STYLESHEET = f"""
QWidget#wallboard {{
    background: {BACKGROUND.name()};
    color: {TEXT.name()};
    font-size: {BASE_POINT_SIZE}pt;
}}
QWidget#wallboard QLabel {{ color: {TEXT.name()}; }}
QWidget#wallboard QLabel[muted="true"] {{ color: {MUTED_TEXT.name()}; }}
QWidget#wallboard QFrame#panel {{
    background: {PANEL.name()};
    border-radius: 10px;
}}
QWidget#wallboard QLabel#panelTitle {{
    color: {MUTED_TEXT.name()};
    font-size: {round(BASE_POINT_SIZE * 0.9)}pt;
    font-weight: bold;
    text-transform: uppercase;
}}
QWidget#wallboard QLabel#alertBanner {{
    background: {ALERT.name()};
    color: white;
    font-size: {round(BASE_POINT_SIZE * 1.5)}pt;
    font-weight: bold;
    padding: 8px 14px;
    border-radius: 8px;
}}
QWidget#wallboard QLabel#flaggedBanner {{
    background: {WARNING.name()};
    color: black;
    font-size: {round(BASE_POINT_SIZE * 1.2)}pt;
    font-weight: bold;
    padding: 6px 14px;
    border-radius: 8px;
}}
QWidget#wallboard QLabel#disconnected {{
    font-size: {round(BASE_POINT_SIZE * 0.95)}pt;
    background: {WARNING.name()};
    color: black;
    font-weight: bold;
    padding: 4px 10px;
    border-radius: 6px;
}}
QWidget#wallboard QListView, QWidget#wallboard QTableView {{
    font-size: {round(BASE_POINT_SIZE * 1.05)}pt;
    background: {PANEL.name()};
    color: {TEXT.name()};
    border: none;
    gridline-color: {BACKGROUND.name()};
    selection-background-color: #32465e;
}}
QWidget#wallboard QTableView#escalations {{
    font-size: {round(BASE_POINT_SIZE * 0.95)}pt;
}}
QWidget#wallboard QHeaderView::section {{
    background: {PANEL.name()};
    color: {MUTED_TEXT.name()};
    border: none;
    font-weight: bold;
    font-size: {round(BASE_POINT_SIZE * 0.85)}pt;
    padding: 4px;
}}
QWidget#wallboard QToolButton, QWidget#wallboard QPushButton {{
    background: #2a3543;
    color: {TEXT.name()};
    border: 1px solid #3a4757;
    border-radius: 6px;
    padding: 6px 12px;
    font-size: {round(BASE_POINT_SIZE * 0.85)}pt;
}}
"""
