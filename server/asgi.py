"""ASGI entry for ``uvicorn --factory`` (several worker processes): the database
URL comes from the ``HATIF_DATABASE_URL`` environment variable, the limits from
``HATIF_*`` variables (``server.config``)."""

from __future__ import annotations

import os

from fastapi import FastAPI

from server.app_factory import create_app
from server.config import ServerConfig

DATABASE_URL_ENV = "HATIF_DATABASE_URL"


def app_from_env() -> FastAPI:
    return create_app(os.environ[DATABASE_URL_ENV], config=ServerConfig.from_env())
