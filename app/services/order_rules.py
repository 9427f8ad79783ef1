"""The rulebook's answer for the open order, as the desk knows it.

``situation_for`` turns an ``OrderDetail`` (the local store's view: server
counts plus what this desk journaled and has not pushed yet), the signed-in
user's id and role, and the shop's settings into a ``core.rulebook.Situation``;
``OrderVerdicts`` holds the rulebook's answer for every act. The windows enable
each control from it and show the refusal's reason: the desk has no rule of
its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from app.services.order_views import OrderDetail
from app.services.workspace_store import ClaimResult
from core.domain_error import DomainError
from core.order_transitions import Role
from core.rulebook import Act, OrderFacts, ShopRules, Situation, Standing
from core.rulebook import verdicts as rulebook_verdicts


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        return Role.AGENT


def situation_for(
    detail: OrderDetail,
    *,
    user_id: int | None,
    role: str,
    rules: ShopRules,
    leases_held: int,
    now: datetime,
    refused_claim: ClaimResult | None = None,
) -> Situation:
    """The rulebook's view of ``detail`` for the signed-in user (by id, never by name).

    ``refused_claim``: the server's answer when it refused me this order, a fact
    fresher than the local store's (a colleague's lease or ownership the store has
    not heard of yet).
    """
    holds = detail.holds_lease
    held_by_other = not holds and detail.holder_id is not None and detail.holder_id != user_id
    holder_name = detail.holder if held_by_other else None
    owner = detail.owner_id
    owned_by_other = owner is not None and owner != user_id
    owner_name = detail.owner
    if refused_claim is not None and not holds:
        params = refused_claim.params or {}
        if refused_claim.code == "owned_by_other":
            owned_by_other = True
            owner_name = str(params.get("owner_name") or owner_name or "") or None
        elif refused_claim.code == "lease_held":
            held_by_other = True
            holder_name = refused_claim.holder_name or holder_name
    return Situation(
        order=OrderFacts(
            status=detail.status,
            attempts=detail.attempt_count,
            contacts=detail.contact_count,
            last_call_at=detail.last_call_at,
            escalated=detail.escalation is not None,
            extra_attempts=detail.extra_attempts,
            has_lines=bool(detail.lines),
        ),
        standing=Standing(
            role=_role(role),
            same_team=True,  # the desk only ever sees its own team's orders
            holds_lease=holds,
            held_by_other=held_by_other,
            owns=owner is not None and owner == user_id,
            owned_by_other=owned_by_other,
            leases_held=leases_held,
            holder_name=holder_name,
            owner_name=owner_name,
        ),
        rules=rules,
        now=now,
    )


@dataclass(frozen=True)
class OrderVerdicts:
    """The rulebook's answer for one order at one moment: what is allowed, and why not."""

    order_id: int
    situation: Situation
    refusals: Mapping[Act, DomainError | None]

    @classmethod
    def of(cls, order_id: int, situation: Situation) -> OrderVerdicts:
        return cls(order_id, situation, rulebook_verdicts(situation))

    def allowed(self, act: Act) -> bool:
        return self.refusals.get(act) is None

    def refusal(self, act: Act) -> DomainError | None:
        return self.refusals.get(act)

    @property
    def attempt_cap(self) -> int:
        """The shop's cap plus the attempts a lead granted on this order."""
        return self.situation.attempt_cap

    @property
    def attempts(self) -> int:
        return self.situation.order.attempts

    @property
    def recheck_at(self) -> datetime | None:
        """When the answer changes by itself: the end of a call-gap refusal."""
        refused = self.refusals.get(Act.CALL)
        if refused is None or refused.code != "call_gap":
            return None
        raw = refused.params.get("allowed_at")
        return datetime.fromisoformat(str(raw)) if raw else None
