"""What an agent would see as cut: a label, button, combo or field whose text
does not fit the room it was given, or a control that lies outside the window.

Walks the widget tree of a shown window; each finding is a readable line."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    elif isinstance(widget, QAbstractSpinBox):
        text = widget.text()
    return f"{type(widget).__name__}#{widget.objectName() or '?'} {text!r}"


def _inside_item_view(widget: QWidget) -> bool:
    """Cell editors and tab bars scroll or elide by design; they are not checked."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


def _combo_room(combo: QComboBox) -> tuple[int, int]:
    """(room for the text, width the current text needs)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    return field.width(), needed


def clipped_widgets(window: QWidget) -> list[str]:
    """Every visible control whose text is cut or that lies outside ``window``."""
    found: list[str] = []
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or _inside_item_view(widget):
            continue
        if isinstance(widget, QTabBar):
            continue
        if not isinstance(widget, QLabel | QAbstractButton | QComboBox | QAbstractSpinBox):
            continue
        top_left = widget.mapTo(window, QPoint(0, 0))
        area = QRect(top_left, widget.size())
        if not bounds.contains(area):
            found.append(f"{_name(widget)} lies outside the window at {area.getRect()}")
            continue
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                needed = widget.fontMetrics().horizontalAdvance(widget.currentText())
                room = widget.lineEdit().width() if widget.lineEdit() else widget.width()
            else:
                room, needed = _combo_room(widget)
            if needed > room:
                found.append(f"{_name(widget)} needs {needed} px, has {room}")
            continue
        if isinstance(widget, QLabel):
            if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
                continue
            if widget.wordWrap():
                needed_height = widget.heightForWidth(widget.width())
                if needed_height > widget.height() + 1:
                    found.append(
                        f"{_name(widget)} needs {needed_height} px high, has {widget.height()}"
                    )
                continue
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            found.append(
                f"{_name(widget)} needs {hint.width()}x{hint.height()},"
                f" has {widget.width()}x{widget.height()}"
            )
    return found
