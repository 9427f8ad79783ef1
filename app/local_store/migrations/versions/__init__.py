"""Revisions of the local store schema; each one keeps the outbox."""
