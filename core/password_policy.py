"""The password policy, one copy for the server (API, CLI, demo seed) and the desk.

At least ``MIN_LENGTH`` characters, not built on a common password or word
(``password2024!``, ``azerty123456``...), not one character or a short run
repeated, and not containing the user name. Length is what resists guessing;
the list catches the long passwords everybody tries first.
"""

from __future__ import annotations

from enum import StrEnum

MIN_LENGTH = 12
MAX_LENGTH = 256

# Words that common passwords are built on (lower case; digits and symbols around
# them are stripped before the comparison). French and English, office and shop terms.
COMMON_WORDS = frozenset(
    [
        "password",
        "passw0rd",
        "motdepasse",
        "motdepass",
        "mdp",
        "secret",
        "secrets",
        "azerty",
        "azertyuiop",
        "qwerty",
        "qwertyuiop",
        "qwertz",
        "abc",
        "abcd",
        "abcdef",
        "abcdefgh",
        "azertyuiopqsdfghjklm",
        "qwertyuiopasdfghjkl",
        "admin",
        "administrator",
        "administrateur",
        "root",
        "user",
        "utilisateur",
        "welcome",
        "bienvenue",
        "letmein",
        "iloveyou",
        "jetaime",
        "monkey",
        "dragon",
        "sunshine",
        "princess",
        "football",
        "soccer",
        "baseball",
        "master",
        "shadow",
        "superman",
        "batman",
        "trustno",
        "hello",
        "bonjour",
        "salam",
        "marhaba",
        "soleil",
        "loulou",
        "doudou",
        "chouchou",
        "maroc",
        "morocco",
        "casablanca",
        "rabat",
        "marrakech",
        "fes",
        "tanger",
        "agadir",
        "hatif",
        "hatifdemo",
        "demo",
        "test",
        "testing",
        "changeme",
        "change",
        "default",
        "login",
        "passe",
        "confirmation",
        "commande",
        "livraison",
        "operateur",
        "agent",
        "lead",
        "equipe",
        "team",
        "company",
        "societe",
        "entreprise",
        "boutique",
        "shop",
        "magasin",
    ]
)
# Whole passwords that are common in full (keyboard walks and digit runs).
COMMON_PASSWORDS = frozenset(
    {
        "123456789012",
        "1234567890123",
        "12345678901234",
        "098765432109",
        "123123123123",
        "111111111111",
        "000000000000",
        "azertyuiop12",
        "qwertyuiop12",
        "1q2w3e4r5t6y",
        "a1b2c3d4e5f6",
        "qazwsxedcrfv",
        "zaq12wsxcde3",
        "azerty123456",
        "qwerty123456",
        "password1234",
        "motdepasse12",
        "iloveyou1234",
        "abcdefghijkl",
    }
)


class PasswordProblem(StrEnum):
    """Why a new password is refused."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    TOO_COMMON = "too_common"
    REPEATED = "repeated"
    CONTAINS_USERNAME = "contains_username"


_LEET = str.maketrans("@0134$5!", "aoleassi")


def _core_word(password: str) -> str:
    """The word under the password: digits and symbols around it stripped, the
    usual letter substitutions inside it undone (``P@ssw0rd2024!`` -> ``password``)."""
    folded = password.casefold()
    start, end = 0, len(folded)
    while start < end and not folded[start].isalpha():
        start += 1
    while end > start and not folded[end - 1].isalpha():
        end -= 1
    inner = folded[start:end].translate(_LEET)
    return "".join(ch for ch in inner if ch.isalpha())


def _is_repetition(password: str) -> bool:
    """One short run repeated to fill the length (``abcabcabcabc``, ``aaaaaaaaaaaa``)."""
    for size in range(1, 5):
        unit = password[:size]
        if unit * (len(password) // size) + unit[: len(password) % size] == password:
            return True
    return len(set(password)) <= 3


def password_problem(password: str, username: str = "") -> PasswordProblem | None:
    """None when ``password`` is acceptable as a new password, else why not."""
    if len(password) < MIN_LENGTH:
        return PasswordProblem.TOO_SHORT
    if len(password) > MAX_LENGTH:
        return PasswordProblem.TOO_LONG
    lowered = password.casefold()
    if lowered in COMMON_PASSWORDS or _core_word(password) in COMMON_WORDS:
        return PasswordProblem.TOO_COMMON
    if not _core_word(password) and len(set(lowered)) < 6:
        return PasswordProblem.TOO_COMMON
    if _is_repetition(lowered):
        return PasswordProblem.REPEATED
    name = username.strip().casefold()
    if len(name) >= 3 and name in lowered:
        return PasswordProblem.CONTAINS_USERNAME
    return None
