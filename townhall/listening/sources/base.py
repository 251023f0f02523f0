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


__all__ = ["Batch", "IncomingPost", "ListeningSource", "SourceError", "build", "html_to_text"]
