"""RSS and Atom feeds (news sites, blogs, YouTube channel feeds, Reddit feeds) via feedparser.

We fetch with urllib ourselves (feedparser's own fetcher has no timeout) and send the
saved ETag / Last-Modified, so an unchanged feed costs one 304 and no parsing. The cursor
is JSON: {"etag", "modified", "seen": [recent entry ids]}; together with the unique
(network, remote_id) constraint it means an entry is stored once however often it reappears.
"""

from __future__ import annotations

import calendar
import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser

from townhall.core import outbound
from townhall.listening.sources.base import SourceError, html_to_text, profile_keys
from townhall.listening.types import Batch, IncomingPost

SEEN_KEEP = 1000
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "Townhall-listening/1 (+https://example.ac.uk/townhall)"


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a feed's redirect only to a public server (`core.outbound`): a feed that answers
    "302 Location: http://127.0.0.1/…" must not make the worker fetch it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        outbound.check(newurl, allow_query=True)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_CheckedRedirects)


class FeedSource:
    kind = "feed"

    def __init__(self, url: str, *, timeout: float = 15.0):
        if not url.startswith(("http://", "https://")):
            raise SourceError(f"{url!r} is not an http(s) feed address.")
        self.url = url
        self.timeout = timeout
        self.host = urlsplit(url).hostname or "feed"
        self.warning = ""

    def fetch(self, state: dict) -> tuple[int, bytes, dict[str, str]]:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*;q=0.5"}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("modified"):
            headers["If-Modified-Since"] = state["modified"]
        request = urllib.request.Request(self.url, headers=headers)  # noqa: S310 - scheme checked above
        try:
            outbound.check(self.url, allow_query=True)  # checked when saved; again, names can move
            with _OPENER.open(request, timeout=self.timeout) as response:
                body = response.read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise SourceError(f"The feed at {self.url} is larger than {MAX_BYTES // 1_000_000} MB.")
                return response.status, body, {k.lower(): v for k, v in response.headers.items()}
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return 304, b"", {}
            raise SourceError(f"The feed at {self.url} answered HTTP {exc.code} {exc.reason}.") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourceError(f"Cannot reach the feed at {self.url}: {reason}.") from exc
        except outbound.NotPublic as exc:
            raise SourceError(f"The feed at {self.url} leads to a server Townhall may not fetch from: {exc}") from exc

    def batches(self, cursor: str | None) -> Iterator[Batch]:
        try:
            state = json.loads(cursor) if cursor else {}
        except ValueError:
            state = {}
        status, body, headers = self.fetch(state)
        if status == 304:
            yield Batch([], cursor, events=0)
            return
        parsed = feedparser.parse(body, response_headers=headers)
        usable = [e for e in parsed.entries if e.get("id") or e.get("link") or e.get("title")]
        self.warning = ""
        if parsed.bozo:
            problem = getattr(parsed, "bozo_exception", None) or "no entries"
            if not usable:
                raise SourceError(f"The feed at {self.url} is not valid RSS or Atom: {problem}.")
            # feedparser salvaged entries from a sloppy feed: keep them, but tell a person.
            self.warning = f"The feed at {self.url} is malformed ({problem}); {len(usable)} entries were read."
        seen = list(state.get("seen", []))
        seen_set = set(seen)
        feed_title = html_to_text(parsed.feed.get("title", "")) or self.host
        posts = []
        fresh_ids = []
        for entry in usable:
            entry_id = entry.get("id") or entry.get("link") or entry.get("title")
            if not entry_id or entry_id in seen_set:
                continue
            seen_set.add(entry_id)
            fresh_ids.append(entry_id)
            posts.append(self.to_post(entry, entry_id, feed_title))
        state = {
            "etag": headers.get("etag", ""),
            "modified": headers.get("last-modified", ""),
            "seen": (fresh_ids[::-1] + seen)[:SEEN_KEEP],
        }
        yield Batch(posts, json.dumps(state), events=len(parsed.entries))

    def remote_id(self, entry_id: str) -> str:
        """An entry's id among every feed's: a global one (a link, a URN, a tag URI) as it is, a
        local one ("42", a title) under its feed's address. Two feeds' entry "42" were one mention
        and the second was dropped as a duplicate (reliability review of 2026-12-06)."""
        if "://" in entry_id or entry_id.startswith(("urn:", "tag:")):
            return entry_id[:500]
        return f"{self.url}#{entry_id}"[:500]

    def to_post(self, entry, entry_id: str, feed_title: str) -> IncomingPost:
        title = html_to_text(entry.get("title", ""))
        summary = html_to_text(entry.get("summary", ""))
        text = title if not summary or summary.startswith(title) else f"{title}\n{summary}"
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        created = datetime.fromtimestamp(calendar.timegm(when), tz=UTC) if when else None
        author = html_to_text(entry.get("author", "")) or feed_title
        # A feed of one person's profile (Mastodon's `/@name.rss`, Bluesky's `/profile/name/rss`)
        # names no handle per entry: the feed's address says whose posts they are, so the
        # never-to-store list and subject access find them (review 16).
        whose = profile_keys(self.url) or profile_keys(entry.get("link", ""))
        return IncomingPost(
            network="web",
            remote_id=self.remote_id(entry_id),
            text=text[:10000],
            author_handle=f"{self.host}/{author}"[:300] if author != feed_title else self.host,
            author_name=author,
            author_id=whose[0][:300] if whose else "",
            created_at=created,
            url=entry.get("link", "")[:1000],
            lang=(entry.get("language") or "")[:2],
        )
