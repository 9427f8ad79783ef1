"""Password hashing with scrypt (stdlib), slow on purpose."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# 32 MiB per hash (2**15 * 128 * r): twice the work of the 2**14 used before; a
# login measured ~0.1 s on an idle desk-class CPU. Stored hashes keep their own
# cost and are re-hashed at this one on the next good login (``needs_rehash``).
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
# hashlib refuses anything above 32 MiB by default; leave room for the largest cost we accept.
SCRYPT_MAXMEM = 128 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` for storage."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=32,
        maxmem=SCRYPT_MAXMEM,
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (constant-time comparison)."""
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest_b64)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt_b64),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=SCRYPT_MAXMEM,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was hashed at a lower cost than today's."""
    try:
        scheme, n, r, p, _salt, _digest = stored.split("$")
        return scheme != "scrypt" or (int(n), int(r), int(p)) < (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    except ValueError:
        return True


# Used to spend the same time when the user does not exist (no user enumeration).
DUMMY_HASH = hash_password(secrets.token_hex(8))
