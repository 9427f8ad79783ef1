"""Callback reminders: a bar that appears when call-backs fall due.

Only the agent's own call-backs (held or owned), plus those nobody owns when
the shop's settings say so: a colleague's call-back is theirs to make.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.order_views import QueueQuery
from app.services.queue_repository import QueueRepository
from ui.icons import icon


class CallbackReminder(QFrame):
    """Shown while call-backs are due; "Open" takes the first one."""

    open_requested = Signal(int)

    def __init__(
        self,
        repository: QueueRepository,
        parent: QWidget | None = None,
        *,
        include_unowned: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callbackReminder")
        self._repository = repository
        self._include_unowned = include_unowned
        self._first: int | None = None
        self._dismissed: frozenset[int] = frozenset()
        self.text = QLabel(self)
        self.open_button = QPushButton(icon("callback"), self.tr("Open"), self)
        self.later_button = QPushButton(self.tr("Later"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.later_button)
        self.open_button.clicked.connect(self._on_open)
        self.later_button.clicked.connect(self._on_later)
        self.setVisible(False)

    def check(self) -> None:
        """Look for due call-backs (SQL; cheap) and show or hide the bar."""
        query = self._query()
        due = [i for i in self._repository.ids(query) if i not in self._dismissed]
        if not due:
            self.setVisible(False)
            self._first = None
            return
        self._first = due[0]
        rows = self._repository.rows_by_ids([due[0]])
        who = rows[0].customer_name if rows else ""
        self.text.setText(
            self.tr("%n call-back(s) due now. Next: %1", "", len(due)).replace("%1", who)
        )
        self.setVisible(True)

    def _on_open(self) -> None:
        if self._first is not None:
            self.open_requested.emit(self._first)
        self.setVisible(False)

    def _query(self) -> QueueQuery:
        return replace(
            QueueQuery(),
            callbacks_due_only=True,
            mine_only=True,
            or_unowned=self._include_unowned(),
        )

    def _on_later(self) -> None:
        self._dismissed = frozenset(self._repository.ids(self._query()))
        self.setVisible(False)
