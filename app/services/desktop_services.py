"""The services one signed-in workspace window uses, passed in as one bundle.

Built by ``workspace_session.start_workspace`` (the real store, sync engine
and SIP engine) and handed to the window; nothing reaches them via a global.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services.connection_status import ConnectionStatusService
from app.services.messaging_service import MessagingService
from app.services.operations import OperationRunner
from app.services.presence_service import PresenceService
from app.services.softphone_views import SoftphoneControls
from app.services.stats_service import StatsService
from app.services.workspace_service import WorkspaceService


@dataclass
class AgentIdentity:
    """Who is signed in."""

    user_id: int
    username: str
    display_name: str
    role: str
    team_name: str | None = None


@dataclass
class DesktopServices:
    """Everything the workspace window talks to."""

    identity: AgentIdentity
    runner: OperationRunner
    workspace: WorkspaceService
    presence: PresenceService
    connection: ConnectionStatusService
    stats: StatsService
    messaging: MessagingService
    softphone: SoftphoneControls | None  # None when the SIP engine could not start
    # Optional server features present ("create_order", "escalate", "change_password").
    features: frozenset[str] = frozenset()
