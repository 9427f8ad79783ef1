"""Caps request bodies before any handler reads them.

A declared ``Content-Length`` over the limit is answered 413 at once, without
reading a byte of the body; a body sent in chunks is counted as it arrives and
refused as soon as it passes the limit, so a hostile client never makes the
server hold more than the limit in memory. The shop sheet import has its own,
larger limit.
"""

from __future__ import annotations

import json

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.wire import API_PREFIX
from server.services.errors import ServiceError

IMPORT_PATH = f"{API_PREFIX}/import/orders"


class BodyTooLarge(ServiceError, HTTPException):
    """413 ``body_too_large``. Also an ``HTTPException``, which FastAPI lets through
    untouched when it reads a JSON body (anything else it turns into a 400); the
    ``ServiceError`` handler, found first, answers it like any other refusal."""

    def __init__(self, limit: int) -> None:
        message = f"The request body is larger than {_size(limit)}."
        ServiceError.__init__(self, 413, "body_too_large", message, {"limit_bytes": limit})
        self.detail = message
        self.headers = None


def _too_large(limit: int) -> ServiceError:
    return BodyTooLarge(limit)


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit / 1024:g} KB"


class BodyLimit:
    """ASGI middleware: 413 ``body_too_large`` past ``max_body`` (``max_import`` for imports)."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_import: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_import = max_import

    def limit_for(self, path: str) -> int:
        return self.max_import if path.rstrip("/") == IMPORT_PATH else self.max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, _too_large(limit))
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised inside the route's body read: the app's ServiceError
                    # handler answers it like any other refusal.
                    raise _too_large(limit)
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, error: ServiceError) -> None:
    body = json.dumps({"code": error.code, "message": error.message, "params": error.params})
    data = body.encode()
    await send(
        {
            "type": "http.response.start",
            "status": error.status_code,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(data)).encode()),
                # The unread body stays on the wire: this connection cannot be reused.
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": data})
