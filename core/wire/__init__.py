"""Pydantic v2 schemas of Hatif's HTTP protocol (``/api/v1``), shared by the
server and the desktop's sync client.

One module per concern:

- ``errors``     — the JSON body of every 4xx answer (code, message, params)
- ``auth``       — login, the current user, user creation
- ``orders``     — orders with lines, customer, lease, owner, notes
- ``leases``     — claim, claim-next, heartbeat, release
- ``sync_ops``   — push batch, the op kinds and their payloads, per-op results
- ``changes``    — change-log events and pull pages (also the SSE ``data:``)
- ``journal``    — contact attempts (call / WhatsApp / SMS)
- ``presence``   — agent presence states
- ``wallboard``  — the team lead's wallboard snapshot
- ``history``    — an order's audited changes and a user's own actions
- ``catalogue``  — articles, variants, cities, settings, predefined notes, templates
- ``intake``     — CSV import reports and the shop webhook body
- ``health``     — the health answer

Domain values (order status, action, channel, outcome, role) travel as the
string values of the enums in ``core`` (``OrderStatus``, ``Channel``...). The
server validates them; clients may compare them with those enums directly
because they are ``StrEnum``.
"""

API_PREFIX = "/api/v1"
IDEMPOTENCY_HEADER = "Idempotency-Key"
DEVICE_HEADER = "X-Hatif-Device"
WEBHOOK_SIGNATURE_HEADER = "X-Hatif-Signature"
