"""Writing one op into the outbox (inside the caller's transaction).

``client_seq`` comes from a counter in ``meta`` that never goes back, even
when the outbox is empty, so the server sees one rising series per device.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert

from app.local_store import schema
from core.wire.sync_ops import OpKind

#: The presence op kind (``order_id`` is None); a string so older wire enums still load.
PRESENCE_KIND = "presence"

#: Op kinds whose local effect is a status/customer change shown before the server agrees.
ORDER_CHANGING_KINDS = frozenset(
    kind.value
    for kind in OpKind
    if kind not in (OpKind.JOURNAL, OpKind.ADD_NOTE) and kind.value != PRESENCE_KIND
)

_META_KEYS = ["next_client_seq", "display_name", "username"]
META_FACTS = select(schema.meta.c.key, schema.meta.c.value).where(schema.meta.c.key.in_(_META_KEYS))
_WRITE_META_BASE = insert(schema.meta)
WRITE_META = _WRITE_META_BASE.on_conflict_do_update(
    index_elements=[schema.meta.c.key], set_={"value": _WRITE_META_BASE.excluded.value}
)


def append_op(
    connection: Connection,
    *,
    kind: str,
    order_id: int | None,
    payload: dict[str, Any],
    lease_epoch: int | None,
    expected_version: int | None,
    now: datetime,
    next_seq: int,
) -> tuple[str, int]:
    """Insert the op with ``client_seq = next_seq`` and move the counter; returns
    ``(op_id, client_seq)``."""
    op_id = str(uuid.uuid4())
    connection.execute(WRITE_META, {"key": "next_client_seq", "value": str(next_seq + 1)})
    connection.execute(
        schema.outbox.insert(),
        {
            "client_seq": next_seq,
            "op_id": op_id,
            "kind": kind,
            "order_id": order_id,
            "lease_epoch": lease_epoch,
            "expected_version": expected_version,
            "created_at": now.isoformat(timespec="microseconds"),
            "payload": json.dumps(payload, separators=(",", ":"), sort_keys=True),
            "attempts": 0,
            "last_error": None,
        },
    )
    return op_id, next_seq
