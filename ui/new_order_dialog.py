"""New order: an existing customer found by phone, or a new one, from the catalogue."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.services.workspace_service import WorkspaceService
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from ui.order_lines_editor import OrderLinesEditor
from ui.readable_combos import make_popups_readable


class NewOrderDialog(QDialog):
    """The order is created on the server, already in the agent's hands."""

    def __init__(self, workspace: WorkspaceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        #: The phone whose known customer filled name and address (None: typed by hand).
        self._filled_from: str | None = None
        self.setObjectName("newOrderDialog")
        self.setWindowTitle(self.tr("New order"))
        self.phone = QLineEdit(self)
        self.phone.setObjectName("newOrderPhone")
        self.phone.setPlaceholderText(self.tr("06 12 34 56 78"))
        self.found = QLabel(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("newOrderName")
        self.address = QLineEdit(self)
        self.address.setObjectName("newOrderAddress")
        self.city = QComboBox(self)
        self.city.setEditable(True)
        self.city.addItems(workspace.cities())
        self.lines = OrderLinesEditor(workspace, self)
        self.lines.save_button.setVisible(False)
        # A new order is typed at its price: rescue discounts come later, on the order.
        self.lines.order_discount.setVisible(False)
        self.lines.set_limits(workspace.rescue_limits())
        self.lines.load([], self.city.currentText(), True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("newOrderNote")
        self.note.setPlaceholderText(self.tr("Note for the team (optional)"))
        self.note.setMaximumHeight(60)
        self.error = QLabel(self)
        self.error.setObjectName("newOrderError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create order"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow("", self.found)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.lines)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.phone.editingFinished.connect(self._lookup_customer)
        self.city.currentTextChanged.connect(self.lines.set_city)
        make_popups_readable(self)
        self.resize(720, 560)

    def _normalized_phone(self) -> str | None:
        try:
            return normalize_phone(self.phone.text())
        except (InvalidPhoneNumber, ValueError):
            return None

    def _lookup_customer(self) -> None:
        phone = self._normalized_phone()
        if phone is None:
            self.found.clear()
            return
        known = list(self._workspace.orders_by_phone(phone))
        # Fields filled from another phone's customer are that customer's: they go,
        # or a parcel leaves with the wrong person's name and address.
        stale = self._filled_from is not None and self._filled_from != phone
        if not known:
            self.found.setText(self.tr("New customer"))
            if stale:
                self._fill("", "", "")
                self._filled_from = None
            return
        last = known[0]
        self.found.setText(
            self.tr("Known customer: %1 (%n order(s))", "", len(known)).replace(
                "%1", last.customer_name
            )
        )
        if not self.name.text() or stale:
            self._fill(last.customer_name, last.address, last.city)
            self._filled_from = phone

    def _fill(self, name: str, address: str, city: str) -> None:
        self.name.setText(name)
        self.address.setText(address)
        self.city.setEditText(city)

    def _on_accept(self) -> None:
        if self._normalized_phone() is None:
            self.error.setText(self.tr("Enter a valid phone number."))
            return
        if not self.name.text().strip():
            self.error.setText(self.tr("Enter the customer's name."))
            return
        if not self.lines.model.lines():
            self.error.setText(self.tr("Add at least one article."))
            return
        self.accept()

    def request(self) -> dict[str, Any]:
        """Arguments for ``WorkspaceService.create_order``."""
        return {
            "name": self.name.text().strip(),
            "phone": self._normalized_phone() or "",
            "address": self.address.text().strip(),
            "city": self.city.currentText().strip(),
            "lines": [line for line in self.lines.model.lines() if line.quantity > 0],
            "free_delivery": self.lines.free_delivery.isChecked(),
            "note": self.note.toPlainText().strip() or None,
        }
