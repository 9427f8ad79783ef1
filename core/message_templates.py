"""WhatsApp / SMS message templates with ``{placeholder}`` fields.

A template is plain text with placeholders from ``PLACEHOLDERS``; ``{{`` and
``}}`` write literal braces. Rendering refuses unknown placeholders, missing
values and format tricks (``{total:>10}``, ``{customer.name}``) with a clear
``TemplateError``, so an admin sees the mistake when saving the template,
not a customer when receiving it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from string import Formatter

from core.domain_error import DomainError
from core.money import format_mad
from core.order_model import Order
from core.phone_numbers import display_national

PLACEHOLDERS: dict[str, str] = {
    "customer_name": "Customer's name",
    "order_reference": "Shop order number",
    "total": "Amount to pay on delivery, e.g. 249,00 MAD",
    "items": "Articles with quantity and variant",
    "city": "Delivery city",
    "address": "Delivery address",
    "phone": "Customer's main phone, national form",
    "delivery_fee": "Delivery fee, e.g. 30,00 MAD",
    "agent_name": "Name of the agent sending the message",
    "shop_name": "Name of the shop",
    "callback_time": "Agreed callback time, e.g. 23/11 14:30",
}


class TemplateError(DomainError):
    """A template cannot be rendered; ``code`` says why."""


@dataclass(frozen=True)
class MessageTemplate:
    """A named template offered to agents."""

    code: str
    title: str
    body: str


DEFAULT_TEMPLATES: tuple[MessageTemplate, ...] = (
    MessageTemplate(
        "confirm_request",
        "Demande de confirmation",
        "Bonjour {customer_name}, nous avons bien reçu votre commande n° {order_reference} "
        "({items}) pour un total de {total}, livraison à {city}. "
        "Pouvez-vous nous confirmer la commande ? Merci, {shop_name}.",
    ),
    MessageTemplate(
        "unreachable",
        "Client injoignable",
        "Bonjour {customer_name}, nous avons essayé de vous appeler au sujet de votre "
        "commande n° {order_reference}. Merci de nous rappeler ou de répondre à ce message "
        "pour la confirmer. {shop_name}",
    ),
    MessageTemplate(
        "confirmed",
        "Commande confirmée",
        "Merci {customer_name} ! Votre commande n° {order_reference} est confirmée. "
        "Montant à payer à la livraison : {total}. {shop_name}",
    ),
)


def template_placeholders(template: str) -> list[str]:
    """Placeholders used by ``template`` in order; ``TemplateError`` if malformed."""
    try:
        parsed = list(Formatter().parse(template))
    except ValueError as exc:
        raise TemplateError(
            "malformed_template",
            f"The template has an unmatched brace: {exc}. Write {{{{ or }}}} for a literal brace.",
            {"detail": str(exc)},
        ) from None
    names: list[str] = []
    for _literal, field_name, format_spec, conversion in parsed:
        if field_name is None:
            continue
        if not field_name.isidentifier() or format_spec or conversion:
            raise TemplateError(
                "invalid_placeholder",
                f"{{{field_name}}} is not a valid placeholder; write a plain name such as "
                "{customer_name}.",
                {"placeholder": field_name},
            )
        if field_name not in PLACEHOLDERS:
            known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
            raise TemplateError(
                "unknown_placeholder",
                f"{{{field_name}}} is not a known placeholder. Known placeholders: {known}.",
                {"placeholder": field_name},
            )
        if field_name not in names:
            names.append(field_name)
    return names


def validate_template(template: str) -> None:
    """Raise ``TemplateError`` if ``template`` could never be rendered."""
    template_placeholders(template)


def missing_placeholders(template: str, values: Mapping[str, str]) -> list[str]:
    """Placeholders of ``template`` that ``values`` cannot fill (empty or absent)."""
    return [name for name in template_placeholders(template) if not values.get(name)]


def render_template(template: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders of ``template`` from ``values``."""
    names = template_placeholders(template)
    missing = missing_placeholders(template, values)
    if missing:
        raise TemplateError(
            "missing_value",
            "No value for " + ", ".join("{" + name + "}" for name in missing) + ".",
            {"placeholders": missing},
        )
    return template.format_map({name: values[name] for name in names})


def items_text(order: Order) -> str:
    """"2 × ROBE-01 (Rouge, M), 1 × SAC-03" for the message."""
    parts = []
    for line in order.lines:
        variant = f" ({line.variant_label})" if line.variant_label else ""
        parts.append(f"{line.quantity} × {line.article_ref}{variant}")
    return ", ".join(parts)


def order_template_values(
    order: Order,
    *,
    agent_name: str = "",
    shop_name: str = "",
    region: str = "MA",
    tz: tzinfo | None = None,
) -> dict[str, str]:
    """Values of every placeholder that an order can provide.

    ``tz`` is the zone the callback time is written in for the customer
    (``None``: this computer's local zone).
    """
    values = {
        "customer_name": order.customer.name,
        "order_reference": order.reference,
        "total": format_mad(order.total),
        "items": items_text(order),
        "city": order.customer.city,
        "address": order.customer.address,
        "phone": display_national(order.customer.phones[0], region)
        if order.customer.phones
        else "",
        "delivery_fee": format_mad(order.effective_delivery_fee),
        "agent_name": agent_name,
        "shop_name": shop_name,
        "callback_time": _short_time(order.callback_at, tz),
    }
    return {name: value for name, value in values.items() if value}


def _short_time(moment: datetime | None, tz: tzinfo | None) -> str:
    return moment.astimezone(tz).strftime("%d/%m %H:%M") if moment else ""
