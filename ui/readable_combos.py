"""Drop-down lists whose current and hovered rows stay readable.

Under a stylesheet, a combo's default popup delegate draws the highlighted row
blank (white on white); a styled item delegate draws it in the palette's
highlight with its text, in both directions."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget


def make_popups_readable(root: QWidget) -> None:
    """Give every combo under ``root`` (and ``root`` itself) a styled item delegate."""
    combos = root.findChildren(QComboBox)
    if isinstance(root, QComboBox):
        combos.append(root)
    for combo in combos:
        if not isinstance(combo.itemDelegate(), QStyledItemDelegate):
            combo.setItemDelegate(QStyledItemDelegate(combo))
