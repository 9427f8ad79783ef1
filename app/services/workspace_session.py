"""Builds one signed-in workspace from real parts, and takes it down again.

Opens the agent's local store, starts the sync engine with the session's
token, starts the SIP engine (the provisioned account, or in demo mode the
built-in demo line), and wires the services the window uses. The signals
between sync / telephony and the services are connected here, once.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject

from app import settings_schema as schema
from app.app_context import AppContext
from app.local_store.local_sync_store import LocalSyncStore
from app.local_store.store_database import StoreDatabase, open_store_database
from app.secret_store import KeyringUnavailableError, sip_password_key
from app.services.audio_settings_service import AudioSettingsService
from app.services.connection_status import ConnectionStatusService, ConnectionView
from app.services.demo_line import DemoLine, start_demo_line
from app.services.desktop_services import DesktopServices
from app.services.local_store_stats import LocalStoreStats
from app.services.local_store_workspace import LocalStoreWorkspace
from app.services.messaging_service import MessagingService
from app.services.operations import OperationRunner
from app.services.presence_service import PresenceService
from app.services.session_service import SignedIn
from app.services.softphone_service import SoftphoneService
from app.services.stats_service import StatsService
from app.services.workspace_service import WorkspaceService
from app.services.workspace_store import ActionReport, ActionState
from app.sip_account_config import (
    is_sip_configured,
    sip_account_from_settings,
    sip_engine_settings_from_settings,
)
from sync.backoff import Backoff
from sync.http_config import HttpConfig
from sync.sync_engine import SyncEngine
from sync.sync_store import AppliedChanges, LostLeaseNotice, RefusalNotice
from telephony.audio.call_audio_bridge import CallAudioBridge
from telephony.audio.device_choice import AudioDeviceSelection
from telephony.audio.device_manager import AudioDeviceManager
from telephony.audio.ringtone import Ringtone
from telephony.sip_account_settings import SipAccountSettings
from telephony.sip_engine import SipEngine, SipEngineError
from telephony.sip_engine_settings import SipEngineSettings

log = logging.getLogger(__name__)


@dataclass
class SipSetup:
    """Which SIP account to use: the provisioned one, or none."""

    account: SipAccountSettings | None
    password: str = ""
    lead_extension: str = ""
    demo_line: bool = False
    # Local ports the engine binds (sip.local_port); the address is chosen at start.
    engine: SipEngineSettings = field(default_factory=SipEngineSettings)
    # False: no SIP engine at all (a desk without a headset; pjsua2 also allows only
    # one endpoint per process, so a second desk in one process must go without).
    softphone: bool = True


def sip_setup_for(context: AppContext) -> SipSetup:
    """The demo line with ``--demo``, else the provisioned account (password from keyring)."""
    if context.demo is not None:
        return SipSetup(account=None, demo_line=True)
    settings = context.settings
    if not is_sip_configured(settings):
        return SipSetup(account=None)
    account = sip_account_from_settings(settings)
    password = ""
    try:
        password = context.secrets.get(sip_password_key(account.user, account.domain)) or ""
    except KeyringUnavailableError as exc:
        log.warning("no SIP password: %s", exc.message)
    return SipSetup(account=account, password=password,
                    lead_extension=settings[schema.SIP_LEAD_EXTENSION],
                    engine=sip_engine_settings_from_settings(settings))


@dataclass
class TokenHolder:
    """The session's bearer token; replaced after signing in again."""

    token: str


@dataclass
class RunningWorkspace:
    """The services of one signed-in agent plus what must be stopped at the end."""

    services: DesktopServices
    session: SignedIn
    database: StoreDatabase
    sync: SyncEngine
    engine: SipEngine | None
    devices: AudioDeviceManager | None
    audio: AudioSettingsService | None
    demo_line: DemoLine | None
    owner: QObject
    token: TokenHolder
    stopped: bool = field(default=False)

    def resume_with(self, session: SignedIn) -> None:
        """Signed in again after the server refused the token: sync picks up where it was."""
        self.session = session
        self.token.token = session.token
        self.sync.login_done()

    def shutdown(self) -> None:
        """Stop sync, the phone and the demo line; the outbox stays on disk."""
        if self.stopped:
            return
        self.stopped = True
        # Quitting gives the open order back at once instead of when its lease expires
        # (the runner finishes it before the sync engine stops).
        self.services.workspace.release_current()
        self.services.runner.shutdown(5_000)
        self.sync.stop(5.0)
        if self.engine is not None:
            self.engine.shutdown()
        if self.devices is not None:
            self.devices.shutdown()  # its headset re-check thread must not outlive the window
        if self.demo_line is not None:
            self.demo_line.stop()
        self.database.dispose()


