"""Delivery fee by city, as the shop's courier tariff sets it.

City names come from sheets and forms in every spelling ("Casablanca",
"casa blanca", "CASABLANCA "); lookups fold accents, case and separators, and
known short names ("Casa") are aliases.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from core.domain_error import DomainError
from core.money import quantize_mad
from core.text_folding import fold_text


class UnknownCity(DomainError):
    """No fee is known for a city and the table has no default."""


@dataclass(frozen=True)
class DeliveryFeeTable:
    """Fees per city, an optional default, and aliases (alias -> city)."""

    fees: Mapping[str, Decimal]
    default_fee: Decimal | None = None
    aliases: Mapping[str, str] = field(default_factory=dict)

    def _lookup(self) -> dict[str, Decimal]:
        table = {_city_key(city): quantize_mad(fee) for city, fee in self.fees.items()}
        for alias, city in self.aliases.items():
            if _city_key(city) in table:
                table[_city_key(alias)] = table[_city_key(city)]
        return table

    def fee_for(self, city: str) -> Decimal:
        """Fee for ``city``; the default when unknown, else ``UnknownCity``."""
        fee = self._lookup().get(_city_key(city))
        if fee is not None:
            return fee
        if self.default_fee is not None:
            return quantize_mad(self.default_fee)
        raise UnknownCity(
            "unknown_city",
            f"No delivery fee is set for the city {city.strip()!r}.",
            {"city": city.strip()},
        )


def _city_key(city: str) -> str:
    """Folded name without spaces: "Casa Blanca" and "CASABLANCA" match."""
    return fold_text(city).replace(" ", "")
