"""Bounded path and query parameters shared by the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from core.wire.base import MAX_INT32, MAX_INT64

OrderId = Annotated[int, Path(ge=1, le=MAX_INT32, description="Order id")]
TokenId = Annotated[int, Path(ge=1, le=MAX_INT32, description="Token id")]
CursorQuery = Annotated[int, Query(ge=0, le=MAX_INT64, description="Change-log cursor")]
OffsetQuery = Annotated[int, Query(ge=0, le=1_000_000)]
TeamId = Annotated[int, Path(ge=1, le=MAX_INT32, description="Team id")]
UserId = Annotated[int, Path(ge=1, le=MAX_INT32, description="User id")]
