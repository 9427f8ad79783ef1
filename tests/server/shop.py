"""Builds an isolated shop (team, users with tokens, catalogue, orders) directly
in the test database, so each test works on its own data over HTTP."""

from __future__ import annotations

import random
import ssl
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import func, select

from core.order_transitions import Role
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from core.wire.catalogue import ArticleWire, CityWire, VariantWire
from server.auth.passwords import hash_password
from server.auth.tokens import new_token
from server.db.models_sync import AuditRow
from server.db.models_users import ApiToken, Team, User
from server.db.session import Database, open_database
from server.services.catalogue import WantedLine, upsert_article, upsert_city
from server.services.db_clock import db_now
from server.services.order_intake import IncomingOrder, upsert_incoming

PASSWORD = "correct horse battery"
# One TLS context for every test client: building one per client reads the CA store
# each time (~0.15 s), which made a shop of many users slow to create.
_TLS = ssl.create_default_context()
_rng = random.Random()


def random_phone() -> str:
    while True:
        text = "06" + "".join(_rng.choice("0123456789") for _ in range(8))
        try:
            return normalize_phone(text)
        except InvalidPhoneNumber:
            continue


@dataclass
class ShopUser:
    """A user of the test shop with a live token and an HTTP client."""

    id: int
    username: str
    role: Role
    token: str
    client: httpx.Client


@dataclass
class Shop:
    api: str
    db: Database
    team_id: int
    prefix: str
    article_ref: str
    agents: list[ShopUser]
    lead: ShopUser
    admin: ShopUser
    order_ids: list[int] = field(default_factory=list)
    builder: ShopBuilder | None = None

    def add_orders(self, count: int, **overrides: Any) -> list[int]:
        assert self.builder is not None
        ids = self.builder.add_orders(self, count, **overrides)
        self.order_ids.extend(ids)
        return ids

    @contextmanager
    def settings(self, **values: Any) -> Iterator[None]:
        """The shop's settings with ``values`` for the block (the server is shared by
        the session's tests: the old ones come back afterwards)."""
        before = self.admin.client.get("/settings").json()
        answer = self.admin.client.put("/settings", json={**before, **values})
        assert answer.status_code == 200, answer.text
        try:
            yield
        finally:
            self.admin.client.put("/settings", json=before)

    def audit_count(self) -> int:
        with self.db.read() as session:
            return int(session.execute(select(func.count()).select_from(AuditRow)).scalar_one())

    def close(self) -> None:
        for user in [*self.agents, self.lead, self.admin]:
            user.client.close()


class ShopBuilder:
    """Creates shops in one database (module-scoped)."""

    def __init__(self, db_url: str) -> None:
        self.db = open_database(db_url)
        self.password_hash = hash_password(PASSWORD)

    def close(self) -> None:
        self.db.dispose()

    def _user(
        self, session: Any, api: str, username: str, role: Role, team_id: int | None
    ) -> ShopUser:
        user = User(
            username=username,
            display_name=username,
            password_hash=self.password_hash,
            role=role.value,
            team_id=team_id,
            active=True,
            created_at=db_now(session),
        )
        session.add(user)
        session.flush()
        token, token_hash = new_token()
        session.add(
            ApiToken(
                user_id=user.id,
                token_hash=token_hash,
                device_id=f"desk-{username}",
                created_at=db_now(session),
                expires_at=None,
                revoked_at=None,
            )
        )
        client = httpx.Client(
            base_url=api, headers={"Authorization": f"Bearer {token}"}, timeout=60.0, verify=_TLS
        )
        return ShopUser(user.id, username, role, token, client)

    def new_shop(self, api: str, *, agents: int = 3, orders: int = 5, stock: int = 1000) -> Shop:
        prefix = uuid.uuid4().hex[:8]
        with self.db.write() as session:
            team = Team(name=f"team-{prefix}")
            session.add(team)
            session.flush()
            agent_users = [
                self._user(session, api, f"agent{i}-{prefix}", Role.AGENT, team.id)
                for i in range(1, agents + 1)
            ]
            lead = self._user(session, api, f"lead-{prefix}", Role.LEAD, team.id)
            admin = self._user(session, api, f"admin-{prefix}", Role.ADMIN, None)
            team.lead_id = lead.id
            article_ref = f"ART-{prefix}"
            upsert_city(
                session,
                CityWire(name="Casablanca", region="Casablanca-Settat", delivery_fee=Decimal("30")),
            )
            upsert_article(
                session,
                ArticleWire(
                    ref=article_ref,
                    name=f"Sandale {prefix}",
                    normal_price=Decimal("249"),
                    upsell=True,
                    upsell_prices=[Decimal("229"), Decimal("209"), Decimal("199"), Decimal("189")],
                    variants=[
                        VariantWire(color="Noir", size="40", stock=stock),
                        VariantWire(color="Camel", size="41", stock=stock),
                    ],
                ),
            )
            team_id = team.id
        shop = Shop(
            api=api,
            db=self.db,
            team_id=team_id,
            prefix=prefix,
            article_ref=article_ref,
            agents=agent_users,
            lead=lead,
            admin=admin,
            builder=self,
        )
        if orders:
            shop.add_orders(orders)
        return shop

    def add_orders(self, shop: Shop, count: int, **overrides: Any) -> list[int]:
        ids: list[int] = []
        with self.db.write() as session:
            now = db_now(session)
            start = len(shop.order_ids)
            for index in range(start, start + count):
                values: dict[str, Any] = {
                    "reference": f"{shop.prefix}-{index:04d}",
                    "customer_name": f"Client {index}",
                    "phones": [random_phone()],
                    "address": "12 Rue Ibn Batouta",
                    "city": "Casablanca",
                    "lines": [WantedLine(shop.article_ref, 1, "Noir", "40")],
                    "team_id": shop.team_id,
                }
                values.update(overrides)
                ids.append(upsert_incoming(session, IncomingOrder(**values), now, None).order.id)
        return ids
