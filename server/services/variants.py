"""Finding an article's variant by the colour and size a sheet or a desk wrote."""

from __future__ import annotations

from core.text_folding import fold_text
from server.db.models_catalogue import Article, Variant


def find_variant(article: Article, color: str | None, size: str | None) -> Variant | None:
    """The variant matching colour and size (folded), or None."""
    wanted = (fold_text(color or ""), fold_text(size or ""))
    for variant in article.variants:
        if (fold_text(variant.color or ""), fold_text(variant.size or "")) == wanted:
            return variant
    return None
