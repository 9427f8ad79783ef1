"""A desk for tests and the bench: a local store file, a login, a sync engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.local_store.local_store import LocalStore
from core.wire.sync_ops import NotePayload, OpKind
from sync.backoff import Backoff
from sync.sync_engine import SyncEngine
from tests.sync.server_harness import api, login


@dataclass
class TokenBox:
    """What the keyring would hand the engine; tests swap the token."""

    token: str | None

    def __call__(self) -> str | None:
        return self.token


@dataclass
class Desk:
    store: LocalStore
    engine: SyncEngine
    user: dict[str, Any]
    token: TokenBox
    server_url: str
    claimed: list[int] = field(default_factory=list)

    def close(self) -> None:
        self.engine.stop()
        self.store.close()

    def claim_orders(self, count: int) -> list[int]:
        """Claim ``count`` orders (claim-next) and remember them."""
        for _ in range(count):
            self.claimed.append(self.engine.claims.claim_next(self.claimed).order.id)
        return list(self.claimed)

    def queue_notes(self, count: int, prefix: str) -> list[str]:
        """Record ``count`` notes spread over the claimed orders; returns their texts."""
        texts = []
        for index in range(count):
            text = f"{prefix}-{index:05d}"
            order_id = self.claimed[index % len(self.claimed)]
            self.store.record_action(OpKind.ADD_NOTE, order_id, NotePayload(text=text))
            texts.append(text)
        return texts

    def pusher_batch(self) -> bool:
        """Push one outbox batch; False once the outbox is empty."""
        return self.engine.pusher.push_batch() is not None

    def server_notes(self, prefix: str) -> list[str]:
        """Texts of the server's notes on our claimed orders that start with ``prefix``."""
        texts: list[str] = []
        for order_id in self.claimed:
            notes = api(self.server_url, self.token.token or "", "GET", f"/orders/{order_id}/notes")
            texts.extend(n["text"] for n in notes if n["text"].startswith(prefix))
        return texts


def open_desk(
    folder: Path,
    server_url: str,
    username: str,
    *,
    engine_url: str | None = None,
    use_event_stream: bool = False,
    **engine_options: Any,
) -> Desk:
    """Log ``username`` in and open a desk whose engine talks to ``engine_url``
    (a proxy, say) or straight to the server."""
    answer = login(server_url, username)
    folder.mkdir(parents=True, exist_ok=True)
    store = LocalStore.open(folder / f"{username}.sqlite3")
    user = answer["user"]
    store.sync.set_current_user(user["id"], user["username"], user["display_name"])
    token = TokenBox(answer["token"])
    # Short waits: tests must not sit in a 30 s backoff after a planned outage.
    engine_options.setdefault("backoff", Backoff(base=0.1, cap=1.0))
    engine = SyncEngine(
        store.sync,
        engine_url or server_url,
        token,
        use_event_stream=use_event_stream,
        **engine_options,
    )
    return Desk(store=store, engine=engine, user=user, token=token, server_url=server_url)
