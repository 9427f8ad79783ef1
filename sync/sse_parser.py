"""Incremental parser of a text/event-stream (the SSE wire format).

Fed with raw byte chunks as they arrive; yields complete events. Follows the
WHATWG rules that matter here: ``id`` sets the last event id (kept across
events), ``data`` lines join with newlines, a line starting with ``:`` is a
comment (the server's keep-alive), ``retry`` sets the reconnection delay, and
an event is dispatched on a blank line only, so an event cut by a dropped
connection is never delivered half-read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class ServerSentEvent:
    """One dispatched event: its type, data text and the last event id at that point."""

    event: str
    data: str
    id: str | None


class SseParser:
    """Turns byte chunks into ``ServerSentEvent`` objects; keeps partial lines between chunks."""

    def __init__(self, last_event_id: str | None = None) -> None:
        self._buffer = b""
        self._data: list[str] = []
        self._event = ""
        self._saw_field = False
        self.last_event_id = last_event_id
        self.retry_ms: int | None = None

    def feed(self, chunk: bytes) -> Iterator[ServerSentEvent]:
        """Consume ``chunk`` and yield every event it completes."""
        self._buffer += chunk
        while True:
            line, found = self._take_line()
            if not found:
                return
            event = self._process_line(line)
            if event is not None:
                yield event

    def _take_line(self) -> tuple[str, bool]:
        buffer = self._buffer
        lf = buffer.find(b"\n")
        cr = buffer.find(b"\r")
        if cr == -1 or (lf != -1 and lf < cr):
            if lf == -1:
                return "", False
            line, self._buffer = buffer[:lf], buffer[lf + 1 :]
        else:
            if cr + 1 == len(buffer):
                # Wait for the next byte: it may be the \n of a \r\n pair.
                return "", False
            skip = 2 if buffer[cr + 1 : cr + 2] == b"\n" else 1
            line, self._buffer = buffer[:cr], buffer[cr + skip :]
        return line.decode("utf-8", errors="replace"), True

    def _process_line(self, line: str) -> ServerSentEvent | None:
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._saw_field = True
        elif name == "event":
            self._event = value
            self._saw_field = True
        elif name == "id":
            if "\x00" not in value:
                self.last_event_id = value
            self._saw_field = True
        elif name == "retry" and value.isdigit():
            self.retry_ms = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        had_data = bool(self._data)
        data = "\n".join(self._data)
        event = self._event or "message"
        self._data = []
        self._event = ""
        self._saw_field = False
        if not had_data:
            return None
        return ServerSentEvent(event=event, data=data, id=self.last_event_id)
