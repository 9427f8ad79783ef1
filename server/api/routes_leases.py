"""Claims: claim one order, claim the next best, heartbeat, release."""

from __future__ import annotations

from fastapi import APIRouter

from core.wire.errors import ErrorBody
from core.wire.leases import (
    ClaimNextRequest,
    ClaimNextResult,
    ClaimRequest,
    ClaimResult,
    HeartbeatRequest,
    HeartbeatResult,
    ReleaseRequest,
    ReleaseResult,
)
from server.api.deps import ERROR_RESPONSES, DbDep, PrincipalDep
from server.api.params import OrderId
from server.services.claims import claim_next, claim_order, heartbeat, release

router = APIRouter(tags=["leases"], responses=ERROR_RESPONSES)


@router.post(
    "/orders/claim-next",
    response_model=ClaimNextResult,
)
def post_claim_next(
    db: DbDep, principal: PrincipalDep, body: ClaimNextRequest | None = None
) -> ClaimNextResult:
    """The best order for the caller, claimed; empty when the queue is drained."""
    body = body or ClaimNextRequest()
    return claim_next(db, principal, body.lease_seconds, body.exclude_order_ids)


@router.post(
    "/orders/{order_id}/claim",
    response_model=ClaimResult,
    responses={409: {"model": ErrorBody, "description": "Held by someone else (lease_held)"}},
)
def post_claim(
    order_id: OrderId, db: DbDep, principal: PrincipalDep, body: ClaimRequest | None = None
) -> ClaimResult:
    return claim_order(db, principal, order_id, (body or ClaimRequest()).lease_seconds)


@router.post("/leases/heartbeat", response_model=HeartbeatResult)
def post_heartbeat(body: HeartbeatRequest, db: DbDep, principal: PrincipalDep) -> HeartbeatResult:
    return heartbeat(db, principal, body.leases, body.lease_seconds)


@router.post("/orders/{order_id}/release", response_model=ReleaseResult)
def post_release(
    order_id: OrderId, db: DbDep, principal: PrincipalDep, body: ReleaseRequest | None = None
) -> ReleaseResult:
    return release(db, principal, order_id, (body or ReleaseRequest()).epoch)
