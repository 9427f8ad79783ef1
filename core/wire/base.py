"""The common base of every wire model."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(item) for item in value)
    return False


class WireModel(BaseModel):
    """Base of every protocol model.

    Unknown fields are ignored so an older client keeps reading a newer server's
    answers; ``populate_by_name`` lets code build models with Python names.
    Text with NUL characters is refused (no database stores it, none is typed).
    """

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _refuse_nul(cls, data: Any) -> Any:
        if _has_nul(data):
            raise ValueError("text must not contain NUL characters")
        return data


# Database ids, versions, epochs and sequence numbers are 32-bit integers on
# every backend; bounding them here turns an absurd number into a 422.
MAX_INT32 = 2_147_483_647
# Change-log cursors are 64-bit.
MAX_INT64 = 9_223_372_036_854_775_807

Id = Annotated[int, Field(ge=1, le=MAX_INT32)]
Count = Annotated[int, Field(ge=0, le=MAX_INT32)]
Cursor = Annotated[int, Field(ge=0, le=MAX_INT64)]
# MAD amounts as sent by clients: two decimals, within NUMERIC(12, 2).
Money = Annotated[Decimal, Field(ge=0, le=Decimal("9999999999.99"), decimal_places=2)]
