"""Text cells made safe for spreadsheets (CSV formula injection).

A cell a spreadsheet would read as a formula — text starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return, or their full-width forms —
gets a leading apostrophe, so a cancel reason typed as ``=HYPERLINK(...)``
shows as text in the lead's spreadsheet instead of running. Plain numbers
(``-12``, ``-3,5``) stay numbers.
"""

from __future__ import annotations

import re

FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def safe_cell(value: object) -> object:
    """``value`` unchanged unless it is text a spreadsheet would run as a formula."""
    if not isinstance(value, str) or not value or value[0] not in FORMULA_STARTS:
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value
