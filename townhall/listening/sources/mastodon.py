"""Mastodon hashtag and public timelines via Mastodon.py.

Cursor: the id of the newest status stored. We page forward with `min_id` (the statuses
just after the cursor, oldest page first), so a poller that was down for a day catches up
page by page instead of jumping to the newest 40 and leaving a gap. A brand-new source
starts from "now" (the newest page), not from the instance's whole history.

Each poll starts `OVERLAP` before the cursor's time, not at it: a status from another server gets
an id from the time it was *written*, so one that federates late (a slow or briefly unreachable
server) lands below a cursor that has already moved on, and `min_id` would never return it
(reliability review of 2026-12-06). What is read twice is already stored and is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from mastodon import Mastodon, MastodonError, MastodonNetworkError

from townhall.listening.sources.base import SourceError, html_to_text
from townhall.listening.types import Batch, IncomingPost

PAGE = 40
OVERLAP = timedelta(minutes=15)
# Snowflake ids hold milliseconds since 1970 above 16 bits; older servers and other software
# (sequential or ULID ids) get no overlap.
_SNOWFLAKE_FROM = datetime(2017, 1, 1, tzinfo=UTC)


def overlap_cursor(cursor: str, now: datetime | None = None) -> str:
    """`min_id` for a poll: the id of `OVERLAP` before the cursor's time, for a snowflake id."""
    if not cursor.isdigit():
        return cursor
    ms = int(cursor) >> 16
    now = now or datetime.now(UTC)
    if not (_SNOWFLAKE_FROM.timestamp() * 1000 <= ms <= (now + timedelta(days=1)).timestamp() * 1000):
        return cursor
    return str((ms - int(OVERLAP.total_seconds() * 1000)) << 16)


def _id_key(value: str) -> tuple[int, str]:
    return (len(str(value)), str(value))  # snowflake ids are numeric strings


class MastodonSource:
    kind = "mastodon"

    def __init__(
        self,
        instance: str,
        *,
        timeline: str = "tag",
        hashtag: str = "",
        access_token: str | None = None,
        max_pages: int = 25,
        timeout: float = 15.0,
    ):
        if timeline not in ("tag", "public", "local"):
            raise SourceError("The Mastodon timeline must be tag, public or local.")
        if timeline == "tag" and not hashtag.strip().lstrip("#"):
            raise SourceError("A hashtag timeline needs the hashtag.")
        self.instance = instance.rstrip("/")
        self.host = urlsplit(self.instance).hostname or self.instance
        self.timeline = timeline
        self.hashtag = hashtag.strip().lstrip("#")
        self.max_pages = max_pages
        self.api = Mastodon(
            api_base_url=self.instance,
            access_token=access_token,
            request_timeout=timeout,
            version_check_mode="none",
            ratelimit_method="throw",
        )

    def page(self, **kwargs):
        if self.timeline == "tag":
            return self.api.timeline_hashtag(self.hashtag, limit=PAGE, **kwargs)
        return self.api.timeline_public(limit=PAGE, local=self.timeline == "local", **kwargs)

    def batches(self, cursor: str | None) -> Iterator[Batch]:
        try:
            if not cursor:
                statuses = list(self.page())
                yield self._batch(statuses, cursor)
                return
            since = overlap_cursor(cursor)
            for _ in range(self.max_pages):
                statuses = list(self.page(min_id=since))
                if not statuses:
                    return
                batch = self._batch(statuses, cursor)
                since = max(batch.cursor, since, key=_id_key)
                cursor = batch.cursor
                yield batch
                if len(statuses) < PAGE:
                    return
        except MastodonNetworkError as exc:
            raise SourceError(f"Cannot reach {self.instance}: {exc}") from exc
        except MastodonError as exc:
            raise SourceError(f"{self.instance} refused the request: {exc}") from exc

    def _batch(self, statuses: list, cursor: str | None) -> Batch:
        statuses = sorted(statuses, key=lambda s: _id_key(s["id"]))
        newest = str(statuses[-1]["id"]) if statuses else cursor
        if cursor and newest and _id_key(newest) < _id_key(cursor):
            newest = cursor  # a page of the overlap only: the cursor never moves back
        return Batch([self.to_post(s) for s in statuses], newest, events=len(statuses))

    def acct(self, acct: str) -> str:
        return acct if "@" in acct else f"{acct}@{self.host}"

    def to_post(self, s) -> IncomingPost:
        account = s["account"]
        text = html_to_text(s.get("content") or "")
        if s.get("spoiler_text"):
            text = f"{s['spoiler_text']}\n{text}"
        mentions = tuple(self.acct(m["acct"]) for m in (s.get("mentions") or []))
        return IncomingPost(
            network="mastodon",
            remote_id=s.get("uri") or str(s["id"]),
            text=text,
            author_handle=self.acct(account["acct"]),
            author_name=account.get("display_name") or account["acct"],
            author_id=account.get("url") or "",
            author_followers=int(account.get("followers_count") or 0),
            created_at=s.get("created_at"),
            url=s.get("url") or s.get("uri") or "",
            lang=(s.get("language") or "")[:2],
            reply_to=str(s.get("in_reply_to_id") or ""),
            to_handles=mentions,
            mentions=mentions,
        )
