"""The event stream's response: holds its stream slot exactly as long as the
connection lives, and drops a client that stops reading.

A client that reads nothing makes the server's writes wait for the socket to
drain (uvicorn's flow control) while its events pile up in memory; past the
write timeout the stream ends and its memory and slot are freed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterable, Callable

from fastapi.responses import StreamingResponse
from starlette.types import Message, Receive, Scope, Send

log = logging.getLogger(__name__)


class SlowReader(Exception):
    """The client did not take a write within the write timeout."""


class CappedEventStream(StreamingResponse):
    """A text/event-stream response that calls ``release`` once, however it ends."""

    def __init__(
        self,
        content: AsyncIterable[str],
        *,
        release: Callable[[], None],
        write_timeout_s: float,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(content, media_type="text/event-stream", headers=headers)
        self._release = release
        self._write_timeout_s = write_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def timed_send(message: Message) -> None:
            try:
                await asyncio.wait_for(send(message), self._write_timeout_s)
            except TimeoutError:
                raise SlowReader from None

        try:
            await super().__call__(scope, receive, timed_send)
        except SlowReader:
            # Ending the app here makes uvicorn close the half-sent response's connection.
            log.info("event stream dropped: the client stopped reading")
        finally:
            self._release()
