"""The contract between the SIP engine and whatever carries a call's audio.

The engine never touches sound devices (the pjsua2 wheels have none; it runs on
pjsua2's null device). When a call's audio media becomes active it asks an
injected factory for a bridge and hands it the call's ``pjsua2.AudioMedia``;
it stops the bridge when the media goes away (hold, hang-up). Mute is a flag the
engine keeps and pushes to the bridge, which cuts the microphone stream.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class CallAudioBridgeProtocol(Protocol):
    """One bridge object serves one stretch of active media of one call.

    ``start`` is called once with the call's ``pjsua2.AudioMedia``; ``stop`` is
    called once when that media ends (call disconnected, put on hold, or a
    re-INVITE rebuilt the stream on another conference port): a new bridge is
    then made from the factory for the new media. ``set_muted`` may be
    called at any time between ``start`` and ``stop``. All three run on the
    engine's thread (the Qt thread that created the engine).
    """

    def start(self, call_audio_media: Any) -> None: ...

    def stop(self) -> None: ...

    def set_muted(self, muted: bool) -> None: ...


CallAudioBridgeFactory = Callable[[], CallAudioBridgeProtocol]
