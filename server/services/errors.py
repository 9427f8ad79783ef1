"""The refusal a service raises, carrying the HTTP status the API answers with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.domain_error import DomainError
from core.rulebook import NOT_VISIBLE


class ServiceError(DomainError):
    """A request refused by the server: code + English message + params + HTTP status."""

    def __init__(
        self,
        status_code: int,
        code: str,
        message: str,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(code, message, params)
        self.status_code = status_code


def not_found(what: str, ident: object) -> ServiceError:
    return ServiceError(404, "not_found", f"No {what} {ident} here.", {"what": what, "id": ident})


def forbidden(message: str, **params: Any) -> ServiceError:
    return ServiceError(403, "forbidden", message, params)


#: Rulebook refusals that are about the input, not about who may act.
_INPUT_REFUSALS = frozenset(
    {"entry_in_future", "entry_too_old", "entry_longer_than_elapsed", "naive_datetime"}
)


def refusal_status(code: str) -> int:
    """HTTP status of a ``core.rulebook`` refusal: another team's order is the same 404
    as a missing one; a role refusal 403; bad times 422; the rest 409 (the order's
    state or someone else's reservation stands in the way)."""
    if code == NOT_VISIBLE:
        return 404
    if code == "role_not_allowed":
        return 403
    if code in _INPUT_REFUSALS:
        return 422
    return 409
