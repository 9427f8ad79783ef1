"""The API description when the public docs are off: ``/openapi.json`` for a
signed-in caller only (the desk reads it to know which commands this server
offers); ``/docs`` and ``/redoc`` are not served at all.

With ``hatif-server serve --docs`` (development, the desktop's demo) FastAPI
serves all three publicly instead and this router is not mounted.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from server.api.deps import PrincipalDep

router = APIRouter(include_in_schema=False)


@router.get("/openapi.json")
def get_openapi(request: Request, _principal: PrincipalDep) -> dict[str, Any]:
    schema: dict[str, Any] = request.app.openapi()
    return schema
