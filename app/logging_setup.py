"""Rotating log files in the user log directory, with secrets masked before any write.

Every handler carries a :class:`RedactingFilter`: the exact values of secrets
the :class:`~app.secret_store.SecretStore` has seen are replaced with ``***``,
and so is anything that looks like a password, token or Authorization header
(``password=…``, ``"token": "…"``, ``Bearer …``), in messages and tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

LOG_FILE_NAME = "hatif.log"
MASK = "***"
_FORMAT = "%(asctime)s %(levelname)-7s [%(process)d] %(name)s: %(message)s"

_KEY_WORDS = r"password|passwd|pwd|passphrase|token|secret|api[_-]?key|authorization"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "password": "value"  /  'token': 'value'
    (re.compile(rf"""(["']?(?:[\w-]*(?:{_KEY_WORDS})[\w-]*)["']?\s*:\s*["'])[^"']*(["'])""",
                re.IGNORECASE), rf"\g<1>{MASK}\g<2>"),
    # password=value  token: value  (query strings, INI, headers)
    (re.compile(rf"""((?:[\w-]*(?:{_KEY_WORDS})[\w-]*)\s*[=:]\s*)(?!["'])(?!Bearer\b)[^\s&,;"']+""",
                re.IGNORECASE), rf"\g<1>{MASK}"),
    (re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE), rf"\g<1>{MASK}"),
)
_MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary words


class SecretRedactor:
    """Knows the secret values of this run and masks them (and secret-looking pairs)."""

    def __init__(self) -> None:
        self._values: set[str] = set()
        self._lock = threading.Lock()

    def add(self, value: str) -> None:
        if value and len(value) >= _MIN_SECRET_LENGTH:
            with self._lock:
                self._values.add(value)

    def redact(self, text: str) -> str:
        with self._lock:
            values = sorted(self._values, key=len, reverse=True)
        for value in values:
            if value in text:
                text = text.replace(value, MASK)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


class RedactingFilter(logging.Filter):
    """Masks the rendered message, traceback and stack of every record it sees."""

    def __init__(self, redactor: SecretRedactor) -> None:
        super().__init__()
        self._redactor = redactor
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad %-format must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self._redactor.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redactor.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._redactor.redact(record.stack_info)
        return True


@dataclass(frozen=True)
class LoggingConfig:
    log_dir: Path
    level: str = "INFO"
    debug: bool = False
    max_bytes: int = 5_000_000
    backup_count: int = 5
    console: bool = True


_OUR_HANDLER_FLAG = "_hatif_handler"


def setup_logging(config: LoggingConfig, redactor: SecretRedactor) -> Path:
    """Install the file (and console) handlers on the root logger; returns the log file."""
    config.log_dir.mkdir(parents=True, exist_ok=True)
    log_file = config.log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OUR_HANDLER_FLAG, False):
            root.removeHandler(handler)
            handler.close()

    level = logging.DEBUG if config.debug else logging.getLevelName(config.level.upper())
    redacting = RedactingFilter(redactor)
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=config.max_bytes, backupCount=config.backup_count, encoding="utf-8")
    file_handler.setLevel(level)
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    handlers: list[logging.Handler] = [file_handler]
    if config.console:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.DEBUG if config.debug else logging.WARNING)
        console.setFormatter(logging.Formatter("hatif: %(levelname)s %(message)s"))
        handlers.append(console)
    for handler in handlers:
        handler.addFilter(redacting)
        setattr(handler, _OUR_HANDLER_FLAG, True)
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    if not config.debug:
        # urllib3 logs full URLs with query strings at DEBUG; keep it quiet unless asked.
        logging.getLogger("urllib3").setLevel(logging.WARNING)
    return log_file
