"""The SSE parser delivers whole events only, whatever the chunking."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sync.sse_parser import SseParser

STREAM = (
    b"retry: 2000\n\n"
    b": keepalive\n\n"
    b'id: 41\nevent: order\ndata: {"seq": 41}\n\n'
    b"id: 42\r\nevent: journal\r\ndata: line one\r\ndata: line two\r\n\r\n"
    b"id: 43\revent: order\rdata:no-space\r\r"
    b'id: 44\nevent: order\ndata: {"cut"'
)


def _parse(chunks: list[bytes]) -> tuple[list[tuple[str, str, str | None]], SseParser]:
    parser = SseParser()
    events = []
    for chunk in chunks:
        events.extend((e.event, e.data, e.id) for e in parser.feed(chunk))
    return events, parser


def test_events_comments_retry_and_line_endings() -> None:
    events, parser = _parse([STREAM])
    assert events == [
        ("order", '{"seq": 41}', "41"),
        ("journal", "line one\nline two", "42"),
        ("order", "no-space", "43"),
    ]
    assert parser.retry_ms == 2000
    # The event cut by the end of the connection is not delivered, but its id was read.
    assert parser.last_event_id == "44"


@given(st.lists(st.integers(min_value=1, max_value=len(STREAM) - 1), max_size=30))
def test_any_chunking_gives_the_same_events(cuts: list[int]) -> None:
    points = sorted(set(cuts))
    chunks = [STREAM[a:b] for a, b in zip([0, *points], [*points, len(STREAM)], strict=True)]
    assert _parse(chunks)[0] == _parse([STREAM])[0]


def test_utf8_split_inside_a_character() -> None:
    raw = "id: 1\ndata: Fès — réservée\n\n".encode()
    split = raw.index("è".encode()) + 1
    events, _ = _parse([raw[:split], raw[split:]])
    assert events == [("message", "Fès — réservée", "1")]
