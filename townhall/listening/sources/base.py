"""The interface every listening source implements, and building one from a `Source` row.

A source turns its network's events into `IncomingPost`s and yields them in `Batch`es,
each with the cursor to save once the batch is stored. Sources know nothing about the
database: the pipeline stores a batch and its cursor in one transaction, so a restart
resumes exactly after the last stored batch (no gaps, no duplicates).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any, Protocol
from urllib.parse import urlsplit

from townhall.listening.types import Batch, IncomingPost


class SourceError(Exception):
    """A problem worth showing to a person ("the feed is not valid RSS"); the poller logs it,
    saves it on the source and carries on with the others."""


class ListeningSource(Protocol):
    kind: str

    def batches(self, cursor: str | None) -> Iterator[Batch]:
        """Yield batches of posts newer than `cursor`, each with the cursor after it."""
        ...


_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li)\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def html_to_text(value: str) -> str:
    """Plain text from the HTML that feeds and Mastodon deliver (we never render their HTML)."""
    text = _BREAK.sub("\n", value or "")
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines()).strip()


def build(source: Any) -> ListeningSource:
    """The source object for a `listening.Source` row."""
    config = source.config or {}
    if source.kind == "feed":
        from townhall.listening.sources.feeds import FeedSource

        return FeedSource(config["url"])
    if source.kind == "mastodon":
        from townhall.listening.sources.mastodon import MastodonSource

        return MastodonSource(
            config["instance"], timeline=config.get("timeline", "tag"), hashtag=config.get("hashtag", "")
        )
    raise SourceError(f"{source.get_kind_display()} sources are not polled (run `townhall listen`).")


__all__ = [
    "Batch",
    "IncomingPost",
    "ListeningSource",
    "SourceError",
    "build",
    "handle_key",
    "html_to_text",
    "profile_keys",
]


_FEED_SUFFIXES = (".rss", ".atom", ".xml", ".json")


def profile_keys(url: str) -> list[str]:
    """The person a post's or a feed's address names, as never-to-store keys: a Mastodon-style
    profile (`https://host/@name…`, `https://host/users/name…`) gives `name@host`, a Bluesky
    profile (`https://bsky.app/profile/name-or-did…`) the handle or DID.

    A web feed of a personal profile carries no handle per entry, and an imported row may have
    only its link: without this a personal account's posts reached storage through a feed
    (review 16). A wrong guess can only drop a post some person listed as theirs."""
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return []
    if parts.scheme not in ("http", "https") or not host:
        return []
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return []

    def bare(name: str) -> str:
        for suffix in _FEED_SUFFIXES:
            if name.lower().endswith(suffix):
                return name[: -len(suffix)]
        return name

    first = segments[0]
    out: list[str] = []
    if first.startswith("@") and len(first) > 1:
        name = bare(first[1:])
        out.append(name if "@" in name else f"{name}@{host}")
    elif first == "users" and len(segments) > 1:
        out.append(f"{bare(segments[1])}@{host}")
    elif first == "profile" and len(segments) > 1:
        name = bare(segments[1])
        if name.startswith("did:") or "." in name:
            out.append(name)
    return [k for k in (handle_key(k) for k in out) if k]


def handle_key(handle: str) -> str:
    """A handle as the never-to-store list and the handle map key it: no "@", lower case."""
    return handle.strip().lower().lstrip("@")
