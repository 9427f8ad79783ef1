"""Optional classification of free-text notes by an OpenAI-compatible endpoint.

Off by default. An admin sets the endpoint's base URL and model (stored as the
``reports.note_classifier`` shop setting) and its API key, which only goes to
the server's OS keyring. The classifier only ever sees the text of a note,
never the customer's name or phone number from the order.

Answers are cached per (model, text) for the life of the process so a report
asked twice does not pay twice; a failure leaves notes unclassified and is
reported, never raised to the caller.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import keyring
import requests
from keyring.errors import KeyringError

from core.dispositions import OutcomeClass
from server.reports.report_facts import NoteFact

log = logging.getLogger(__name__)

SETTING_KEY = "reports.note_classifier"
KEYRING_SERVICE = "hatif-server"
KEYRING_USERNAME = "reports.note_classifier.api_key"
REQUEST_TIMEOUT_S = 15.0

_SYSTEM_PROMPT = (
    "You classify notes written by order-confirmation agents of a cash-on-delivery shop "
    "(French, Moroccan Darija or Arabic). Answer with exactly one word: "
    "positive (the customer accepts the order), negative (the customer refuses or "
    "cancels), partial (undecided: call back later, unreachable, thinking), or "
    "unclassified (the note says nothing about the customer's answer)."
)


@dataclass(frozen=True)
class ClassifierSettings:
    """Where the classifier is, and whether it is on."""

    enabled: bool = False
    url: str = ""
    model: str = ""

    @classmethod
    def from_setting(cls, value: dict[str, object] | None) -> ClassifierSettings:
        if not value:
            return cls()
        return cls(
            enabled=bool(value.get("enabled", False)),
            url=str(value.get("url") or ""),
            model=str(value.get("model") or ""),
        )

    def to_setting(self) -> dict[str, object]:
        return {"enabled": self.enabled, "url": self.url, "model": self.model}

    @property
    def usable(self) -> bool:
        return self.enabled and bool(self.url) and bool(self.model)


@dataclass
class ClassificationResult:
    """Classes by note id, and what went wrong if something did."""

    classes: dict[int, OutcomeClass] = field(default_factory=dict)
    failed: int = 0
    error: str | None = None


def read_api_key() -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, KEYRING_USERNAME)
    except KeyringError:
        log.warning("keyring unavailable: note classifier has no API key")
        return None


def store_api_key(key: str | None) -> None:
    """Store (or with None / empty, forget) the API key in the OS keyring."""
    if key:
        keyring.set_password(KEYRING_SERVICE, KEYRING_USERNAME, key)
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, KEYRING_USERNAME)
    except KeyringError:
        pass


def parse_answer(text: str) -> OutcomeClass:
    """The first class word in the model's answer; anything else is unclassified."""
    words = text.strip().casefold().replace(".", " ").replace(",", " ").split()
    for word in words:
        try:
            return OutcomeClass(word)
        except ValueError:
            continue
    return OutcomeClass.UNCLASSIFIED


class NoteClassifier:
    """Asks ``{url}/chat/completions`` for the class of each note."""

    def __init__(self, settings: ClassifierSettings, api_key: str | None) -> None:
        self._settings = settings
        self._api_key = api_key
        self._session = requests.Session()

    @property
    def model(self) -> str:
        return self._settings.model

    def classify(self, notes: Iterable[NoteFact]) -> ClassificationResult:
        result = ClassificationResult()
        for note in notes:
            cache_key = _cache_key(self._settings.model, note.text)
            cached = _CACHE.get(cache_key)
            if cached is not None:
                result.classes[note.note_id] = cached
                continue
            try:
                outcome = self._ask(note.text)
            except (requests.RequestException, ValueError, KeyError, IndexError) as exc:
                result.failed += 1
                result.error = f"{type(exc).__name__}: {exc}"[:300]
                log.warning("note classifier failed: %s", result.error)
                if isinstance(exc, requests.ConnectionError | requests.Timeout):
                    break  # the endpoint is down: do not wait once per note
                continue
            _CACHE.put(cache_key, outcome)
            result.classes[note.note_id] = outcome
        return result

    def _ask(self, text: str) -> OutcomeClass:
        headers = {"Content-Type": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        body = {
            "model": self._settings.model,
            "temperature": 0,
            "max_tokens": 5,
            "messages": [
                {"role": "system", "content": _SYSTEM_PROMPT},
                {"role": "user", "content": text[:2000]},
            ],
        }
        url = self._settings.url.rstrip("/") + "/chat/completions"
        response = self._session.post(url, json=body, headers=headers, timeout=REQUEST_TIMEOUT_S)
        response.raise_for_status()
        answer = response.json()["choices"][0]["message"]["content"]
        return parse_answer(str(answer))


class _AnswerCache:
    """Thread-safe bounded cache of answers (model + text hash -> class)."""

    LIMIT = 50_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: dict[str, OutcomeClass] = {}

    def get(self, key: str) -> OutcomeClass | None:
        with self._lock:
            return self._data.get(key)

    def put(self, key: str, value: OutcomeClass) -> None:
        with self._lock:
            if len(self._data) >= self.LIMIT:
                self._data.clear()
            self._data[key] = value


def _cache_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()


_CACHE = _AnswerCache()