_REFERENCE_ENTITIES = frozenset(
    {"article", "city", "settings", "team_settings", "template", "predefined_note"}
)


def _devices_file(data_dir: Path) -> Path:
    return data_dir / "audio_devices.json"


def _saved_devices(data_dir: Path) -> AudioDeviceSelection:
    """The headset, microphone and ringer the agent chose last time (by id and name)."""
    try:
        return AudioDeviceSelection.from_dict(
            json.loads(_devices_file(data_dir).read_text(encoding="utf-8"))
        )
    except (OSError, ValueError):
        return AudioDeviceSelection()


def _save_devices(data_dir: Path, selection: AudioDeviceSelection) -> None:
    try:
        _devices_file(data_dir).write_text(json.dumps(selection.to_dict()), encoding="utf-8")
    except OSError as exc:
        log.warning("audio device choice not saved: %s", exc)


def store_path(data_dir: Path, session: SignedIn) -> Path:
    """One store per server and user (never mix two agents' outboxes)."""
    server = re.sub(r"[^A-Za-z0-9]+", "_", session.server_url.split("://", 1)[-1]).strip("_")
    return data_dir / f"store-{server}-{session.identity.username}.sqlite"


def _report_for(notice: RefusalNotice) -> ActionReport:
    state = ActionState.CONFLICT if notice.status == "conflict" else ActionState.REJECTED
    return ActionReport(
        notice.op_id,
        notice.order_id,
        notice.kind,
        state,
        notice.code,
        notice.message,
        dict(notice.params),
    )


def _ringtone(devices: AudioDeviceManager | None, owner: QObject) -> Ringtone | None:
    """The ringtone on the agent's ringer device; none for a desk without audio devices."""
    if devices is None:
        return None
    try:
        return Ringtone(devices, parent=owner)
    except FileNotFoundError as missing:  # a bundle without its sounds still takes calls
        log.error("no ringtone, inbound calls will ring silently: %s", missing)
        return None


