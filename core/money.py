"""Money in Moroccan dirhams: ``Decimal`` with exactly two places.

Floats never enter a price: they cannot hold 0.10 exactly, and sums of them
drift. Rounding is half-up, as on a receipt.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)

MoneyInput = Decimal | int | str


def quantize_mad(value: MoneyInput) -> Decimal:
    """Return ``value`` as a Decimal rounded half-up to 0.01 MAD.

    Accepts Decimal, int or a decimal string ("249.90", "249,90"); refuses
    floats and anything that is not a finite number (``ValueError``).
    """
    if isinstance(value, bool | float):
        raise TypeError("Money must be a Decimal, an int or a string, never a float.")
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{value!r} is not an amount of money.") from None
    else:
        amount = Decimal(value)
    if not amount.is_finite():
        raise ValueError(f"{value!r} is not an amount of money.")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


_CURRENCY_WORDS = ("mad", "dhs", "dh", "dirhams", "dirham")


def parse_amount(text: str) -> Decimal:
    """Read an amount as shop sheets write it: ``1 249,90 DH``, ``1.249,90``,
    ``1,249.90 MAD``, ``249``. The last of ``,``/``.`` followed by one or two
    digits is the decimal separator; the others group thousands.
    """
    cleaned = text.strip().lower()
    for word in _CURRENCY_WORDS:
        if cleaned.endswith(word):
            cleaned = cleaned[: -len(word)]
            break
    cleaned = "".join(cleaned.split())  # also drops no-break spaces
    if not cleaned:
        raise ValueError(f"{text!r} is not an amount of money.")
    last_sep = max(cleaned.rfind(","), cleaned.rfind("."))
    if last_sep >= 0 and 1 <= len(cleaned) - last_sep - 1 <= 2:
        whole, cents = cleaned[:last_sep], cleaned[last_sep + 1 :]
    else:
        whole, cents = cleaned, ""
    whole = whole.replace(",", "").replace(".", "")
    if not (whole or cents) or not (whole + cents).lstrip("-").isdigit():
        raise ValueError(f"{text!r} is not an amount of money.")
    return quantize_mad(f"{whole or '0'}.{cents or '0'}")


def percent_of(amount: Decimal, pct: Decimal) -> Decimal:
    """``pct`` percent of ``amount``, rounded to the cent."""
    return quantize_mad(amount * pct / HUNDRED)


def format_mad(amount: Decimal) -> str:
    """French display of an amount: ``1 249,90 MAD``."""
    value = quantize_mad(amount)
    sign = "-" if value < 0 else ""
    units, cents = f"{abs(value):.2f}".split(".")
    groups: list[str] = []
    while len(units) > 3:
        groups.insert(0, units[-3:])
        units = units[:-3]
    groups.insert(0, units)
    return f"{sign}{' '.join(groups)},{cents} MAD"
