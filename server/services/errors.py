"""The refusal a service raises, carrying the HTTP status the API answers with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.domain_error import DomainError


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
