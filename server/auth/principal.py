"""Who is calling: the authenticated user of a request."""

from __future__ import annotations

from dataclasses import dataclass

from core.order_transitions import SUPERVISOR_ROLES, Role


@dataclass(frozen=True)
class Principal:
    """The caller of a request, as the token says."""

    user_id: int
    username: str
    display_name: str
    role: Role
    team_id: int | None
    token_id: int | None = None
    device_id: str | None = None
    must_change_password: bool = False

    @property
    def is_supervisor(self) -> bool:
        return self.role in SUPERVISOR_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    def sees_team(self, team_id: int | None) -> bool:
        """Admins see every team; others their own (and team-less things)."""
        return self.is_admin or team_id is None or team_id == self.team_id
