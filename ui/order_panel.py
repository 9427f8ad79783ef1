"""The open order: customer, phones, address, lines, totals and its history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.order_views import OrderDetail
from app.services.workspace_service import WorkspaceService
from core.pricing import LineRequest
from ui.formatting import (
    channel_label,
    format_datetime,
    format_duration,
    format_money,
    outcome_label,
    phone_text,
    status_label,
)
from ui.icons import icon
from ui.order_lines_editor import OrderLinesEditor


class OrderPanel(QWidget):
    """Everything about the open order; edits go to the workspace service."""

    dial_requested = Signal(str)
    open_order_requested = Signal(int)

    def __init__(self, workspace: WorkspaceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._detail: OrderDetail | None = None

        self.title = QLabel(self)
        self.title.setObjectName("orderTitle")
        self.status = QLabel(self)
        self.status.setObjectName("orderStatus")
        self.holder = QLabel(self)
        self.holder.setObjectName("orderHolder")
        self.banner = QLabel(self)
        self.banner.setObjectName("duplicateBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status)
        header.addStretch(1)
        header.addWidget(self.holder)

        # Customer and phones
        self.customer_name = QLabel(self)
        self.customer_name.setObjectName("customerName")
        self.customer_email = QLabel(self)
        self.phones_box = QHBoxLayout()
        self.phones_box.setSpacing(6)
        phones_widget = QWidget(self)
        phones_widget.setLayout(self.phones_box)
        self.phone_buttons: list[QPushButton] = []

        customer = QGroupBox(self.tr("Customer"), self)
        customer_form = QFormLayout(customer)
        customer_form.addRow(self.tr("Name"), self.customer_name)
        customer_form.addRow(self.tr("Phones"), phones_widget)
        customer_form.addRow(self.tr("E-mail"), self.customer_email)

        # Address and city
        self.address = QLineEdit(self)
        self.address.setObjectName("addressEdit")
        self.city = QComboBox(self)
        self.city.setObjectName("cityEdit")
        self.city.setEditable(True)
        self.city.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.fee_label = QLabel(self)
        self.fee_label.setObjectName("feeLabel")
        self.save_address = QPushButton(self.tr("Save address"), self)
        self.save_address.setObjectName("saveAddressButton")
        self.save_address.setEnabled(False)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 1)
        city_row.addWidget(self.fee_label)
        city_row.addWidget(self.save_address)
        delivery = QGroupBox(self.tr("Delivery"), self)
        delivery_form = QFormLayout(delivery)
        delivery_form.addRow(self.tr("Address"), self.address)
        delivery_form.addRow(self.tr("City"), city_row)

        # Lines
        self.lines = OrderLinesEditor(workspace, self)
        lines_box = QGroupBox(self.tr("Articles"), self)
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.addWidget(self.lines)

        # History tabs
        self.tabs = QTabWidget(self)
        self.journal = self._tree(
            [
                self.tr("When"),
                self.tr("Channel"),
                self.tr("Outcome"),
                self.tr("Ring"),
                self.tr("Talk"),
                self.tr("SIP"),
                self.tr("Agent"),
            ]
        )
        self.journal.setObjectName("journalTimeline")
        self.history = self._tree(
            [self.tr("When"), self.tr("Status"), self.tr("By"), self.tr("Note")]
        )
        self.notes = self._tree([self.tr("When"), self.tr("Author"), self.tr("Note")])
        self.notes.setObjectName("notesList")
        self.previous = self._tree(
            [self.tr("Reference"), self.tr("Date"), self.tr("Status"), self.tr("Total")]
        )
        self.previous.setObjectName("previousOrders")
        self.previous.itemActivated.connect(self._on_previous_activated)
        self.tabs.addTab(self.journal, self.tr("Attempts"))
        self.tabs.addTab(self.notes, self.tr("Notes"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.previous, self.tr("Previous orders"))

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(header)
        top_layout.addWidget(self.banner)
        details = QHBoxLayout()
        details.addWidget(customer, 1)
        details.addWidget(delivery, 1)
        top_layout.addLayout(details)
        top_layout.addWidget(lines_box, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.placeholder = QLabel(
            self.tr("Open an order from the queue, or press F8 for the next one."), self
        )
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(splitter, 1)
        self._content = splitter

        self.city.setModel(self.city.model())
        self.city.currentTextChanged.connect(self._on_city_text)
        self.address.textEdited.connect(lambda _t: self._address_edited())
        self.save_address.clicked.connect(self._on_save_address)
        self.lines.save_requested.connect(self._on_save_lines)
        self.show_order(None)

    # -- public ------------------------------------------------------------
    @property
    def detail(self) -> OrderDetail | None:
        return self._detail

    def show_order(self, detail: OrderDetail | None) -> None:
        same_order = (
            detail is not None
            and self._detail is not None
            and detail.order_id == self._detail.order_id
        )
        keep_draft = same_order and self.lines.is_dirty()
        self._detail = detail
        self.placeholder.setVisible(detail is None)
        self._content.setVisible(detail is not None)
        if detail is None:
            return
        editable = self._workspace.is_editable(detail)
        self.title.setText(self.tr("Order %1").replace("%1", detail.reference))
        self.status.setText(status_label(detail.status))
        self.status.setProperty("status", str(detail.status))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        me = self._workspace.me
        if detail.holder and detail.holder != me:
            self.holder.setText(self.tr("Held by %1").replace("%1", detail.holder))
        elif detail.holder == me:
            self.holder.setText(self.tr("You hold this order"))
        else:
            self.holder.setText("")
        self._show_duplicates(detail)
        self._show_customer(detail)
        if not (same_order and self.save_address.isEnabled()):
            self.city.blockSignals(True)
            self.city.clear()
            self.city.addItems(self._workspace.cities())
            self.city.setEditText(detail.city)
            self.city.blockSignals(False)
            self.address.setText(detail.address)
            self.save_address.setEnabled(False)
        self.address.setReadOnly(not editable)
        self.city.setEnabled(editable)
        self._show_fee(self.city.currentText())
        if not keep_draft:
            self.lines.load(
                [
                    LineRequest(
                        line.article_ref, line.quantity, line.color, line.size, line.discount_pct
                    )
                    for line in detail.lines
                ],
                self.city.currentText(),
                editable,
                detail.free_delivery,
            )
        self._fill_journal(detail)
        self._fill_notes(detail)
        self._fill_history(detail)
        self._fill_previous(detail)

    # -- sections -------------------------------------------------------------
    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        return tree

    def _show_duplicates(self, detail: OrderDetail) -> None:
        if not detail.open_duplicates:
            self.banner.setVisible(False)
            return
        links = ", ".join(detail.open_duplicates)
        self.banner.setText(
            self.tr("This phone has another open order: %1. Check it is not a duplicate.").replace(
                "%1", links
            )
        )
        self.banner.setVisible(True)

    def _show_customer(self, detail: OrderDetail) -> None:
        self.customer_name.setText(detail.customer_name)
        self.customer_email.setText(detail.email or "—")
        while self.phones_box.count():
            item = self.phones_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.phone_buttons = []
        for phone in detail.phones:
            button = QPushButton(icon("call"), phone_text(phone), self)
            button.setObjectName("phoneButton")
            button.setToolTip(self.tr("Call %1").replace("%1", phone))
            button.clicked.connect(lambda _c=False, p=phone: self.dial_requested.emit(p))
            self.phones_box.addWidget(button)
            self.phone_buttons.append(button)
        self.phones_box.addStretch(1)

    def _show_fee(self, city: str) -> None:
        fee = self._workspace.delivery_fee(city)
        self.fee_label.setText(
            self.tr("Delivery: %1").replace("%1", format_money(fee))
            if fee is not None
            else self.tr("No delivery fee known for this city")
        )

    def _fill_journal(self, detail: OrderDetail) -> None:
        self.journal.clear()
        for entry in sorted(detail.journal, key=lambda e: e.at, reverse=True):
            sip = f"{entry.sip_code} {entry.sip_reason}".strip() if entry.sip_code else ""
            QTreeWidgetItem(
                self.journal,
                [
                    format_datetime(entry.at),
                    channel_label(entry.channel),
                    outcome_label(entry.outcome),
                    format_duration(entry.ring_seconds),
                    format_duration(entry.talk_seconds),
                    sip,
                    entry.agent,
                ],
            )
        self.tabs.setTabText(0, self.tr("Attempts (%1)").replace("%1", str(len(detail.journal))))

    def _fill_notes(self, detail: OrderDetail) -> None:
        self.notes.clear()
        for note in sorted(detail.notes, key=lambda n: n.at, reverse=True):
            author = note.author + (self.tr(" (waiting to send)") if note.pending else "")
            QTreeWidgetItem(self.notes, [format_datetime(note.at), author, note.text])

    def _fill_history(self, detail: OrderDetail) -> None:
        self.history.clear()
        for entry in sorted(detail.history, key=lambda h: h.at, reverse=True):
            QTreeWidgetItem(
                self.history,
                [format_datetime(entry.at), status_label(entry.status), entry.by, entry.note],
            )

    def _fill_previous(self, detail: OrderDetail) -> None:
        self.previous.clear()
        for order in detail.previous_orders:
            item = QTreeWidgetItem(
                self.previous,
                [
                    order.reference,
                    format_datetime(order.created_at),
                    status_label(order.status),
                    format_money(order.total),
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, order.order_id)
        self.tabs.setTabText(
            3, self.tr("Previous orders (%1)").replace("%1", str(len(detail.previous_orders)))
        )

    # -- edits ----------------------------------------------------------------
    def _address_edited(self) -> None:
        self.save_address.setEnabled(True)

    def _on_city_text(self, city: str) -> None:
        self._show_fee(city)
        self.lines.set_city(city)
        if self._detail is not None and city != self._detail.city:
            self.save_address.setEnabled(True)

    def _on_save_address(self) -> None:
        if self._detail is None:
            return
        self.save_address.setEnabled(False)
        self._workspace.save_address(
            self._detail.order_id, self.address.text(), self.city.currentText()
        )

    def _on_save_lines(self, lines: list[LineRequest], free_delivery: bool) -> None:
        if self._detail is not None:
            self._workspace.save_lines(self._detail.order_id, lines, free_delivery=free_delivery)

    def _on_previous_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        order_id = item.data(0, Qt.ItemDataRole.UserRole)
        if order_id is not None:
            self.open_order_requested.emit(int(order_id))
