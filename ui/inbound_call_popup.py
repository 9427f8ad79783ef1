"""Inbound call pop-up: who is calling, their orders, answer or decline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.softphone_views import InboundCall
from ui.formatting import phone_text
from ui.icons import icon


class InboundCallPopup(QDialog):
    """Non-modal: the agent keeps working while it rings."""

    answer_requested = Signal(int, object)  # handle, order id or None
    decline_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboundCall")
        self.setWindowTitle(self.tr("Incoming call"))
        self.setModal(False)
        self._handle = 0
        self.caller = QLabel(self)
        self.caller.setObjectName("inboundCaller")
        self.orders = QListWidget(self)
        self.orders.setObjectName("inboundOrders")
        self.answer = QPushButton(icon("call"), self.tr("Answer"), self)
        self.decline = QPushButton(icon("hangup"), self.tr("Decline"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer)
        buttons.addWidget(self.decline)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caller)
        layout.addWidget(QLabel(self.tr("Orders of this number:"), self))
        layout.addWidget(self.orders)
        layout.addLayout(buttons)
        self.answer.clicked.connect(self._on_answer)
        self.decline.clicked.connect(self._on_decline)

    def show_call(self, call: InboundCall) -> None:
        self._handle = call.handle
        number = phone_text(call.number)
        name = f"{call.display_name} — " if call.display_name else ""
        self.caller.setText(self.tr("%1 is calling").replace("%1", name + number))
        self.orders.clear()
        for order_id, label in zip(call.order_ids, call.order_labels, strict=False):
            item = QListWidgetItem(label, self.orders)
            item.setData(Qt.ItemDataRole.UserRole, order_id)
        if not call.order_ids:
            self.orders.addItem(self.tr("No order found for this number"))
        else:
            self.orders.setCurrentRow(0)
        self.show()
        self.raise_()

    def dismiss(self, handle: int) -> None:
        """The caller gave up (or the call ended elsewhere): nothing left to answer."""
        if handle == self._handle:
            self.hide()

    def _on_answer(self) -> None:
        item = self.orders.currentItem()
        order_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.answer_requested.emit(self._handle, order_id)
        self.hide()

    def _on_decline(self) -> None:
        self.decline_requested.emit(self._handle)
        self.hide()
