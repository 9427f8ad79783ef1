"""The common base of every wire model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class WireModel(BaseModel):
    """Base of every protocol model.

    Unknown fields are ignored so an older client keeps reading a newer server's
    answers; ``populate_by_name`` lets code build models with Python names.
    """

    model_config = ConfigDict(extra="ignore", populate_by_name=True)
