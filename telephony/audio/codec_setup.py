"""Codec priorities: G.722 (wideband) first, then G.711 A-law and µ-law, nothing else.

The SIP engine calls :func:`configure_codecs` once, right after ``libInit`` and
before the first call. Other codecs (speex, iLBC, GSM, L16) are disabled
(priority 0) so the offer carries only what Moroccan operators' trunks and PBXs
accept, and the 16 kHz bridge gets wideband audio whenever the peer can.
"""

from __future__ import annotations

from typing import Any

# Codec id prefix (as pjsua2 names it) -> priority; higher wins, 0 disables.
PREFERRED_CODECS: tuple[tuple[str, int], ...] = (
    ("G722/16000", 255),
    ("PCMA/8000", 254),
    ("PCMU/8000", 253),
)


def codec_priorities(available: list[str]) -> dict[str, int]:
    """Priority for each available codec id (pure: testable without pjsua2)."""
    priorities: dict[str, int] = {}
    for codec_id in available:
        priority = 0
        for prefix, wanted in PREFERRED_CODECS:
            if codec_id.startswith(prefix):
                priority = wanted
        priorities[codec_id] = priority
    return priorities


def configure_codecs(endpoint: Any) -> dict[str, int]:
    """Apply :data:`PREFERRED_CODECS` to a started ``pj.Endpoint``; return what was set."""
    available = [info.codecId for info in endpoint.codecEnum2()]
    priorities = codec_priorities(available)
    for codec_id, priority in priorities.items():
        endpoint.codecSetPriority(codec_id, priority)
    return priorities
