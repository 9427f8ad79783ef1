"""End the open event streams as soon as the server process is asked to stop.

uvicorn's graceful shutdown waits for every open connection to finish, then,
after ``timeout_graceful_shutdown``, cancels what is left and logs an ERROR with
a ``CancelledError`` traceback per stream; an SSE stream never finishes by
itself, and the application's lifespan shutdown only runs after that wait. So
the app chains a handler in front of uvicorn's own SIGTERM/SIGINT handlers (in
every worker process) that first tells the hub to end its streams; they return,
their connections close, and the stop takes a fraction of a second.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def end_streams_on_exit_signals(end_streams: Callable[[], None]) -> Callable[[], None]:
    """Call ``end_streams`` then the previous handler on SIGTERM/SIGINT; returns the undo.

    Only the main thread may set signal handlers: elsewhere (an in-process test
    client) nothing is installed.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {sig: signal.getsignal(sig) for sig in EXIT_SIGNALS}

    def handle(sig: int, frame: FrameType | None) -> None:
        end_streams()
        before = previous[signal.Signals(sig)]
        if callable(before):
            before(sig, frame)
        elif before == signal.SIG_DFL:
            signal.signal(sig, signal.SIG_DFL)
            signal.raise_signal(sig)

    for sig in EXIT_SIGNALS:
        signal.signal(sig, handle)

    def undo() -> None:
        for sig, handler in previous.items():
            if signal.getsignal(sig) is handle:
                signal.signal(sig, handler)

    return undo
