"""Import of the shops' order sheet (CSV) with line-numbered errors.

Accepted: comma or semicolon separators; UTF-8 with or without BOM, or
Windows-1252; headers in the sheet's French spellings (``N° Commande`` or
``Numéro``, ``Date Création`` or ``Date``, ``Client``, ``Téléphone``,
``Adresse``, ``Ville``, ``Produit``, ``Prix`` or ``Total``, ``Opérateur``,
``Statut``). Good rows import (upsert by order number), bad rows are reported
with their line number in the file and the reason.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.domain_error import DomainError
from core.money import quantize_mad
from core.order_model import OrderSource
from core.order_status import OrderStatus, parse_sheet_status
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from core.text_folding import fold_text
from core.wire.intake import ImportReport, ImportRowError
from server.auth.principal import Principal
from server.db.models_catalogue import Article
from server.services.catalogue import WantedLine, find_variant
from server.services.order_intake import IncomingOrder, IntakeOutcome, upsert_incoming

try:
    SHOP_TZ: ZoneInfo | None = ZoneInfo("Africa/Casablanca")
except ZoneInfoNotFoundError:  # no tz database: sheet times are taken as UTC
    SHOP_TZ = None

# Folded header -> field.
HEADERS: dict[str, str] = {
    "n commande": "reference",
    "no commande": "reference",
    "numero": "reference",
    "numero commande": "reference",
    "n de commande": "reference",
    "commande": "reference",
    "reference": "reference",
    "date creation": "created_at",
    "date": "created_at",
    "date de creation": "created_at",
    "client": "customer",
    "nom": "customer",
    "nom client": "customer",
    "telephone": "phone",
    "tel": "phone",
    "phone": "phone",
    "adresse": "address",
    "ville": "city",
    "produit": "product",
    "produits": "product",
    "prix": "price",
    "total": "price",
    "montant": "price",
    "operateur": "operator",
    "agent": "operator",
    "statut": "status",
    "etat": "status",
}
REQUIRED = ("reference", "customer", "phone")
DATE_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%Y-%m-%dT%H:%M:%S",
)
_PRODUCT_PART = re.compile(
    r"^\s*(?:(?P<qty1>\d+)\s*[x×*]\s*)?(?P<name>.*?)(?:\s*\((?P<variant>[^)]*)\))?"
    r"(?:\s*[x×*]\s*(?P<qty2>\d+))?\s*$",
    re.IGNORECASE,
)


class RowError(Exception):
    """A row cannot be imported: code, English reason, params."""

    def __init__(self, code: str, message: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


def decode_sheet(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (BOM or not), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def detect_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def parse_date(text: str) -> datetime | None:
    value = text.strip()
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.replace(tzinfo=SHOP_TZ or UTC).astimezone(UTC)
    raise RowError("invalid_date", f"{value!r} is not a date (expected dd/mm/yyyy).", value=value)


def parse_amount(text: str) -> Decimal | None:
    value = text.strip()
    if not value:
        return None
    cleaned = re.sub(r"[^0-9,.\-]", "", value.replace("\u00a0", "").replace(" ", ""))
    if cleaned.count(",") == 1 and cleaned.count(".") >= 1:
        cleaned = cleaned.replace(".", "").replace(",", ".")  # 1.249,00
    try:
        amount = quantize_mad(cleaned.replace(",", "."))
    except (ValueError, ArithmeticError):
        raise RowError("invalid_price", f"{value!r} is not an amount.", value=value) from None
    if amount < 0:
        raise RowError("invalid_price", f"{value!r} is negative.", value=value)
    return amount


@dataclass
class Catalogue:
    """Folded article names and refs for matching the free-text product column."""

    by_key: dict[str, Article]

    @classmethod
    def load(cls, session: Session) -> Catalogue:
        by_key: dict[str, Article] = {}
        for article in session.execute(select(Article)).scalars():
            by_key[fold_text(article.ref)] = article
            by_key[fold_text(article.name)] = article
        return cls(by_key)

    def lines_for(self, product: str) -> list[WantedLine]:
        """Lines for "2 x Sandale Rio (Noir, 39) + Sac Cabas"; empty when any part is unknown."""
        lines: list[WantedLine] = []
        for part in re.split(r"\s*\+\s*|\s*\|\s*", product.strip()):
            if not part:
                continue
            match = _PRODUCT_PART.match(part)
            if match is None:
                return []
            article = self.by_key.get(fold_text(match["name"] or ""))
            if article is None:
                return []
            quantity = int(match["qty1"] or match["qty2"] or 1)
            color = size = None
            if match["variant"]:
                bits = [bit.strip() for bit in match["variant"].split(",")]
                color = bits[0] or None
                size = bits[1] if len(bits) > 1 and bits[1] else None
            if article.variants and find_variant(article, color, size) is None:
                return []
            lines.append(WantedLine(article.ref, quantity, color, size))
        return lines


def _row_to_order(values: dict[str, str], catalogue: Catalogue, region: str) -> IncomingOrder:
    reference = values.get("reference", "").strip()
    if not reference:
        raise RowError("missing_reference", "The order number is empty.")
    if len(reference) > 64:
        raise RowError("invalid_reference", "The order number is too long.", value=reference[:64])
    name = values.get("customer", "").strip()
    if not name:
        raise RowError("missing_customer", "The customer name is empty.")
    phone_text = values.get("phone", "").strip()
    try:
        phones = [
            normalize_phone(part, region)
            for part in re.split(r"\s*/\s*", phone_text)
            if part.strip()
        ] or [normalize_phone(phone_text, region)]
    except InvalidPhoneNumber as error:
        raise RowError(
            "invalid_phone", f"Phone: {error.message}", value=phone_text, reason=error.code
        ) from None
    status = OrderStatus.UNASSIGNED
    if values.get("status", "").strip():
        try:
            status = parse_sheet_status(values["status"])
        except ValueError as error:
            raise RowError("invalid_status", str(error), value=values["status"]) from None
    product = values.get("product", "").strip()
    return IncomingOrder(
        reference=reference,
        customer_name=name[:200],
        phones=phones,
        created_at=parse_date(values.get("created_at", "")),
        address=values.get("address", "").strip()[:500],
        city=values.get("city", "").strip()[:100],
        lines=catalogue.lines_for(product) if product else [],
        product_text=product or None,
        imported_total=parse_amount(values.get("price", "")),
        operator=values.get("operator", "").strip() or None,
        status=status,
        source=OrderSource.SHEET_IMPORT,
    )


def import_csv(
    session: Session,
    data: bytes,
    *,
    now: datetime,
    actor: Principal | None,
    region: str = "MA",
) -> ImportReport:
    """Import every good row of ``data``; the report lists the bad ones."""
    text, encoding = decode_sheet(data)
    text = text.replace("\x00", "")  # stray NULs from broken exports; no database stores them
    delimiter = detect_delimiter(text)
    report = ImportReport(encoding=encoding, delimiter=delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        report.errors.append(
            ImportRowError(line=1, code="empty_file", message="The file is empty.")
        )
        return report
    fields = [HEADERS.get(fold_text(column)) for column in header]
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        report.errors.append(
            ImportRowError(
                line=1,
                code="missing_columns",
                message=f"Columns missing from the header: {', '.join(missing)}.",
                params={"columns": ",".join(missing)},
            )
        )
        return report
    catalogue = Catalogue.load(session)
    seen: set[str] = set()
    line = reader.line_num
    for row in reader:
        start_line, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        report.rows += 1
        try:
            if len(row) != len(header):
                raise RowError(
                    "wrong_column_count",
                    f"This row has {len(row)} columns, the header {len(header)}.",
                    columns=str(len(row)),
                    expected=str(len(header)),
                )
            values = {f: cell for f, cell in zip(fields, row, strict=True) if f is not None}
            incoming = _row_to_order(values, catalogue, region)
            incoming.team_id = actor.team_id if actor is not None else None
            if incoming.reference in seen:
                raise RowError(
                    "repeated_reference",
                    f"Order {incoming.reference} appears twice in the file.",
                    reference=incoming.reference,
                )
            seen.add(incoming.reference)
            with session.begin_nested():
                result = upsert_incoming(session, incoming, now, actor)
        except RowError as error:
            report.errors.append(
                ImportRowError(
                    line=start_line, code=error.code, message=error.message, params=error.params
                )
            )
            continue
        except DomainError as error:  # e.g. pricing refused the matched articles
            report.errors.append(
                ImportRowError(
                    line=start_line,
                    code=error.code,
                    message=error.message,
                    params={k: str(v) for k, v in error.params.items()},
                )
            )
            continue
        if result.outcome == IntakeOutcome.CREATED:
            report.created += 1
        elif result.outcome == IntakeOutcome.UPDATED:
            report.updated += 1
        else:
            report.unchanged += 1
        if result.duplicate_of and result.outcome != IntakeOutcome.UNCHANGED:
            report.flagged_duplicates += 1
    return report
