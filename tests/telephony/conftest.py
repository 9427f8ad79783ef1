"""Fixtures of the SIP engine tests: a fresh engine per test on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from telephony.sip_engine import SipEngine
from telephony.sip_engine_settings import SipEngineSettings
from tests.telephony.sip_test_harness import EngineRecorder


def loopback_engine_settings(**overrides: object) -> SipEngineSettings:
    values: dict[str, object] = {
        "bind_address": "127.0.0.1",
        "ring_timeout_s": 10.0,
        "setup_timeout_s": 2.0,
    }
    values.update(overrides)
    return SipEngineSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def sip_engine(qapp: QCoreApplication) -> Iterator[SipEngine]:
    """A SIP engine on loopback with the null audio device; shut down afterwards."""
    engine = SipEngine(loopback_engine_settings())
    yield engine
    engine.shutdown()


@pytest.fixture
def recorder(sip_engine: SipEngine) -> EngineRecorder:
    return EngineRecorder(sip_engine)
