"""WhatsApp / SMS: pick a template (French or Arabic), see it filled, send.

The dialog opens on the template that fits the order's state in the
customer's language. A placeholder the order or the shop settings cannot fill
stays visible in the message, the dialog says which, and "Open and send"
waits until the agent has written it out: a customer never receives a
literal ``{callback_time}``. With no template at all the agent writes the
message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from app.services.messaging_service import MessageKind, MessagingService
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
        wanted = self.language.findData(messaging.default_language(detail))
        if wanted >= 0:
            self.language.setCurrentIndex(wanted)
        # What the team offers on this channel: text, and on WhatsApp perhaps a voice
        # message or a call (team settings on the server).
        self.kind = QComboBox(self)
        self.kind.setObjectName("messageKind")
        kind_names = {
            MessageKind.TEXT: self.tr("Text message"),
            MessageKind.VOICE: self.tr("Voice message"),
            MessageKind.CALL: self.tr("WhatsApp call"),
        }
        for kind in messaging.kinds(channel):
            self.kind.addItem(kind_names[kind], kind)
        self.route = QLabel(self)
        self.route.setObjectName("messageRoute")
        self.route.setWordWrap(True)
        if channel == "sms":
            self.route.setText(
                self.tr("Sent through your team's SMS gateway.")
                if messaging.sms_through_gateway()
                else self.tr("Opens this computer's SMS application.")
            )
        self.templates = QComboBox(self)
        self.templates.setObjectName("templateChoice")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setMinimumSize(420, 140)
        self.notice = QLabel(self)
        self.notice.setObjectName("messageNotice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.send_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Open and send"))
        # Our own word: Qt's Arabic catalogue says "ألغِ", which reads as a cut-off label.
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Number"), self.numbers)
        if self.kind.count() > 1:
            form.addRow(self.tr("Send"), self.kind)
        else:
            self.kind.hide()
        if self.route.text():
            form.addRow(self.route)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Template"), self.templates)
        form.addRow(self.tr("Message"), self.preview)
        form.addRow(self.notice)
        form.addRow(buttons)
        self.language.currentIndexChanged.connect(lambda _i: self._fill_templates())
        self.templates.currentIndexChanged.connect(lambda _i: self._fill_preview())
        self.preview.textChanged.connect(self._check_text)
        self.kind.currentIndexChanged.connect(lambda _i: self._check_text())
        self._fill_templates()
        make_popups_readable(self)

    def _fill_templates(self) -> None:
        self.templates.blockSignals(True)
        self.templates.clear()
        language = self.language.currentData()
        for template in self._messaging.templates(self._channel, language):
            self.templates.addItem(template.title, template)
        chosen = self._messaging.default_template(self._detail, self._channel, language)
        for index in range(self.templates.count()):
            if self.templates.itemData(index) == chosen:
                self.templates.setCurrentIndex(index)
                break
        self.templates.blockSignals(False)
        self._fill_preview()

    def _fill_preview(self) -> None:
        template = self.templates.currentData()
        if template is None:
            self.preview.clear()
            self._check_text()
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

    def _check_text(self) -> None:
        """Say what is missing and hold "Open and send" until the message is whole."""
        written = self.message_kind() is MessageKind.TEXT
        for widget in (self.language, self.templates, self.preview):
            widget.setEnabled(written)  # a call or a voice message carries no text
        self.send_button.setText(
            self.tr("Call on WhatsApp")
            if self.message_kind() is MessageKind.CALL
            else self.tr("Open and send")
        )
        if not written:
            self.notice.setVisible(False)
            self.send_button.setEnabled(True)
            return
        if self.templates.count() == 0:
            notice = self.tr("No message template is set up yet: write the message yourself.")
            ready = bool(self.text().strip())
        else:
            unfilled = self._messaging.unfilled(self.text())
            ready = bool(self.text().strip()) and not unfilled
            notice = (
                self.tr(
                    "This order has no %1. Write it in the message or choose another template."
                ).replace("%1", ", ".join(self._placeholder_label(name) for name in unfilled))
                if unfilled
                else ""
            )
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.send_button.setEnabled(ready)

    def _placeholder_label(self, name: str) -> str:
        labels = {
            "customer_name": self.tr("customer name"),
            "order_reference": self.tr("order number"),
            "total": self.tr("amount to pay"),
            "items": self.tr("articles"),
            "city": self.tr("city"),
            "address": self.tr("address"),
            "phone": self.tr("phone number"),
            "delivery_fee": self.tr("delivery fee"),
            "agent_name": self.tr("agent name"),
            "shop_name": self.tr("shop name"),
            "callback_time": self.tr("agreed callback time"),
        }
        return labels.get(name, name)

    def number(self) -> str:
        return str(self.numbers.currentData())

    def message_kind(self) -> MessageKind:
        kind = self.kind.currentData()  # Qt may hand a StrEnum back as its str
        return MessageKind(kind) if kind else MessageKind.TEXT

    def template(self) -> MessageTemplate | None:
        """The template the message started from; None when the agent wrote it all."""
        template = self.templates.currentData()
        return template if isinstance(template, MessageTemplate) else None

    def text(self) -> str:
        return self.preview.toPlainText()
