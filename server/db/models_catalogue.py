"""Catalogue (articles, variants with stock), cities, settings, notes, templates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from server.db.base import Base


class Article(Base):
    """An article; ``phase`` holds a ``core.pricing.ArticlePhase`` value."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(64), default="")
    normal_price: Mapped[Decimal]
    upsell: Mapped[bool] = mapped_column(default=False)
    upsell_price_1: Mapped[Decimal | None]
    upsell_price_2: Mapped[Decimal | None]
    upsell_price_3: Mapped[Decimal | None]
    upsell_price_4: Mapped[Decimal | None]
    phase: Mapped[str] = mapped_column(String(16), default="active")

    variants: Mapped[list[Variant]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Variant.id"
    )


class Variant(Base):
    """A colour / size of an article; ``stock`` caches the sum of its stock movements
    (``models_stock.StockMovement``), written together with them."""

    __tablename__ = "variants"
    __table_args__ = (UniqueConstraint("article_id", "color", "size"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    color: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[str | None] = mapped_column(String(16))
    stock: Mapped[int] = mapped_column(default=0)

    article: Mapped[Article] = relationship(back_populates="variants")


class City(Base):
    """A delivery city and its fee."""

    __tablename__ = "cities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    folded_name: Mapped[str] = mapped_column(String(100), unique=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    delivery_fee: Mapped[Decimal]


class Setting(Base):
    """One shop setting (attempt cap, call gap, lease length...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[dict[str, Any]]


class PredefinedNoteRow(Base):
    """A predefined note agents pick; may add tags and suggest a disposition."""

    __tablename__ = "predefined_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(String(4000))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    disposition: Mapped[str | None] = mapped_column(String(32))


class MessageTemplate(Base):
    """A WhatsApp / SMS template in French or Arabic."""

    __tablename__ = "message_templates"
    __table_args__ = (UniqueConstraint("code", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(2))
    channel: Mapped[str] = mapped_column(String(16), default="whatsapp")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(4000))
