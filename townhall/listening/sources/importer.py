"""CSV and JSON import of exports from other listening tools.

Columns/keys (case-insensitive, common aliases accepted): text (required), id or url (the
deduplication key; derived from author+time+text when missing), author/handle, name,
followers, created_at/date, lang, network. Bad rows are reported by row number and skipped;
good rows go through the same pipeline (matching, never-to-store, retention) as live posts.

Hostile files end in a SourceError (a 400 from the API) or a per-row error, never a crash:
NaN/Infinity/1e400 and deep nesting in JSON, follower counts beyond what the database holds,
cells longer than the csv module's limit.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.dateparse import parse_datetime

from townhall.listening.sources.base import SourceError
from townhall.listening.types import IncomingPost

MAX_ROWS = 200_000
MAX_FOLLOWERS = 2**31 - 1  # Mention.author_followers is a PositiveIntegerField
ALIASES = {
    "text": ("text", "content", "message", "body", "post", "full_text"),
    "id": ("id", "post_id", "uri", "status_id", "tweet_id"),
    "url": ("url", "link", "permalink"),
    "author": ("author", "handle", "author_handle", "username", "screen_name", "user"),
    "name": ("name", "author_name", "display_name"),
    "followers": ("followers", "author_followers", "followers_count", "reach"),
    "created": ("created_at", "date", "published", "timestamp", "time"),
    "lang": ("lang", "language"),
    "network": ("network", "platform", "source"),
}


@dataclass
class ImportResult:
    posts: list[IncomingPost] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _pick(row: dict, key: str) -> str:
    for alias in ALIASES[key]:
        value = row.get(alias)
        if value not in (None, ""):
            # NUL cannot be stored in PostgreSQL text; in another tool's export it is noise.
            return str(value).replace("\x00", "").strip()
    return ""


def _when(value: str) -> datetime | None:
    if not value:
        return None
    if value.isdigit():
        return datetime.fromtimestamp(int(value[:10]), tz=UTC)
    parsed = parse_datetime(value.replace(" ", "T", 1) if "T" not in value and " " in value else value)
    if parsed is None:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"cannot read the date {value!r} (use ISO 8601, e.g. 2026-03-01T14:30:00Z)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def rows_from_bytes(data: bytes, fmt: str) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"The file is not UTF-8 text (byte {exc.start}).") from None
    if fmt == "json":
        try:
            payload = json.loads(text, parse_constant=_no_constant)
        except RecursionError:
            raise SourceError("The file is not usable JSON: it is nested too deeply.") from None
        except ValueError as exc:
            raise SourceError(f"The file is not valid JSON: {exc}.") from None
        if isinstance(payload, dict):
            payload = payload.get("mentions") or payload.get("posts") or payload.get("data") or []
        if not isinstance(payload, list):
            raise SourceError("The JSON must be a list of posts (or an object with a 'posts' list).")
        return [r if isinstance(r, dict) else {"__invalid__": r} for r in payload]
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text))
        rows: list[dict] = []
        try:
            if not reader.fieldnames:
                raise SourceError("The CSV file is empty (no header row).")
            for row in reader:
                rows.append(row)
        except csv.Error as exc:
            problem = str(exc)
            if "field larger than field limit" in problem:
                problem = f"a cell is longer than {csv.field_size_limit():,} characters"
            raise SourceError(f"Row {len(rows) + 2} of the CSV file cannot be read: {problem}.") from None
        return rows
    raise SourceError(f"Unknown import format {fmt!r}: use csv or json.")


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def _followers(value: str) -> int:
    """A follower count: a whole number from 0 to MAX_FOLLOWERS ("1.2e3" is fine, "inf" is not)."""
    try:
        number = float(value or 0)
    except ValueError:
        raise ValueError(f"the follower count {value[:40]!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):  # NaN, infinity, 1e400
        raise ValueError(f"the follower count {value[:40]!r} is not a finite number")
    return min(MAX_FOLLOWERS, max(0, int(number)))


def parse_import(data: bytes, fmt: str, default_network: str = "import") -> ImportResult:
    rows = rows_from_bytes(data, fmt)
    if len(rows) > MAX_ROWS:
        raise SourceError(f"The file has {len(rows)} rows; import at most {MAX_ROWS} at a time.")
    result = ImportResult()
    for number, raw in enumerate(rows, start=2 if fmt == "csv" else 1):
        if "__invalid__" in raw:
            result.errors.append(f"item {number}: not an object")
            continue
        row = {str(k).strip().lower(): v for k, v in raw.items() if k is not None}
        text = _pick(row, "text")
        if not text:
            result.errors.append(f"{'row' if fmt == 'csv' else 'item'} {number}: no text")
            continue
        try:
            created = _when(_pick(row, "created"))
            followers = _followers(_pick(row, "followers"))
        except ValueError as exc:
            result.errors.append(f"{'row' if fmt == 'csv' else 'item'} {number}: {exc}")
            continue
        author = _pick(row, "author").lstrip("@")
        url = _pick(row, "url")
        remote_id = _pick(row, "id") or url
        if not remote_id:
            digest = hashlib.sha256(f"{author}\x00{created}\x00{text}".encode()).hexdigest()[:32]
            remote_id = f"import:{digest}"
        result.posts.append(
            IncomingPost(
                network=(_pick(row, "network") or default_network).lower()[:20],
                remote_id=remote_id[:500],
                text=text[:20000],
                author_handle=author[:300],
                author_name=_pick(row, "name")[:300],
                author_followers=followers,
                created_at=created,
                url=url if url.startswith(("http://", "https://")) else "",
                lang=_pick(row, "lang")[:2].lower(),
            )
        )
    return result
