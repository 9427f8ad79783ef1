"""The shop webhook's signature: HMAC-SHA256 over a timestamp, an event id and
the raw body, in the header form the well-known payment platforms use::

    X-Hatif-Signature: t=1764927000,id=evt-000123,v1=<hex>

where ``<hex>`` is ``HMAC-SHA256(secret, "{t}.{id}." + body)``. A signature
older (or newer) than ``TOLERANCE`` is refused, so a captured request cannot be
replayed later; within that window the event id is remembered
(``webhook_events``), so it cannot be replayed sooner either.

Checked before any database write and without the body being parsed: a
forged request costs one HMAC of at most the body limit.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from server.services.errors import ServiceError

TOLERANCE_S = 300
_EVENT_ID = re.compile(r"[A-Za-z0-9._:\-]{1,100}")
HEADER_FORMAT = "t=<unix seconds>,id=<event id>,v1=<hex HMAC-SHA256>"


@dataclass(frozen=True)
class SignedEvent:
    """What a valid signature vouches for."""

    timestamp: int
    event_id: str


def signed_payload(timestamp: int, event_id: str, body: bytes) -> bytes:
    return f"{timestamp}.{event_id}.".encode("ascii") + body


def sign_event(secret: str, timestamp: int, event_id: str, body: bytes) -> str:
    """The header value a shop sends for ``body`` (used by tests and the docs' example)."""
    digest = hmac.new(
        secret.encode("utf-8"), signed_payload(timestamp, event_id, body), hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},id={event_id},v1={digest}"


def _bad(message: str) -> ServiceError:
    return ServiceError(401, "bad_signature", message, {"expected": HEADER_FORMAT})


def _parse(header: str) -> tuple[int, str, list[str]]:
    timestamp: int | None = None
    event_id: str | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit() and len(value) <= 12:
            timestamp = int(value)
        elif key == "id" and _EVENT_ID.fullmatch(value):
            event_id = value
        elif key == "v1" and value:
            signatures.append(value)
    if timestamp is None or event_id is None or not signatures:
        raise _bad(f"The webhook signature header must read {HEADER_FORMAT}.")
    return timestamp, event_id, signatures


def check_signature(secret: str | None, body: bytes, header: str | None, now: float) -> SignedEvent:
    """The signed event, or 401 ``bad_signature`` / ``stale_signature`` (403 when disabled)."""
    if not secret:
        raise ServiceError(403, "webhook_disabled", "No webhook secret is configured.")
    if not header:
        raise _bad("The webhook signature is missing.")
    timestamp, event_id, signatures = _parse(header)
    expected = sign_event(secret, timestamp, event_id, body).rsplit("v1=", 1)[1]
    # Several v1 values let a shop sign with the old and the new secret while rotating.
    if not any(hmac.compare_digest(expected, given) for given in signatures):
        raise _bad("The webhook signature does not match.")
    if abs(now - timestamp) > TOLERANCE_S:
        raise ServiceError(
            401,
            "stale_signature",
            f"The webhook was signed more than {TOLERANCE_S // 60} minutes from now; "
            "sign it again when sending (and check the shop's clock).",
            {"tolerance_s": TOLERANCE_S, "skew_s": int(now - timestamp)},
        )
    return SignedEvent(timestamp, event_id)
