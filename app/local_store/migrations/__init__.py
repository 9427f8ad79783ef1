"""Alembic migrations of the desktop's local store (run at every open)."""
