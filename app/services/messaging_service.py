"""WhatsApp and SMS from the order: template, preview, launch, journal.

The preview is the template filled with the order's data; launching opens
WhatsApp (``https://wa.me/<digits>?text=``) or the SMS handler (``sms:``)
and records a journal entry (channel, template) through the outbox, since a
message is a contact attempt too. An SMS through the team's gateway is a network
round trip: it runs on the ``OperationRunner`` and is journaled when the answer
is back on the GUI thread, so the window never waits on the gateway.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from app.services.operations import OperationRunner
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
from telephony.messaging.launch_journal_entry import LaunchJournalEntry, LaunchKind
from telephony.messaging.messaging_launcher import (
    MessagingError,
    MessagingLauncher,
    MessagingSettings,
    UriOpener,
    open_with_desktop,
)
from telephony.messaging.sms_gateway import SmsGatewayClient

log = logging.getLogger(__name__)

#: Journal's template code of a message the agent wrote without a template.
FREE_TEXT = "free_text"

#: The agent waits for the gateway's answer (in the background): short, and said when
#: it fails.
GATEWAY_TIMEOUT_S = 5.0


class MessageKind(StrEnum):
    """What the message dialog can open on WhatsApp (SMS: text only)."""

    TEXT = "text"
    VOICE = "voice"
    CALL = "call"


@dataclass(frozen=True)
class LaunchOutcome:
    """What became of a launch: journaled either way, ``launched`` False when nothing
    opened (no application for the link, the gateway refused or did not answer)."""

    op_id: str
    launched: bool
    error_code: str | None = None
    error_message: str | None = None


class MessagingService(QObject):
    """Templates, previews and launches of WhatsApp / SMS messages."""

    message_launched = Signal(int, str, str)  # order id, channel, op id

    def __init__(
        self,
        store: WorkspaceStore,
        *,
        agent_name: str,
        opener: UriOpener = open_with_desktop,
        runner: OperationRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._agent_name = agent_name
        # The desk's runner posts to the SMS gateway off the GUI thread; without one
        # (a service used alone) the post happens in the caller's thread.
        self._runner = runner
        # telephony builds the WhatsApp / sms: links and opens them (or posts to the
        # gateway); this service adds templates and journals the launch via the outbox.
        self._opener = opener

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

    # -- what the team offers ---------------------------------------------------
    def kinds(self, channel: str) -> list[MessageKind]:
        """What the dialog offers on ``channel``: the team's settings say which."""
        if channel != "whatsapp":
            return [MessageKind.TEXT]
        team = self._store.team_settings()
        kinds = [MessageKind.TEXT]
        if team.whatsapp_voice:
            kinds.append(MessageKind.VOICE)
        if team.whatsapp_calls:
            kinds.append(MessageKind.CALL)
        return kinds

    def sms_through_gateway(self) -> bool:
        """True when the team sends SMS through its gateway (else the desk's SMS app)."""
        return bool(self._store.team_settings().sms_gateway_url)

    def _launcher(self) -> MessagingLauncher:
        # Built per launch: the team's settings may have changed since the last one.
        team = self._store.team_settings()
        gateway = (
            SmsGatewayClient(
                team.sms_gateway_url,
                lambda: team.sms_gateway_token or None,
                timeout_s=GATEWAY_TIMEOUT_S,
            )
            if team.sms_gateway_url
            else None
        )
        return MessagingLauncher(
            MessagingSettings(whatsapp_calls=team.whatsapp_calls),
            opener=self._opener,
            sms_gateway=gateway,
        )

    def launch(
        self,
        detail: OrderDetail,
        channel: str,
        number: str,
        template: MessageTemplate | None,
        text: str,
        kind: MessageKind = MessageKind.TEXT,
        done: Callable[[LaunchOutcome], None] | None = None,
    ) -> None:
        """Open WhatsApp / the SMS app (or post to the team's SMS gateway) and journal
        the attempt, failed or not: the agent must hear when nothing was opened.

        ``done`` receives the outcome on the GUI thread: at once for a link the desk
        opens, when the gateway has answered for an SMS through the gateway (the
        post runs on the runner meanwhile). A number that cannot be messaged, or a
        kind the team does not offer, opens nothing and journals nothing: ``op_id``
        is empty and ``error_code`` says why."""
        code = template.code if template is not None else FREE_TEXT
        launcher = self._launcher()

        def attempt() -> LaunchJournalEntry:
            if channel == "sms":
                return launcher.sms(number, text, code)
            if kind is MessageKind.CALL:
                return launcher.whatsapp_call(number)
            if kind is MessageKind.VOICE:
                return launcher.whatsapp_voice(number, code)
            return launcher.whatsapp_message(number, text, code)

        def finish(entry: LaunchJournalEntry) -> None:
            outcome = self._journal(detail, channel, code, entry)
            if done is not None:
                done(outcome)

        def refuse(error: Exception) -> None:
            if isinstance(error, MessagingError):
                outcome = LaunchOutcome("", False, error.code, error.message)
            else:
                # The gateway client turns network trouble into a result; anything
                # else is a fault of ours, but the agent must still hear nothing left.
                log.error("SMS through the gateway failed", exc_info=error)
                outcome = LaunchOutcome("", False, "gateway_unreachable", str(error))
            if done is not None:
                done(outcome)

        if channel == "sms" and self.sms_through_gateway() and self._runner is not None:
            self._runner.run(attempt, finish, refuse)
            return
        # Opening a link is local (and Qt wants it on the GUI thread).
        try:
            entry = attempt()
        except MessagingError as refused:
            refuse(refused)
            return
        finish(entry)

    def _journal(
        self, detail: OrderDetail, channel: str, code: str, entry: LaunchJournalEntry
    ) -> LaunchOutcome:
        """Record the attempt through the outbox (on the GUI thread, like every action)."""
        payload: dict[str, object] = {
            "id": str(uuid.uuid4()),
            "order_id": detail.order_id,
            "channel": str(entry.channel),
            # The journal knows calls and messages; a voice message is a message.
            "kind": "call" if entry.kind is LaunchKind.CALL else "message",
            "direction": "outbound",
            "number": entry.number,
            "started_at": entry.started.isoformat(),
            "outcome": "message_sent" if entry.launched else "failed",
            "template": None if entry.kind is LaunchKind.CALL else code[:64],
        }
        if entry.kind is LaunchKind.CALL and entry.launched:
            payload["note"] = "WhatsApp call opened on the desk; its outcome is not recorded."
        op_id = self._store.record_action(OpKind.JOURNAL, detail.order_id, payload)
        self.message_launched.emit(detail.order_id, channel, op_id)
        return LaunchOutcome(op_id, entry.launched, entry.error_code, entry.error_message)
