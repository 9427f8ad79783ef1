"""Audit trail: one row per mutation, in the mutation's own transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from server.auth.principal import Principal
from server.db.models_sync import AuditRow


def record_audit(
    session: Session,
    *,
    actor: Principal | None,
    action: str,
    entity: str,
    entity_id: object,
    at: datetime,
    op_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add the audit row (flushed with the caller's transaction)."""
    session.add(
        AuditRow(
            at=at,
            user_id=actor.user_id if actor else None,
            device_id=actor.device_id if actor else None,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            op_id=op_id,
            detail=detail or {},
        )
    )
