"""The desktop's local store: one SQLite file per user (WAL), migrated with Alembic.

Holds what the agent sees (orders of the queue, catalogue, cities, templates,
predefined notes, journal, notes), the outbox and the pull cursor, and the
refusals kept for the agent. ``LocalStore`` is the entry point; its ``sync``
attribute implements ``sync.sync_store.SyncStore``.
"""
