"""WhatsApp and SMS from the order: template, preview, launch, journal.

The preview is the template filled with the order's data; launching opens
WhatsApp (``https://wa.me/<digits>?text=``) or the SMS handler (``sms:``)
and records a journal entry (channel, template) through the outbox, since a
message is a contact attempt too.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from app.services.order_views import OrderDetail
from app.services.workspace_store import MessageTemplate, WorkspaceStore
from core.message_choice import customer_language, preferred_template_codes
from core.message_templates import (
    TemplateError,
    missing_placeholders,
    render_template,
    template_placeholders,
)
from core.money import format_mad
from core.phone_numbers import display_national
from core.wire.sync_ops import OpKind
from telephony.messaging.messaging_launcher import MessagingLauncher

#: Journal's template code of a message the agent wrote without a template.
FREE_TEXT = "free_text"


class MessagingService(QObject):
    """Templates, previews and launches of WhatsApp / SMS messages."""

    message_launched = Signal(int, str, str)  # order id, channel, op id

    def __init__(
        self,
        store: WorkspaceStore,
        *,
        agent_name: str,
        launcher: MessagingLauncher | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._agent_name = agent_name
        # telephony builds the WhatsApp / sms: links and opens them; this service
        # adds templates and journals the launch through the outbox.
        self._launcher = launcher or MessagingLauncher()

    def templates(self, channel: str, language: str) -> list[MessageTemplate]:
        found = [
            t for t in self._store.templates() if t.channel == channel and t.language == language
        ]
        if not found:  # a template for WhatsApp serves for SMS too
            found = [t for t in self._store.templates() if t.language == language]
        return found

    def languages(self) -> Sequence[str]:
        return sorted({t.language for t in self._store.templates()}) or ["fr"]

    def default_language(self, detail: OrderDetail) -> str:
        """The customer's language: Arabic if they wrote in Arabic, else the shop's."""
        settings = self._store.shop_settings()
        return customer_language(
            (detail.customer_name, detail.address, detail.city), settings.message_language
        )

    def default_template(
        self, detail: OrderDetail, channel: str, language: str
    ) -> MessageTemplate | None:
        """The template that fits the order's state, else the first one that can be filled."""
        offered = self.templates(channel, language)
        by_code = {template.code: template for template in offered}
        for code in preferred_template_codes(
            detail.status, detail.attempt_count, detail.contact_count
        ):
            if code in by_code and not self.missing(by_code[code], detail):
                return by_code[code]
        complete = [template for template in offered if not self.missing(template, detail)]
        candidates = complete or list(offered)
        return candidates[0] if candidates else None

    def missing(self, template: MessageTemplate, detail: OrderDetail) -> list[str]:
        """Placeholders of ``template`` this order or the shop settings cannot fill."""
        try:
            return missing_placeholders(template.body, self.values_for(detail))
        except TemplateError:
            return [template.body]

    @staticmethod
    def unfilled(text: str) -> list[str]:
        """Placeholders still written in a message about to be sent."""
        try:
            return template_placeholders(text)
        except TemplateError:
            return []

    def values_for(self, detail: OrderDetail) -> dict[str, str]:
        items = ", ".join(
            f"{line.quantity} × {line.title or line.article_ref}"
            + (
                f" ({', '.join(p for p in (line.color, line.size) if p)})"
                if line.color or line.size
                else ""
            )
            for line in detail.lines
        )
        values = {
            "customer_name": detail.customer_name,
            "order_reference": detail.reference,
            "total": format_mad(detail.total),
            "items": items,
            "city": detail.city,
            "address": detail.address,
            "phone": display_national(detail.phones[0]) if detail.phones else "",
            "delivery_fee": format_mad(detail.delivery_fee),
            "agent_name": self._agent_name,
            "shop_name": self._store.shop_settings().shop_name.strip(),
            "callback_time": detail.callback_at.astimezone().strftime("%d/%m %H:%M")
            if detail.callback_at
            else "",
        }
        return {k: v for k, v in values.items() if v}

    def preview(self, template: MessageTemplate, detail: OrderDetail) -> str:
        """The message as the customer will read it (missing values left visible)."""
        try:
            return render_template(template.body, self.values_for(detail))
        except TemplateError:
            values = self.values_for(detail)
            text = template.body
            for name, value in values.items():
                text = text.replace("{" + name + "}", value)
            return text

    def launch(
        self,
        detail: OrderDetail,
        channel: str,
        number: str,
        template: MessageTemplate | None,
        text: str,
    ) -> str:
        """Open the messaging app and journal the attempt; returns the op id.

        Raises ``MessagingError`` (nothing opened, nothing journaled) for a number
        that cannot be messaged."""
        code = template.code if template is not None else FREE_TEXT
        if channel == "whatsapp":
            entry = self._launcher.whatsapp_message(number, text, code)
        else:
            entry = self._launcher.sms(number, text, code)
        payload = {
            "id": str(uuid.uuid4()),
            "order_id": detail.order_id,
            "channel": str(entry.channel),
            "kind": str(entry.kind),
            "direction": "outbound",
            "number": entry.number,
            "started_at": entry.started.isoformat(),
            "outcome": "message_sent" if entry.launched else "failed",
            "template": code[:64],
        }
        op_id = self._store.record_action(OpKind.JOURNAL, detail.order_id, payload)
        self.message_launched.emit(detail.order_id, channel, op_id)
        return op_id
