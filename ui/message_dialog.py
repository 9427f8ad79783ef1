"""WhatsApp / SMS: pick a template (French or Arabic), see it filled, send."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from app.services.messaging_service import MessagingService
from app.services.order_views import OrderDetail
from app.services.workspace_store import MessageTemplate
from ui.formatting import phone_text
from ui.readable_combos import make_popups_readable


class MessageDialog(QDialog):
    """Template picker with a live preview filled with the order's data."""

    def __init__(
        self,
        messaging: MessagingService,
        detail: OrderDetail,
        channel: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._messaging = messaging
        self._detail = detail
        self._channel = channel
        self.setObjectName("messageDialog")
        self.setWindowTitle(
            self.tr("WhatsApp message") if channel == "whatsapp" else self.tr("SMS message")
        )
        self.numbers = QComboBox(self)
        for phone in detail.phones:
            self.numbers.addItem(phone_text(phone), phone)
        self.language = QComboBox(self)
        self.language.setObjectName("templateLanguage")
        names = {"fr": self.tr("French"), "ar": self.tr("Arabic")}
        for code in messaging.languages():
            self.language.addItem(names.get(code, code), code)
        self.templates = QComboBox(self)
        self.templates.setObjectName("templateChoice")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setMinimumSize(420, 140)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open and send"))
        # Our own word: Qt's Arabic catalogue says "ألغِ", which reads as a cut-off label.
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Number"), self.numbers)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Template"), self.templates)
        form.addRow(self.tr("Message"), self.preview)
        form.addRow(buttons)
        self.language.currentIndexChanged.connect(lambda _i: self._fill_templates())
        self.templates.currentIndexChanged.connect(lambda _i: self._fill_preview())
        self._fill_templates()
        make_popups_readable(self)

    def _fill_templates(self) -> None:
        self.templates.blockSignals(True)
        self.templates.clear()
        for template in self._messaging.templates(self._channel, self.language.currentData()):
            self.templates.addItem(template.title, template)
        self.templates.blockSignals(False)
        self._fill_preview()

    def _fill_preview(self) -> None:
        template = self.templates.currentData()
        if template is None:
            self.preview.clear()
            return
        rtl = self.language.currentData() == "ar"
        self.preview.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        option = self.preview.document().defaultTextOption()
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.preview.document().setDefaultTextOption(option)
        self.preview.setPlainText(self._messaging.preview(template, self._detail))

    def number(self) -> str:
        return str(self.numbers.currentData())

    def template(self) -> MessageTemplate:
        template = self.templates.currentData()
        assert isinstance(template, MessageTemplate)
        return template

    def text(self) -> str:
        return self.preview.toPlainText()
