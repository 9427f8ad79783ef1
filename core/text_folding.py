"""Folding of free text typed in shop sheets for tolerant matching.

Sheets write the same value as "Confirmée", "CONFIRMEE", " confirmee " or
"Casablanca "; matching compares the folded forms.
"""

from __future__ import annotations

import unicodedata


def fold_text(text: str) -> str:
    """Lower-case, strip accents, turn separators into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isalnum() else " " for ch in no_accents.casefold())
    return " ".join(cleaned.split())
