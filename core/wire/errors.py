"""The body of every error answer (4xx) of the API.

Every refusal has a stable ``code`` (e.g. ``"lease_held"``, ``"stale_epoch"``,
``"version_conflict"``, ``"cancel_needs_reason"``), an English ``message`` an
agent can read, and ``params`` to build a translated message (holder name,
expiry time...). The HTTP status carries the class: 401 unauthenticated,
403 forbidden, 404 unknown, 409 conflict (lease held, stale epoch), 412 stale
version, 422 invalid input / idempotency key reused with another body,
429 too many attempts.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from core.wire.base import WireModel


class ErrorBody(WireModel):
    """What a refused request answers."""

    code: str = Field(description="Stable machine code of the refusal")
    message: str = Field(description="English sentence an agent understands")
    params: dict[str, Any] = Field(default_factory=dict, description="Values for the message")


# Stable error codes used by the server (clients may switch on them).
LEASE_HELD = "lease_held"
LEASE_LOST = "lease_lost"
STALE_EPOCH = "stale_epoch"
VERSION_CONFLICT = "version_conflict"
NOT_LEASE_HOLDER = "not_lease_holder"
SEQUENCE_GAP = "sequence_gap"
IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
NOTHING_TO_CLAIM = "nothing_to_claim"
UNAUTHENTICATED = "unauthenticated"
FORBIDDEN = "forbidden"
NOT_FOUND = "not_found"
TOO_MANY_ATTEMPTS = "too_many_attempts"
INVALID_INPUT = "invalid_input"
OUT_OF_STOCK = "out_of_stock"
