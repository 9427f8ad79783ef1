"""Bearer tokens: 256 random bits, only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> tuple[str, str]:
    """A fresh token and the hash to store."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    """SHA-256 hex; a fast hash is right here because the token has full entropy."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
