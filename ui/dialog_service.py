"""Modal questions behind one small object, so tests can answer them.

Windows never call ``QMessageBox`` or ``dialog.exec()`` directly; they ask the
``DialogService``. The real one shows Qt dialogs; ``ScriptedDialogs`` (used
by the tests) answers from a queue and records what was asked.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


class DialogService(Protocol):
    """Questions and messages a window may put to the agent."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def warn(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool: ...

    def run(self, dialog: QDialog) -> bool:
        """Show a prepared dialog modally; True when accepted."""
        ...


class QtDialogs:
    """The real dialogs."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def run(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted


@dataclass
class ScriptedDialogs:
    """Answers from a script; remembers every message shown (for tests)."""

    answers: deque[Any] = field(default_factory=deque)
    shown: list[tuple[str, str, str]] = field(default_factory=list)
    dialogs: list[QDialog] = field(default_factory=list)

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("question", title, text))
        return bool(self.answers.popleft()) if self.answers else True

    def run(self, dialog: QDialog) -> bool:
        """Let a script fill the dialog (a callable) then accept, or just answer."""
        self.dialogs.append(dialog)
        answer = self.answers.popleft() if self.answers else False
        if callable(answer):
            answer = answer(dialog)
        if answer:
            dialog.accept()
        else:
            dialog.reject()
        return bool(answer)
