"""Keyboard shortcuts of the workspace, declared once (menus, Help and guide)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence


@dataclass(frozen=True)
class Shortcut:
    """One command and its default key sequence."""

    command: str
    keys: str
    label: str  # translatable source text, context "Shortcuts"

    def text(self) -> str:
        return QCoreApplication.translate("Shortcuts", self.label)


DEFAULT_SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("dial", "F5", str(QT_TRANSLATE_NOOP("Shortcuts", "Call the selected number"))),
    Shortcut("hangup", "F6", str(QT_TRANSLATE_NOOP("Shortcuts", "Hang up"))),
    Shortcut("next_order", "F8", str(QT_TRANSLATE_NOOP("Shortcuts", "Take the next order"))),
    Shortcut("confirm", "Ctrl+Return", str(QT_TRANSLATE_NOOP("Shortcuts", "Confirm the order"))),
    Shortcut("note", "Ctrl+N", str(QT_TRANSLATE_NOOP("Shortcuts", "Write a note"))),
    Shortcut("search", "Ctrl+F", str(QT_TRANSLATE_NOOP("Shortcuts", "Search the queue"))),
    Shortcut("whatsapp", "Ctrl+W", str(QT_TRANSLATE_NOOP("Shortcuts", "WhatsApp message"))),
    Shortcut("dashboard", "Ctrl+D", str(QT_TRANSLATE_NOOP("Shortcuts", "My day (dashboard)"))),
    # Team menu: offered to leads and admins only.
    Shortcut("wallboard", "Ctrl+Shift+W",
             str(QT_TRANSLATE_NOOP("Shortcuts", "Team wallboard (leads)"))),
    Shortcut("reports", "Ctrl+Shift+R",
             str(QT_TRANSLATE_NOOP("Shortcuts", "Team reports (leads)"))),
)


def shortcut_keys(command: str, overrides: dict[str, str] | None = None) -> str:
    """Key sequence for ``command``, the agent's choice first."""
    if overrides and command in overrides:
        return overrides[command]
    for shortcut in DEFAULT_SHORTCUTS:
        if shortcut.command == command:
            return shortcut.keys
    raise KeyError(command)


def shortcut_label(keys: str) -> str:
    """How a key sequence is named on screen, the same in menus, tooltips and Help:
    the translated modifier names ("Ctrl+Maj+W") and the Enter key called Enter
    (Qt says "Return"/"Retour" for the main key; keyboards and the guide say Enter)."""
    native = QKeySequence.SequenceFormat.NativeText
    text = QKeySequence(keys).toString(native)
    return_name = QKeySequence(Qt.Key.Key_Return).toString(native)
    enter_name = QKeySequence(Qt.Key.Key_Enter).toString(native)
    return text.replace(return_name, enter_name) if return_name else text
