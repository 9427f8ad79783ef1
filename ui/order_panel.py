"""The open order: customer, phones, address, lines, totals, rescue gestures
(order discount, free delivery, later delivery date), escalation and its history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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

from app.services.order_rules import OrderVerdicts
from app.services.order_views import OrderDetail, OrderEvent
from app.services.workspace_service import OrderHistory, WorkspaceService
from core.domain_error import DomainError
from core.order_status import OrderStatus
from core.pricing import LineRequest
from core.rulebook import Act
from ui.escalation_banner import EscalationBanner
from ui.formatting import (
    DATE_FORMAT,
    channel_label,
    format_datetime,
    format_duration,
    format_money,
    left_to_right,
    outcome_label,
    phone_text,
    reading_order_locale,
    status_label,
)
from ui.icons import icon
from ui.order_history_text import action_label, history_detail_text
from ui.order_lines_editor import OrderLinesEditor
from ui.refusal_text import reason_text, refusal_sentence


def _sentence(refused: DomainError) -> str:
    return refusal_sentence(refused.code, refused.params, refused.message)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class OrderPanel(QWidget):
    """Everything about the open order; edits go to the workspace service."""

    dial_requested = Signal(str)
    open_order_requested = Signal(int)
    answer_escalation_requested = Signal(int)  # order id: the window asks for the text
    grant_attempt_requested = Signal(int)  # order id: a lead grants one more attempt

    def __init__(self, workspace: WorkspaceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._detail: OrderDetail | None = None
        self._verdicts: OrderVerdicts | None = None

        self.title = QLabel(self)
        self.title.setObjectName("orderTitle")
        self.status = QLabel(self)
        self.status.setObjectName("orderStatus")
        self.holder = QLabel(self)
        self.holder.setObjectName("orderHolder")
        self.callback_label = QLabel(self)
        self.callback_label.setObjectName("orderCallback")
        self.banner = QLabel(self)
        self.banner.setObjectName("duplicateBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.escalation = EscalationBanner(self)
        # Why the order cannot be edited (the rulebook's answer), where the agent looks.
        self.read_only = QLabel(self)
        self.read_only.setObjectName("readOnlyReason")
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(False)
        self.grant_attempt = QPushButton(self.tr("One more attempt"), self)
        self.grant_attempt.setObjectName("grantAttemptButton")
        self.grant_attempt.setVisible(False)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status)
        header.addWidget(self.callback_label)
        header.addStretch(1)
        header.addWidget(self.holder)
        header.addWidget(self.grant_attempt)

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
        # Room for a whole city name ("Béni Mellal", "Mohammedia"), not its last letters.
        self.city.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.city.setMinimumContentsLength(14)
        self.fee_label = QLabel(self)
        self.fee_label.setObjectName("feeLabel")
        self.save_address = QPushButton(self.tr("Save address"), self)
        self.save_address.setObjectName("saveAddressButton")
        self.save_address.setEnabled(False)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 1)
        city_row.addWidget(self.fee_label)
        city_row.addWidget(self.save_address)
        # A later delivery date agreed with the customer (rescue gesture).
        self.delivery_date = QDateEdit(self)
        self.delivery_date.setObjectName("deliveryDateEdit")
        self.delivery_date.setCalendarPopup(True)
        self.delivery_date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.delivery_date.setLocale(reading_order_locale())
        # The calendar that pops up still speaks the agent's language.
        self.delivery_date.calendarWidget().setLocale(QLocale())
        # After the direction: set under a right-to-left window, Qt reverses the format.
        self.delivery_date.setDisplayFormat(DATE_FORMAT)
        # The lowest value (the day before today) stands for "no date" and shows blank.
        self.delivery_date.setSpecialValueText(" ")
        self.set_delivery_date = QPushButton(self.tr("Set date"), self)
        self.set_delivery_date.setObjectName("setDeliveryDateButton")
        self.clear_delivery_date = QPushButton(self.tr("No date"), self)
        self.clear_delivery_date.setObjectName("clearDeliveryDateButton")
        date_row = QHBoxLayout()
        date_row.addWidget(self.delivery_date, 1)
        date_row.addWidget(self.set_delivery_date)
        date_row.addWidget(self.clear_delivery_date)
        self.rescue_summary = QLabel(self)
        self.rescue_summary.setObjectName("rescueSummary")
        self.rescue_summary.setWordWrap(True)
        delivery = QGroupBox(self.tr("Delivery"), self)
        delivery_form = QFormLayout(delivery)
        delivery_form.addRow(self.tr("Address"), self.address)
        delivery_form.addRow(self.tr("City"), city_row)
        delivery_form.addRow(self.tr("Delivery date"), date_row)
        delivery_form.addRow(self.rescue_summary)

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
            [self.tr("When"), self.tr("What"), self.tr("Status"), self.tr("By"), self.tr("Detail")]
        )
        self.history.setObjectName("orderHistory")
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
        top_layout.addWidget(self.escalation)
        top_layout.addWidget(self.read_only)
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
        self.set_delivery_date.clicked.connect(self._on_set_delivery_date)
        self.clear_delivery_date.clicked.connect(self._on_clear_delivery_date)
        self.escalation.answer_requested.connect(self._on_answer_escalation)
        self.escalation.take_over_requested.connect(self._on_take_over)
        self.grant_attempt.clicked.connect(self._on_grant_attempt)
        workspace.history_loaded.connect(self._on_history_loaded)
        self._server_history: OrderHistory | None = None
        self.show_order(None)

    # -- public ------------------------------------------------------------
    @property
    def detail(self) -> OrderDetail | None:
        return self._detail

    def show_order(self, detail: OrderDetail | None, verdicts: OrderVerdicts | None = None) -> None:
        """Show ``detail``; every control is enabled from the rulebook's answer
        (``verdicts``, asked of the workspace when not given) and says why not."""
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
        verdicts = verdicts or self._workspace.verdicts(detail)
        self._verdicts = verdicts
        edit_refused = verdicts.refusal(Act.EDIT)
        editable = edit_refused is None
        why_not = _sentence(edit_refused) if edit_refused is not None else ""
        self.read_only.setText(why_not)
        self.read_only.setVisible(not editable)
        self.title.setText(self.tr("Order %1").replace("%1", detail.reference))
        self.status.setText(status_label(detail.status))
        self.status.setProperty("status", str(detail.status))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        # A planned call-back, while the order waits for it (not once it is closed).
        planned = detail.callback_at if detail.status == OrderStatus.CALLBACK else None
        self.callback_label.setText(
            self.tr("Call back on %1").replace("%1", format_datetime(planned)) if planned else ""
        )
        self.callback_label.setVisible(planned is not None)
        if detail.holds_lease:
            self.holder.setText(self.tr("You hold this order"))
        elif detail.holder:
            self.holder.setText(self.tr("Held by %1").replace("%1", detail.holder))
        else:
            self.holder.setText("")
        self._show_grant(verdicts)
        self._show_duplicates(detail)
        self._show_customer(detail, verdicts)
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
        for widget in (self.address, self.city, self.lines):
            widget.setToolTip(why_not)
        self._show_fee(self.city.currentText())
        self.lines.set_limits(self._workspace.rescue_limits())
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
                detail.order_discount_pct,
            )
        self._show_rescue(detail, editable)
        self.escalation.show_escalation(
            detail.escalation, lead_actions=verdicts.allowed(Act.ANSWER_ESCALATION)
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

    def show_contact(self, verdicts: OrderVerdicts) -> None:
        """The rulebook's new answer about calling (the gap passed): the phone buttons."""
        if self._detail is None or verdicts.order_id != self._detail.order_id:
            return
        self._verdicts = verdicts
        refused = verdicts.refusal(Act.CALL)
        for button, phone in zip(self.phone_buttons, self._detail.phones, strict=False):
            button.setEnabled(refused is None)
            button.setToolTip(
                self.tr("Call %1").replace("%1", phone) if refused is None else _sentence(refused)
            )
        self._show_grant(verdicts)

    def _show_grant(self, verdicts: OrderVerdicts) -> None:
        """A lead's "one more attempt": shown to those the rulebook lets grant one."""
        refused = verdicts.refusal(Act.GRANT_ATTEMPT)
        self.grant_attempt.setVisible(refused is None or refused.code != "role_not_allowed")
        self.grant_attempt.setEnabled(refused is None)
        self.grant_attempt.setToolTip(
            _sentence(refused)
            if refused is not None
            else self.tr("Allow one more contact attempt on this order (%1 so far, limit %2).")
            .replace("%1", str(verdicts.attempts))
            .replace("%2", str(verdicts.attempt_cap))
        )

    def _show_customer(self, detail: OrderDetail, verdicts: OrderVerdicts) -> None:
        self.customer_name.setText(detail.customer_name)
        self.customer_email.setText(detail.email or "—")
        while self.phones_box.count():
            item = self.phones_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.phone_buttons = []
        call_refused = verdicts.refusal(Act.CALL)
        for phone in detail.phones:
            button = QPushButton(icon("call"), phone_text(phone), self)
            button.setObjectName("phoneButton")
            button.setEnabled(call_refused is None)
            button.setToolTip(
                self.tr("Call %1").replace("%1", phone)
                if call_refused is None
                else _sentence(call_refused)
            )
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
            # The phone system's words ("480 Temporarily Unavailable") stay in their
            # reading order in an Arabic window.
            sip = left_to_right(f"{entry.sip_code} {entry.sip_reason}") if entry.sip_code else ""
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
        _fit_columns(self.journal)
        # The server's count (all channels), the same figure as the call bar's.
        self.tabs.setTabText(0, self.tr("Attempts (%1)").replace("%1", str(detail.attempt_count)))

    def _fill_notes(self, detail: OrderDetail) -> None:
        self.notes.clear()
        for note in sorted(detail.notes, key=lambda n: n.at, reverse=True):
            author = note.author + (self.tr(" (waiting to send)") if note.pending else "")
            QTreeWidgetItem(self.notes, [format_datetime(note.at), author, note.text])
        _fit_columns(self.notes)

    def _show_rescue(self, detail: OrderDetail, editable: bool) -> None:
        """The rescue gestures on the order in words, and the date picker's bounds."""
        parts: list[str] = []
        if detail.order_discount_pct:
            parts.append(
                self.tr("Order discount: %1 %").replace(
                    "%1", f"{detail.order_discount_pct.normalize():f}"
                )
            )
        line_discounts = [line for line in detail.lines if line.discount_pct]
        if line_discounts:
            parts.append(self.tr("Discount on %n line(s)", "", len(line_discounts)))
        if detail.free_delivery:
            parts.append(self.tr("Free delivery"))
        if detail.delivery_date is not None:
            parts.append(
                self.tr("Delivery on %1").replace("%1", detail.delivery_date.strftime("%d/%m/%Y"))
            )
        self.rescue_summary.setText(" · ".join(parts))
        self.rescue_summary.setVisible(bool(parts))
        today = date.today()
        latest = self._workspace.latest_delivery_date(today)
        self.delivery_date.setDateRange(_qdate(today).addDays(-1), _qdate(latest))
        days = self._workspace.rescue_limits().max_delivery_delay_days
        self.delivery_date.setToolTip(
            self.tr("A later delivery agreed with the customer: %1 days at most for you.").replace(
                "%1", str(days)
            )
        )
        self.delivery_date.setDate(
            _qdate(detail.delivery_date)
            if detail.delivery_date is not None
            else self.delivery_date.minimumDate()
        )
        for widget in (self.delivery_date, self.set_delivery_date, self.clear_delivery_date):
            widget.setEnabled(editable)
            if not editable:
                widget.setToolTip(self.read_only.text())
        self.clear_delivery_date.setEnabled(editable and detail.delivery_date is not None)

    def _fill_history(self, detail: OrderDetail) -> None:
        """The server's history when it answered; offline, a line says so above what
        the desk knows by itself."""
        history = self._server_history
        if history is not None and history.order_id != detail.order_id:
            history = None
        if history is not None and not history.code:
            self._show_server_history(history.events)
            return
        self.history.clear()
        if history is not None:
            note = (
                self.tr("The history is unavailable offline.")
                if history.code == "offline"
                else reason_text(history.code, {}, history.message)
            )
            unavailable = QTreeWidgetItem(self.history, ["", note])
            unavailable.setFirstColumnSpanned(True)
        for entry in sorted(detail.history, key=lambda h: h.at, reverse=True):
            QTreeWidgetItem(
                self.history,
                [format_datetime(entry.at), "", status_label(entry.status), entry.by, entry.note],
            )
        _fit_columns(self.history)

    def _show_server_history(self, events: tuple[OrderEvent, ...]) -> None:
        self.history.clear()
        for event in sorted(events, key=lambda e: e.at, reverse=True):
            if event.to_status is not None and event.from_status != event.to_status:
                status = status_label(event.to_status)
                if event.from_status is not None:
                    status = f"{status_label(event.from_status)} → {status}"
            else:
                status = ""
            detail = history_detail_text(event.detail)
            QTreeWidgetItem(
                self.history,
                [
                    format_datetime(event.at),
                    action_label(event.action),
                    status,
                    event.actor,
                    detail,
                ],
            )
        _fit_columns(self.history)

    def _on_history_loaded(self, history: OrderHistory) -> None:
        if self._detail is None or history.order_id != self._detail.order_id:
            return
        self._server_history = history
        self._fill_history(self._detail)

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
        _fit_columns(self.previous)
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

    def _on_save_lines(
        self, lines: list[LineRequest], free_delivery: bool, order_discount: Decimal
    ) -> None:
        if self._detail is not None:
            self._workspace.save_lines(
                self._detail.order_id,
                lines,
                free_delivery=free_delivery,
                order_discount_pct=order_discount,
            )

    def _on_set_delivery_date(self) -> None:
        if self._detail is not None:
            chosen = self.delivery_date.date()
            if chosen == self.delivery_date.minimumDate():
                self.rescue_summary.setText(self.tr("Choose the delivery date first."))
                self.rescue_summary.setVisible(True)
                self.delivery_date.setFocus()
                return
            self._workspace.set_delivery_date(
                self._detail.order_id, date(chosen.year(), chosen.month(), chosen.day())
            )

    def _on_clear_delivery_date(self) -> None:
        if self._detail is not None:
            self._workspace.set_delivery_date(self._detail.order_id, None)

    def _on_answer_escalation(self) -> None:
        if self._detail is not None:
            self.answer_escalation_requested.emit(self._detail.order_id)

    def _on_grant_attempt(self) -> None:
        if self._detail is not None:
            self.grant_attempt_requested.emit(self._detail.order_id)

    def _on_take_over(self) -> None:
        if self._detail is not None:
            self._workspace.take_escalation(self._detail.order_id)

    def _on_previous_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        order_id = item.data(0, Qt.ItemDataRole.UserRole)
        if order_id is not None:
            self.open_order_requested.emit(int(order_id))


def _fit_columns(tree: QTreeWidget) -> None:
    """Whole dates, times and codes: each column but the last (which stretches and
    holds the free text) as wide as its widest cell."""
    for column in range(tree.columnCount() - 1):
        tree.resizeColumnToContents(column)
