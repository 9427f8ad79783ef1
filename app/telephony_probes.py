"""The self-test's links to the telephony engine: audio device listing and SIP registration."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.self_test import AudioLister, SipCheck
from telephony.audio import device_manager


def list_audio_devices() -> list[dict[str, Any]]:
    """Every capture and playback device Qt Multimedia sees, as JSON-ready dicts."""
    return [asdict(device) for device in device_manager.list_devices()]


def audio_lister() -> AudioLister:
    return list_audio_devices


def sip_registration_check() -> SipCheck | None:
    """The engine's registration probe; None until the telephony engine provides one."""
    return None
