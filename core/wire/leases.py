"""Claims (leases) on orders: claim one, claim the next best, heartbeat, release.

A claim that loses answers 409 with an ``ErrorBody`` of code ``lease_held`` and
params ``holder_id``, ``holder_name``, ``expires_at``. Lease times come from the
database clock.
"""

from __future__ import annotations

from pydantic import Field

from core.wire.base import Count, Id, WireModel
from core.wire.orders import LeaseInfo, OrderWire


class ClaimRequest(WireModel):
    """``POST /api/v1/orders/{id}/claim`` (body optional)."""

    lease_seconds: int | None = Field(
        default=None, ge=1, le=3600, description="A shorter lease than the server's setting"
    )


class ClaimResult(WireModel):
    """A successful claim: the order as it is now and the lease (with its new epoch)."""

    order: OrderWire
    lease: LeaseInfo


class ClaimNextRequest(WireModel):
    """``POST /api/v1/orders/claim-next``: the next best order for the caller."""

    lease_seconds: int | None = Field(default=None, ge=1, le=3600)
    exclude_order_ids: list[Id] = Field(default_factory=list, max_length=500)


class ClaimNextResult(WireModel):
    """``order``/``lease`` are null when nothing is left to claim."""

    order: OrderWire | None = None
    lease: LeaseInfo | None = None


class LeaseRef(WireModel):
    """A lease the desk believes it holds."""

    order_id: Id
    epoch: Count


class HeartbeatRequest(WireModel):
    """``POST /api/v1/leases/heartbeat``: renew every lease of the desk at once."""

    leases: list[LeaseRef] = Field(max_length=500)
    lease_seconds: int | None = Field(default=None, ge=1, le=3600)


class LostLease(WireModel):
    """A lease that could not be renewed, and why (``code``: lease_lost / stale_epoch)."""

    order_id: int
    code: str
    message: str
    holder_id: int | None = None
    holder_name: str | None = None


class HeartbeatResult(WireModel):
    """Renewed leases (new expiry) and lost ones."""

    renewed: list[LeaseInfo] = Field(default_factory=list)
    lost: list[LostLease] = Field(default_factory=list)


class ReleaseRequest(WireModel):
    """``POST /api/v1/orders/{id}/release``; ``epoch`` is required for agents."""

    epoch: Count | None = None


class ReleaseResult(WireModel):
    """``released`` is false when the caller no longer held the order (harmless)."""

    order_id: int
    released: bool
