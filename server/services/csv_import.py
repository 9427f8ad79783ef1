"""Import of the shops' order sheet (CSV) with line-numbered errors.

Accepted: comma or semicolon separators; UTF-8 with or without BOM, or
Windows-1252; headers in the sheet's French spellings (``N° Commande`` or
``Numéro``, ``Date Création`` or ``Date``, ``Client``, ``Téléphone``,
``Adresse``, ``Ville``, ``Produit``, ``Prix`` or ``Total``, ``Opérateur``,
``Statut``). Good rows import (upsert by order number), bad rows are reported
with their line number in the file and the reason.

Parsing is bounded and linear in the size of the file: every cell is capped
to its column's width (a longer cell is a row error, ``cell_too_long``), no
pattern can backtrack, and the sheet is parsed before the write transaction
opens (``parse_sheet``), so a hostile file never holds the database's write
lock; only the upserts run inside it (``apply_sheet``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
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
from server.services.catalogue import WantedLine
from server.services.order_intake import IncomingOrder, IntakeOutcome, upsert_incoming
from server.services.variants import find_variant

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
# The widest cell each column may hold (the database column's width, or what a
# value of that kind can sensibly be); a longer cell makes its row an error.
CELL_WIDTH: dict[str, int] = {
    "reference": 64,
    "created_at": 32,
    "customer": 200,
    "phone": 64,
    "address": 500,
    "city": 100,
    "product": 500,
    "price": 32,
    "operator": 128,
    "status": 64,
}
# Longer header cells name no column we know.
MAX_HEADER_CELL = 100
# The csv module refuses larger fields outright; a row error says it better.
MAX_FIELD_CHARS = 64 * 1024
_TIMES = "xX×*"
csv.field_size_limit(MAX_FIELD_CHARS)


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
        for raw in product.replace("|", "+").split("+"):
            part = raw.strip()
            if not part:
                continue
            quantity, name, variant = split_product_part(part)
            article = self.by_key.get(fold_text(name))
            if article is None:
                return []
            color = size = None
            if variant:
                bits = [bit.strip() for bit in variant.split(",")]
                color = bits[0] or None
                size = bits[1] if len(bits) > 1 and bits[1] else None
            if article.variants and find_variant(article, color, size) is None:
                return []
            lines.append(WantedLine(article.ref, quantity, color, size))
        return lines


def split_product_part(part: str) -> tuple[int, str, str | None]:
    """Quantity, name and variant of "2 x Sandale Rio (Noir, 39)" or "Sac (Noir) x 3".

    Written with plain string scans rather than one regular expression: the
    expression it replaces backtracked quadratically on long cells.
    """
    text = part.strip()
    quantity: int | None = None
    # Trailing "x 3".
    digits_start = len(text)
    while digits_start > 0 and text[digits_start - 1].isdigit():
        digits_start -= 1
    if digits_start < len(text):
        before = text[:digits_start].rstrip()
        if before and before[-1] in _TIMES:
            quantity = int(text[digits_start:])
            text = before[:-1].rstrip()
    # "(Noir, 39)" at the end.
    variant: str | None = None
    if text.endswith(")"):
        opening = text.rfind("(")
        inside = text[opening + 1 : -1] if opening >= 0 else ")"
        if ")" not in inside:
            variant = inside
            text = text[:opening].rstrip()
    # Leading "2 x".
    digits_end = 0
    while digits_end < len(text) and text[digits_end].isdigit():
        digits_end += 1
    if digits_end:
        after = text[digits_end:].lstrip()
        if after and after[0] in _TIMES:
            quantity = int(text[:digits_end]) if quantity is None else quantity
            text = after[1:].lstrip()
    return quantity or 1, text, variant


def _check_widths(values: dict[str, str]) -> None:
    for name, value in values.items():
        width = CELL_WIDTH.get(name)
        if width is not None and len(value) > width:
            raise RowError(
                "cell_too_long",
                f"The {name} cell has {len(value)} characters; at most {width} fit.",
                column=name,
                length=str(len(value)),
                width=str(width),
            )


def _row_to_order(
    values: dict[str, str], catalogue: Catalogue, region: str, warnings: list[RowError]
) -> IncomingOrder:
    """The row as an order; doubts that do not stop the order are added to ``warnings``."""
    _check_widths(values)
    reference = values.get("reference", "").strip()
    if not reference:
        raise RowError("missing_reference", "The order number is empty.")
    if len(reference) > 64:
        raise RowError("invalid_reference", "The order number is too long.", value=reference[:64])
    name = values.get("customer", "").strip()
    if not name:
        # The agent asks the name on the call; the phone is what makes the order reachable.
        warnings.append(RowError("missing_customer", "The customer name is empty."))
    phone_text = values.get("phone", "").strip()
    try:
        phones = [
            normalize_phone(part.strip(), region) for part in phone_text.split("/") if part.strip()
        ] or [normalize_phone(phone_text, region)]
    except InvalidPhoneNumber as error:
        raise RowError(
            "invalid_phone", f"Phone: {error.message}", value=phone_text, reason=error.code
        ) from None
    status = OrderStatus.UNASSIGNED
    if values.get("status", "").strip():
        try:
            status = parse_sheet_status(values["status"])
        except ValueError:
            # The order exists whatever its status cell says: dropping it loses a customer,
            # importing it as new puts it in the queue where an agent calls.
            text = values["status"].strip()
            warnings.append(
                RowError(
                    "unknown_status",
                    f"Unknown status {text!r}: imported as {OrderStatus.UNASSIGNED.label_fr!r}.",
                    value=text,
                    imported_as=OrderStatus.UNASSIGNED.value,
                )
            )
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


@dataclass
class ParsedRow:
    """A good row of the sheet, ready to upsert."""

    line: int
    order: IncomingOrder
    warnings: list[RowError] = field(default_factory=list)


@dataclass
class ParsedSheet:
    """The sheet after parsing: the report so far (bad rows) and the good rows."""

    report: ImportReport
    rows: list[ParsedRow] = field(default_factory=list)


def _row_error(line: int, error: RowError | DomainError) -> ImportRowError:
    return ImportRowError(
        line=line,
        code=error.code,
        message=error.message,
        params={k: str(v) for k, v in error.params.items()},
    )


def parse_sheet(data: bytes, catalogue: Catalogue, region: str = "MA") -> ParsedSheet:
    """Every row of ``data`` as an order or a line-numbered error (no database work)."""
    text, encoding = decode_sheet(data)
    text = text.replace("\x00", "")  # stray NULs from broken exports; no database stores them
    delimiter = detect_delimiter(text)
    parsed = ParsedSheet(ImportReport(encoding=encoding, delimiter=delimiter))
    report = parsed.report
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        report.errors.append(
            ImportRowError(line=1, code="empty_file", message="The file is empty.")
        )
        return parsed
    except csv.Error as error:
        report.errors.append(_unreadable(1, error))
        return parsed
    fields = [
        HEADERS.get(fold_text(column)) if len(column) <= MAX_HEADER_CELL else None
        for column in header
    ]
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
        return parsed
    seen: set[str] = set()
    line = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # a cell past MAX_FIELD_CHARS: the rest cannot be trusted
            report.rows += 1
            report.errors.append(_unreadable(line + 1, error))
            break
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
            warnings: list[RowError] = []
            incoming = _row_to_order(values, catalogue, region, warnings)
            if incoming.reference in seen:
                raise RowError(
                    "repeated_reference",
                    f"Order {incoming.reference} appears twice in the file.",
                    reference=incoming.reference,
                )
            seen.add(incoming.reference)
        except (RowError, DomainError) as error:
            report.errors.append(_row_error(start_line, error))
            continue
        parsed.rows.append(ParsedRow(start_line, incoming, warnings))
    return parsed


def _unreadable(line: int, error: csv.Error) -> ImportRowError:
    return ImportRowError(
        line=line,
        code="unreadable_row",
        message=f"This row cannot be read ({error}); the rows after it were not imported.",
        params={"max_chars": str(MAX_FIELD_CHARS)},
    )


def apply_sheet(
    session: Session, parsed: ParsedSheet, *, now: datetime, actor: Principal | None
) -> ImportReport:
    """Upsert the parsed rows (in the caller's write transaction); the full report."""
    report = parsed.report
    for row in parsed.rows:
        incoming = row.order
        incoming.team_id = actor.team_id if actor is not None else None
        try:
            with session.begin_nested():
                result = upsert_incoming(session, incoming, now, actor)
        except DomainError as error:  # e.g. pricing refused the matched articles
            report.errors.append(_row_error(row.line, error))
            continue
        report.warnings.extend(_row_error(row.line, warning) for warning in row.warnings)
        if result.outcome == IntakeOutcome.CREATED:
            report.created += 1
        elif result.outcome == IntakeOutcome.UPDATED:
            report.updated += 1
        else:
            report.unchanged += 1
        if result.duplicate_of and result.outcome != IntakeOutcome.UNCHANGED:
            report.flagged_duplicates += 1
    report.errors.sort(key=lambda error: error.line)
    report.warnings.sort(key=lambda warning: warning.line)
    return report


def import_csv(
    session: Session,
    data: bytes,
    *,
    now: datetime,
    actor: Principal | None,
    region: str = "MA",
) -> ImportReport:
    """Import every good row of ``data`` in one session; the report lists the bad ones."""
    parsed = parse_sheet(data, Catalogue.load(session), region)
    return apply_sheet(session, parsed, now=now, actor=actor)
