"""Refuses URLs carrying NUL characters (``%00``) before any route runs:
PostgreSQL cannot store them and no user types them."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send


class NulGuard:
    """ASGI middleware answering 422 ``invalid_input`` to ``%00`` in path or query."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            raw = scope.get("query_string", b"") + scope.get("raw_path", b"")
            if b"%00" in raw or b"\x00" in raw or "\x00" in scope.get("path", ""):
                body = json.dumps(
                    {
                        "code": "invalid_input",
                        "message": "The address contains a NUL character.",
                        "params": {},
                    }
                ).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": 422,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
