"""Lines of the open order: article search with stock, variant, quantity, remove;
totals and upsell tier recomputed by core.pricing as the agent types."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.order_views import ArticleView, RescueLimitsView
from app.services.workspace_service import WorkspaceService
from core.domain_error import DomainError
from core.pricing import LineRequest, PricedOrder
from ui.formatting import format_money
from ui.icons import icon
from ui.order_lines_model import DISCOUNT_COLUMN, OrderLinesModel


def _spin_value(pct: Decimal) -> float:
    return float(pct)


class DiscountDelegate(QStyledItemDelegate):
    """The line discount is typed freely; a value beyond the user's limit is refused
    (``refused`` carries the value typed) and the line keeps its discount."""

    refused = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.maximum = Decimal(100)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QDoubleSpinBox(parent)
        editor.setObjectName("lineDiscountEditor")
        editor.setDecimals(2)
        editor.setSuffix(" %")
        # Up to 100: a spin box capped lower would silently turn 12 into 1.
        editor.setRange(0, 100)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QDoubleSpinBox):
            if Decimal(str(editor.value())) > self.maximum:
                self.refused.emit(editor.value())
                return
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class OrderLinesEditor(QWidget):
    """Edits a draft of the lines and the order's rescue gestures; ``save_requested``
    carries the new lines, free delivery and the order discount."""

    save_requested = Signal(list, bool, object)  # list[LineRequest], free delivery, Decimal
    priced = Signal(object)  # PricedOrder | None

    def __init__(self, workspace: WorkspaceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._city = ""
        self._articles: dict[str, ArticleView] = {}
        self._dirty = False

        self.model = OrderLinesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("linesTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(76)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

        self.article_search = QLineEdit(self)
        self.article_search.setObjectName("articleSearch")
        self.article_search.setPlaceholderText(self.tr("Add an article: reference or name"))
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.article_search.setCompleter(completer)
        self.variant = QComboBox(self)
        self.variant.setObjectName("variantChoice")
        self.variant.setMinimumWidth(170)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, 99)
        self.add_button = QPushButton(icon("add"), self.tr("Add"), self)
        self.add_button.setObjectName("addLineButton")
        self.remove_button = QPushButton(icon("remove"), self.tr("Remove line"), self)
        self.free_delivery = QCheckBox(self.tr("Free delivery"), self)
        self.free_delivery.setObjectName("freeDelivery")
        self.free_delivery.setToolTip(self.tr("A rescue gesture: use it within your shop's rules."))
        self.order_discount = QDoubleSpinBox(self)
        self.order_discount.setObjectName("orderDiscount")
        self.order_discount.setDecimals(2)
        self.order_discount.setSuffix(" %")
        self.order_discount.setPrefix(self.tr("Order discount: "))
        # Typed freely up to 100: beyond the user's limit it is refused in words.
        self.order_discount.setRange(0, 100)
        self.discount_refusal = QLabel(self)
        self.discount_refusal.setObjectName("discountRefusal")
        self.discount_refusal.setWordWrap(True)
        self.discount_refusal.setVisible(False)
        self.discount_delegate = DiscountDelegate(self.table)
        self.discount_delegate.refused.connect(self._on_line_discount_refused)
        self.table.setItemDelegateForColumn(DISCOUNT_COLUMN, self.discount_delegate)
        self._limits: RescueLimitsView | None = None
        self._granted_order_discount = Decimal(0)
        #: The last order discount within the limit: what is priced and saved.
        self._accepted_order_discount = Decimal(0)
        self.save_button = QPushButton(self.tr("Save lines"), self)
        self.save_button.setObjectName("saveLinesButton")

        self.subtotal = QLabel(self)
        self.fee = QLabel(self)
        self.discount = QLabel(self)
        self.total = QLabel(self)
        self.total.setObjectName("orderTotal")
        self.tier = QLabel(self)
        self.tier.setObjectName("upsellTier")
        self.error = QLabel(self)
        self.error.setObjectName("pricingError")
        self.error.setWordWrap(True)

        add_row = QHBoxLayout()
        add_row.addWidget(self.article_search, 2)
        add_row.addWidget(self.variant, 1)
        add_row.addWidget(self.quantity)
        add_row.addWidget(self.add_button)

        # Two columns of figures, three rows high: a 768-px screen has no height to spare.
        totals = QGridLayout()
        totals.setHorizontalSpacing(10)
        totals.setVerticalSpacing(2)
        for row, column, text, value in (
            (0, 0, self.tr("Subtotal"), self.subtotal),
            (1, 0, self.tr("Delivery"), self.fee),
            (2, 0, self.tr("Discount"), self.discount),
            (0, 2, self.tr("Upsell"), self.tier),
        ):
            totals.addWidget(QLabel(text, self), row, column)
            totals.addWidget(value, row, column + 1)
        totals.addWidget(QLabel(self.tr("Total"), self), 1, 2, 2, 1)
        totals.addWidget(self.total, 1, 3, 2, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.free_delivery)
        buttons.addWidget(self.order_discount)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        bottom = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(buttons)
        left.addWidget(self.discount_refusal)
        left.addWidget(self.error)
        left.addStretch(1)
        bottom.addLayout(left, 1)
        bottom.addLayout(totals)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addLayout(bottom)

        self.article_search.textChanged.connect(self._on_article_text)
        self.article_search.returnPressed.connect(self._on_add)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.save_button.clicked.connect(self._on_save)
        self.model.lines_edited.connect(self._on_lines_edited)
        self.free_delivery.toggled.connect(lambda _on: self._on_lines_edited())
        self.order_discount.valueChanged.connect(lambda _v: self._on_order_discount())
        self._refresh_catalogue()

    # -- public ----------------------------------------------------------
    def load(
        self,
        lines: Sequence[LineRequest],
        city: str,
        editable: bool,
        free_delivery: bool = False,
        order_discount_pct: Decimal = Decimal(0),
    ) -> None:
        self._refresh_catalogue()
        self._city = city
        titles = {ref: a.title for ref, a in self._articles.items()}
        self.model.set_lines(lines, titles)
        self.model.set_editable(editable)
        for widget in (
            self.article_search,
            self.variant,
            self.quantity,
            self.add_button,
            self.remove_button,
            self.free_delivery,
            self.order_discount,
        ):
            widget.setEnabled(editable)
        self.free_delivery.blockSignals(True)
        self.free_delivery.setChecked(free_delivery)
        self.free_delivery.blockSignals(False)
        self.order_discount.blockSignals(True)
        # A discount granted earlier by someone allowed more stays as it is.
        self._granted_order_discount = order_discount_pct
        self._accepted_order_discount = order_discount_pct
        self.order_discount.setValue(_spin_value(order_discount_pct))
        self._show_discount_refusal("")
        self.order_discount.blockSignals(False)
        self._apply_free_delivery_limit()
        self._dirty = False
        self.save_button.setEnabled(False)
        self.reprice()

    def set_limits(self, limits: RescueLimitsView) -> None:
        """Cap the rescue gestures at what the user's role may grant (the tooltips say so)."""
        self._limits = limits
        line_cap = limits.max_line_discount_pct.normalize()
        order_cap = limits.max_order_discount_pct.normalize()
        self.discount_delegate.maximum = limits.max_line_discount_pct
        self.model.set_discount_tooltip(
            self.tr("Line discount: at most %1 % for you.").replace("%1", f"{line_cap:f}")
        )
        self.order_discount.setToolTip(
            self.tr("Discount on the whole order: at most %1 % for you.").replace(
                "%1", f"{order_cap:f}"
            )
        )
        self._apply_free_delivery_limit()

    def order_discount_limit(self) -> Decimal:
        """The most this user may leave on the order: the limit, or what was granted."""
        cap = Decimal(str(self._order_cap()))
        return max(cap, self._granted_order_discount)

    def _show_discount_refusal(self, text: str) -> None:
        self.discount_refusal.setText(text)
        self.discount_refusal.setVisible(bool(text))

    def _on_order_discount(self) -> None:
        typed = self.order_discount_pct()
        if typed > self.order_discount_limit():
            cap = self.order_discount_limit().normalize()
            self._show_discount_refusal(
                self.tr("Order discount of %1 % refused: %2 % at most for you.")
                .replace("%1", f"{typed.normalize():f}")
                .replace("%2", f"{cap:f}")
            )
            # Nothing beyond the limit is priced or saved until it is corrected.
            self.save_button.setEnabled(False)
            return
        self._accepted_order_discount = typed
        self._show_discount_refusal("")
        self._on_lines_edited()

    def _on_line_discount_refused(self, typed: float) -> None:
        cap = self.discount_delegate.maximum.normalize()
        self._show_discount_refusal(
            self.tr(
                "Line discount of %1 % refused: %2 % at most for you; "
                "the line keeps its discount."
            )
            .replace("%1", f"{Decimal(str(typed)).normalize():f}")
            .replace("%2", f"{cap:f}")
        )

    def order_discount_pct(self) -> Decimal:
        return Decimal(str(self.order_discount.value())).quantize(Decimal("0.01"))

    def _order_cap(self) -> float:
        return float(self._limits.max_order_discount_pct) if self._limits else 100.0

    def _apply_free_delivery_limit(self) -> None:
        if self._limits is None or self._limits.free_delivery:
            return
        # Not allowed for this role: it can only be taken off, never granted.
        if not self.free_delivery.isChecked():
            self.free_delivery.setEnabled(False)
        self.free_delivery.setToolTip(self.tr("Free delivery is not allowed for you."))

    def set_city(self, city: str) -> None:
        """The delivery fee follows the city being typed."""
        self._city = city
        self.reprice()

    def is_dirty(self) -> bool:
        return self._dirty

    def reprice(self) -> PricedOrder | None:
        lines = self.model.lines()
        try:
            priced = self._workspace.price_lines(
                lines,
                self._city,
                free_delivery=self.free_delivery.isChecked(),
                order_discount_pct=self._accepted_order_discount,
            )
        except DomainError as exc:
            self.model.set_priced(None)
            self.error.setText(self.tr("Cannot price this order: %1").replace("%1", exc.message))
            self.total.setText("—")
            self.priced.emit(None)
            return None
        self.error.clear()
        self.model.set_priced(priced.lines)
        self.subtotal.setText(format_money(priced.subtotal))
        fee_known = self._workspace.delivery_fee(self._city) is not None
        self.fee.setText(
            format_money(priced.delivery_fee) if fee_known else self.tr("unknown city")
        )
        self.discount.setText(format_money(-priced.discount) if priced.discount else "—")
        self.total.setText(format_money(priced.total))
        self.tier.setText(
            self.tr("tier %1").replace("%1", str(priced.tier)) if priced.tier else self.tr("none")
        )
        self.priced.emit(priced)
        return priced

    def add_article(self, ref: str, color: str | None, size: str | None, quantity: int) -> None:
        self.model.add_line(LineRequest(ref, quantity, color, size, Decimal(0)))

    # -- internals ---------------------------------------------------------
    def _refresh_catalogue(self) -> None:
        self._articles = {a.ref: a for a in self._workspace.articles()}
        self._completions.setStringList([self._completion_text(a) for a in self._articles.values()])

    def _completion_text(self, article: ArticleView) -> str:
        return f"{article.ref} — {article.title}"

    def _article_from_text(self, text: str) -> ArticleView | None:
        ref = text.split(" — ", 1)[0].strip()
        article = self._articles.get(ref)
        if article is None:
            found = self._workspace.search_articles(text, limit=1)
            article = found[0] if found else None
        return article

    def _on_article_text(self, text: str) -> None:
        article = self._article_from_text(text) if text.strip() else None
        self.variant.clear()
        if article is None:
            return
        for variant in article.variants:
            label = " / ".join(p for p in (variant.color, variant.size) if p) or self.tr("single")
            text_stock = self.tr("%1 — %2 in stock").replace("%1", label)
            self.variant.addItem(
                text_stock.replace("%2", str(variant.stock)), (variant.color, variant.size)
            )
            index = self.variant.count() - 1
            if variant.stock <= 0:
                self.variant.setItemData(index, 0, Qt.ItemDataRole.UserRole - 1)  # disabled
        for index in range(self.variant.count()):
            if self.variant.itemData(index, Qt.ItemDataRole.UserRole - 1) != 0:
                self.variant.setCurrentIndex(index)
                break

    def _on_add(self) -> None:
        article = self._article_from_text(self.article_search.text())
        if article is None:
            return
        color, size = self.variant.currentData() or (None, None)
        self.add_article(article.ref, color, size, self.quantity.value())
        self.article_search.clear()
        self.quantity.setValue(1)

    def _on_remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove_line(rows[0].row())

    def _on_save(self) -> None:
        self.save_requested.emit(
            self.model.lines(), self.free_delivery.isChecked(), self._accepted_order_discount
        )
        self._dirty = False
        self.save_button.setEnabled(False)

    def _on_lines_edited(self) -> None:
        self._dirty = True
        # A refused discount still in the field blocks saving until it is corrected.
        self.save_button.setEnabled(self.order_discount_pct() <= self.order_discount_limit())
        self.reprice()
