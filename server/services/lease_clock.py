"""Lease arithmetic and fencing checks on the database clock.

A lease is valid while ``lease_expires_at > now``. Every new holder gets
``lease_epoch + 1``; a write must carry the current epoch (fencing token), so a
desk that lost its lease (expired and re-claimed by someone else) is refused
even if it comes back with a valid token.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from server.auth.principal import Principal
from server.db.models_orders import OrderRow
from server.services.errors import ServiceError


def lease_expiry(now: datetime, lease_seconds: int) -> datetime:
    return now + timedelta(seconds=lease_seconds)


def lease_valid(order: OrderRow, now: datetime) -> bool:
    return (
        order.lease_holder_id is not None
        and order.lease_expires_at is not None
        and order.lease_expires_at > now
    )


def drop_lease(order: OrderRow) -> None:
    """Nobody holds the order any more (closed, escalated, reassigned)."""
    order.lease_holder_id = None
    order.lease_expires_at = None
    order.lease_claimed_at = None


def held_by_other(order: OrderRow, principal: Principal, now: datetime) -> bool:
    return lease_valid(order, now) and order.lease_holder_id != principal.user_id


def lease_held_error(order: OrderRow, holder_name: str) -> ServiceError:
    expires = order.lease_expires_at.isoformat() if order.lease_expires_at else None
    return ServiceError(
        409,
        "lease_held",
        f"{holder_name} is working on this order right now.",
        {"holder_id": order.lease_holder_id, "holder_name": holder_name, "expires_at": expires},
    )


def check_fence(
    order: OrderRow,
    principal: Principal,
    *,
    lease_epoch: int | None,
    expected_version: int | None,
    now: datetime,
    holder_name: str,
    owner_name: str | None,
) -> None:
    """Refuse a write whose fencing token is not current (who may write at all is
    ``core.rulebook``'s answer, asked after this).

    With ``lease_epoch``: the caller must be the holder under that epoch (an
    expired lease nobody else took is still the caller's: the epoch proves it).
    With ``expected_version``: the order must not have changed since.
    """
    if lease_epoch is None and expected_version is None:
        raise ServiceError(
            428,
            "fence_required",
            "This change must carry the lease epoch or the order version.",
        )
    if lease_epoch is not None and (
        order.lease_holder_id != principal.user_id or order.lease_epoch != lease_epoch
    ):
        if held_by_other(order, principal, now):
            raise lease_held_error(order, holder_name)
        changed = order.updated_at.isoformat() if order.updated_at else None
        if owner_name and order.owner_id != principal.user_id:
            message = f"This order was reassigned to {owner_name}; your reservation ended."
        else:
            message = "Your reservation of this order ended; open the order again."
        raise ServiceError(
            409,
            "stale_epoch",
            message,
            {
                "epoch": lease_epoch,
                "current_epoch": order.lease_epoch,
                "owner_name": owner_name,
                "changed_at": changed,
            },
        )
    if expected_version is not None and order.version != expected_version:
        raise ServiceError(
            412,
            "version_conflict",
            "Somebody changed this order since you opened it; look at it again.",
            {"version": expected_version, "current_version": order.version},
        )