def start_workspace(
    session: SignedIn,
    data_dir: Path,
    sip: SipSetup,
    *,
    sync_idle_wait: float = 5.0,
    use_event_stream: bool = True,
    with_audio_devices: bool = True,
    lease_seconds: int | None = None,
    heartbeat_interval: float = 30.0,
    backoff: Backoff | None = None,
    sip_bind_address: str | None = None,
    features: frozenset[str] = frozenset(),
    http: HttpConfig | None = None,
) -> RunningWorkspace:
    """Everything the window needs, started; call ``shutdown`` at the end."""
    owner = QObject()
    identity = session.identity
    me = identity.display_name
    data_dir.mkdir(parents=True, exist_ok=True)
    database = open_store_database(store_path(data_dir, session))
    sync_store = LocalSyncStore(database)
    sync_store.set_current_user(identity.user_id, identity.username, identity.display_name)
    token = TokenHolder(session.token)
    sync = SyncEngine(
        sync_store,
        session.server_url,
        lambda: token.token,
        idle_wait=sync_idle_wait,
        use_event_stream=use_event_stream,
        lease_seconds=lease_seconds,
        heartbeat_interval=heartbeat_interval,
        backoff=backoff,
        http=http,
        parent=owner,
    )
    store = LocalStoreWorkspace(database, sync, me)
    runner = OperationRunner(owner)
    workspace = WorkspaceService(store, runner, me, owner, role=identity.role)
    presence = PresenceService(
        lambda state, reason, order_id: sync.set_presence(state, reason, order_id), owner
    )
    state = sync.state
    connection = ConnectionStatusService(
        ConnectionView(state.online, state.offline_since, state.pending_count), owner
    )

    def refresh_connection(*_args: object) -> None:
        _code, message = state.last_error
        connection.update(
            ConnectionView(state.online, state.offline_since, state.pending_count, message)
        )

    state.onlineChanged.connect(refresh_connection)
    state.offlineSinceChanged.connect(refresh_connection)
    state.pendingCountChanged.connect(refresh_connection)
    state.lastErrorChanged.connect(refresh_connection)
    state.loginRequired.connect(connection.login_required)

    def on_changes(applied: AppliedChanges) -> None:
        if applied.full_refresh or applied.entities & _REFERENCE_ENTITIES:
            workspace.reference_data_changed()
        # Presence and catalogue events do not move the queue; order changes may.
        structural = bool(applied.order_ids) or applied.full_refresh
        workspace.apply_remote_changes(sorted(applied.order_ids), structural=structural)
        for lost in applied.lost_leases:
            on_lease_lost(lost)
        workspace.settle_reports([])

    def on_lease_lost(notice: LostLeaseNotice) -> None:
        workspace.report_action(
            ActionReport(
                "",
                notice.order_id,
                "lease",
                ActionState.CONFLICT,
                notice.code,
                notice.message,
                {"holder_name": notice.holder_name},
            )
        )

    def on_pushed(report: object) -> None:
        refusals = getattr(report, "refusals", [])
        workspace.settle_reports([_report_for(n) for n in refusals])
        refresh_connection()

    sync.changesApplied.connect(on_changes)
    sync.leaseLost.connect(on_lease_lost)
    sync.pushed.connect(on_pushed)
    sync.refusalRecorded.connect(lambda notice: workspace.report_action(_report_for(notice)))

    stats = StatsService(LocalStoreStats(database, me), owner)
    messaging = MessagingService(store, agent_name=me, runner=runner, parent=owner)
    workspace.orders_changed.connect(lambda _ids: connection_pending())

    def connection_pending() -> None:
        state.set_pending(store.pending_actions())

    devices: AudioDeviceManager | None = None
    engine: SipEngine | None = None
    demo: DemoLine | None = None
    softphone: SoftphoneService | None = None
    account = sip.account
    if sip.demo_line:
        demo = start_demo_line(data_dir / "demo-line")
        if demo is not None:
            account = SipAccountSettings(
                user=identity.username,
                domain=demo.domain,
                register=False,
                display_name=identity.display_name,
            )
    try:
        if not sip.softphone:
            raise RuntimeError("this desk has no softphone")
        if with_audio_devices:
            devices = AudioDeviceManager(_saved_devices(data_dir), parent=owner)
            devices.selectionChanged.connect(lambda chosen: _save_devices(data_dir, chosen))
        chosen = devices
        engine = SipEngine(
            replace(
                sip.engine,
                bind_address=sip_bind_address or ("127.0.0.1" if demo else "0.0.0.0"),
            ),
            audio_bridge_factory=(lambda: CallAudioBridge(chosen)) if chosen else None,
        )
        if account is not None:
            engine.configure_account(account, sip.password)
    except (SipEngineError, RuntimeError) as exc:
        if sip.softphone:
            log.error("the softphone could not start: %s", exc)
        engine = None
    if engine is not None:
        softphone = SoftphoneService(
            engine,
            store,
            presence,
            agent_name=me,
            # The desk's own setting wins over the team's (pushed by the server).
            lead_extension=lambda: sip.lead_extension or store.team_settings().lead_extension,
            ringer=_ringtone(devices, owner),
            parent=owner,
        )
        softphone.attempt_finished.connect(lambda _f: connection_pending())
        if devices is not None:
            devices.headsetLost.connect(softphone.on_headset_lost)

    services = DesktopServices(
        identity=identity,
        runner=runner,
        workspace=workspace,
        presence=presence,
        connection=connection,
        stats=stats,
        messaging=messaging,
        softphone=softphone,
        features=features,
    )
    sync.start()
    audio = AudioSettingsService(devices, owner) if devices is not None else None
    return RunningWorkspace(
        services, session, database, sync, engine, devices, audio, demo, owner, token
    )
