"""A customer who calls back while the agent is on another call hears busy; the
attempt lands, missed, in that customer's order journal, and the call in progress
(its presence included) goes on undisturbed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.store_database import open_store_database
from app.services.local_store_workspace import LocalStoreWorkspace
from app.services.presence_service import AgentState, PresenceService
from app.services.softphone_service import SoftphoneService
from app.services.softphone_views import AttemptFinished, CallPhase, InboundCall
from sync.sync_engine import SyncEngine
from telephony.sip_account_settings import SipTransport
from telephony.sip_engine import SipEngine
from telephony.sip_engine_settings import SipEngineSettings
from tests.fixtures.sip_peers import SippLauncher
from tests.sync.order_factory import order_json

pytestmark = [pytest.mark.sip]

ME = "Amina"
ORDER_ID = 7  # its customer's phone is +212600000007


@pytest.fixture
def store(tmp_path: Path, qapp: QCoreApplication) -> Iterator[LocalStoreWorkspace]:
    database = open_store_database(tmp_path / "store.sqlite")
    sync_store = LocalSyncStore(database)
    sync_store.set_current_user(3, "agent1", ME)
    generation = sync_store.begin_full_resync()
    sync_store.store_resync_orders(generation, [order_json(ORDER_ID, status="assigned")])
    sync_store.finish_full_resync(generation, 0)
    # Never started, and nothing listens at port 9: the desk is offline.
    sync = SyncEngine(
        LocalSyncStore(database), "http://127.0.0.1:9", lambda: "token", use_event_stream=False
    )
    yield LocalStoreWorkspace(database, sync, ME)
    database.dispose()


@pytest.fixture
def engine(qapp: QCoreApplication) -> Iterator[SipEngine]:
    engine = SipEngine(SipEngineSettings(bind_address="127.0.0.1", setup_timeout_s=2.0))
    yield engine
    engine.shutdown()


def test_a_call_back_during_a_call_is_journaled_as_missed_on_the_callers_order(
    engine: SipEngine, store: LocalStoreWorkspace, sipp: SippLauncher, qtbot: QtBot
) -> None:
    presence = PresenceService(lambda *_published: None)
    phone = SoftphoneService(engine, store, presence, agent_name=ME)
    finished: list[AttemptFinished] = []
    popups: list[InboundCall] = []
    phone.attempt_finished.connect(finished.append)
    phone.incoming_call.connect(popups.append)

    other_customer = sipp.start("uas_answer_remote_hangup", {"RING_MS": 100, "TALK_MS": 3000})
    phone.dial(None, other_customer.uri())
    qtbot.waitUntil(lambda: phone.call is not None and phone.call.phase == CallPhase.ACTIVE)

    sipp.start(
        "uac_customer_calls_in_busy",
        {"CALLER": "0600000007"},
        remote=f"127.0.0.1:{engine.transport_port(SipTransport.UDP)}",
    )
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    missed = finished[0]
    assert missed.order_id == ORDER_ID
    assert missed.journal.direction == "inbound"
    assert missed.journal.outcome == "no_answer"
    assert missed.journal.sip_code == 486
    assert missed.op_id  # queued for the server with the order's other actions
    assert not missed.counts_as_contact
    detail = store.order_detail(ORDER_ID)
    assert detail is not None
    assert any(j.direction == "inbound" and j.outcome == "no_answer" for j in detail.journal)

    # No pop-up over the call, which goes on; the agent is still "in call".
    assert popups == []
    assert phone.call is not None and phone.call.phase == CallPhase.ACTIVE
    assert presence.view.state is AgentState.IN_CALL


def test_an_inbound_call_from_a_new_customer_is_the_contact_on_the_order_typed_for_them(
    engine: SipEngine, store: LocalStoreWorkspace, sipp: SippLauncher, qtbot: QtBot
) -> None:
    """No order has the caller's number; the agent answers and types a new order: the
    call goes in that order's journal (an inbound contact, no attempt), during the
    call or right after it."""
    presence = PresenceService(lambda *_published: None)
    phone = SoftphoneService(engine, store, presence, agent_name=ME)
    finished: list[AttemptFinished] = []
    popups: list[InboundCall] = []
    phone.attempt_finished.connect(finished.append)
    phone.incoming_call.connect(popups.append)
    remote = f"127.0.0.1:{engine.transport_port(SipTransport.UDP)}"

    # Typed while still talking: the call journals itself on the new order.
    sipp.start("uac_customer_calls_in", {"CALLER": "0611111111", "TALK_MS": 1500}, remote=remote)
    qtbot.waitUntil(lambda: bool(popups), timeout=5000)
    assert popups[0].order_ids == ()
    phone.answer(popups[0].handle, None)
    qtbot.waitUntil(lambda: phone.call is not None and phone.call.phase == CallPhase.ACTIVE)
    phone.attach_inbound_call(ORDER_ID)
    qtbot.waitUntil(lambda: bool(finished), timeout=8000)
    assert finished[0].order_id == ORDER_ID
    assert finished[0].journal.direction == "inbound"
    assert finished[0].journal.outcome == "answered"
    detail = store.order_detail(ORDER_ID)
    assert detail is not None
    assert (detail.contact_count, detail.attempt_count) == (1, 0)

    # Typed once the call was over: the last answered call with no order is taken.
    sipp.start("uac_customer_calls_in", {"CALLER": "0622222222", "TALK_MS": 500}, remote=remote)
    qtbot.waitUntil(lambda: len(popups) == 2, timeout=5000)
    phone.answer(popups[1].handle, None)
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=8000)
    assert finished[1].order_id is None and not finished[1].op_id
    phone.attach_inbound_call(ORDER_ID)
    detail = store.order_detail(ORDER_ID)
    assert detail is not None
    assert (detail.contact_count, detail.attempt_count) == (2, 0)
    assert sum(j.direction == "inbound" for j in detail.journal) == 2
    phone.attach_inbound_call(ORDER_ID)  # taken once only
    assert len(store.order_detail(ORDER_ID).journal) == 2  # type: ignore[union-attr]
