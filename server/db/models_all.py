"""Imports every model module so ``metadata`` knows all tables (Alembic uses it)."""

from __future__ import annotations

from server.db import models_catalogue, models_orders, models_stock, models_sync, models_users
from server.db.base import Base

metadata = Base.metadata

MODEL_MODULES = (models_users, models_catalogue, models_orders, models_stock, models_sync)
