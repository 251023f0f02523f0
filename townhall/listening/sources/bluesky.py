"""Bluesky: the repository event stream (`com.atproto.sync.subscribeRepos`).

The atproto SDK's firehose client does the websocket and frame decoding; we decode each
#commit's CAR blocks for `app.bsky.feed.post` creations. The consumer buffers events and
hands the pipeline one batch at a time; the batch's last `seq` is the cursor, saved in
the same transaction as the mentions. On a dropped connection the SDK reconnects with
back-off; before it does, we store the events fully received so far (or, if storing
fails, drop them) and point the client at the last committed cursor, so the replay
neither misses nor doubles anything. A quiet stream is flushed the same way: the SDK
reconnects after `recv_timeout` seconds without a message.
"""

from __future__ import annotations

import logging
import random
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from atproto import CAR, FirehoseSubscribeReposClient, models, parse_subscribe_repos_message

from townhall.listening.types import Batch, IncomingPost

log = logging.getLogger("townhall.listening.bluesky")

POST_COLLECTION = "app.bsky.feed.post/"
MENTION_FEATURE = "app.bsky.richtext.facet#mention"


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _did_of(uri: str) -> str:
    # at://did:plc:xyz/app.bsky.feed.post/rkey -> did:plc:xyz
    return uri[5:].split("/", 1)[0] if uri.startswith("at://") else ""


class Handles:
    """DID -> handle. Filled from #identity events, the registry's Bluesky accounts and, for
    matched posts only, a lookup on the PDS (describeRepo) or the PLC directory."""

    # The whole network's #identity events pass through a listener that runs for months: keep the
    # most recently seen DIDs only (reliability review of 2026-12-06: the maps grew without end).
    # Handles resolved for the registry's own accounts are kept whatever happens.
    MAX_KNOWN = 200_000
    MAX_FAILED = 10_000

    def __init__(self, pds_url: str = "", plc_url: str = "", lookup: bool = True, timeout: float = 5.0):
        self.known: OrderedDict[str, str] = OrderedDict()
        self._dids: dict[str, str] = {}  # handle -> DID, the same pairs read the other way
        self._pinned: set[str] = set()
        self.pds_url = pds_url.rstrip("/")
        self.plc_url = plc_url
        self.lookup_enabled = lookup
        self.timeout = timeout
        self._failed: dict[str, float] = {}

    def set(self, did: str, handle: str | None, *, pin: bool = False) -> None:
        if did and handle and handle != "handle.invalid":
            old = self.known.get(did)
            if old is not None and self._dids.get(old) == did:
                del self._dids[old]  # the DID moved to a new handle: the old one is free again
            self.known[did] = handle.lower()
            self.known.move_to_end(did)
            self._dids[handle.lower()] = did
            if pin:
                self._pinned.add(did)
            while len(self.known) > self.MAX_KNOWN + len(self._pinned):
                oldest = next(d for d in self.known if d not in self._pinned)
                gone = self.known.pop(oldest)
                if self._dids.get(gone) == oldest:
                    del self._dids[gone]

    def get(self, did: str) -> str:
        return self.known.get(did, "")

    def lookup(self, did: str) -> str:
        if did in self.known:
            return self.known[did]
        if not self.lookup_enabled or time.monotonic() - self._failed.get(did, -1e9) < 600:
            return ""
        handle = ""
        try:
            if self.pds_url:
                from atproto import Client

                client = Client(base_url=self.pds_url)
                handle = client.com.atproto.repo.describe_repo({"repo": did}).handle
            else:
                from atproto import IdResolver

                data = IdResolver(plc_url=self.plc_url or None, timeout=self.timeout).did.resolve_atproto_data(did)
                handle = data.handle or ""
        except Exception as exc:
            log.info("cannot resolve %s: %s", did, exc)
            now = time.monotonic()
            if len(self._failed) >= self.MAX_FAILED:  # forget the failures old enough to try again
                self._failed = {d: at for d, at in self._failed.items() if now - at < 600}
            self._failed[did] = now
            return ""
        self.set(did, handle)
        return self.known.get(did, "")

    def did_of(self, handle: str) -> str:
        """The DID already known for a handle (no network call), or ''."""
        return self._dids.get(handle.lower(), "")

    def resolve_handle(self, handle: str) -> str:
        """Handle -> DID, for the registry's own accounts (so to:/from: work on DIDs)."""
        try:
            if self.pds_url:
                from atproto import Client

                did = Client(base_url=self.pds_url).com.atproto.identity.resolve_handle({"handle": handle}).did
            else:
                from atproto import IdResolver

                did = IdResolver(plc_url=self.plc_url or None, timeout=self.timeout).handle.resolve(handle) or ""
        except Exception as exc:
            log.info("cannot resolve handle %s: %s", handle, exc)
            return ""
        self.set(did, handle, pin=True)
        return did


def decode_commit(commit: Any, handles: Handles) -> list[IncomingPost]:
    """The new posts in one #commit (creations in app.bsky.feed.post), as IncomingPosts."""
    if getattr(commit, "too_big", False) or not commit.blocks:
        return []
    creates = [op for op in commit.ops if op.action == "create" and op.path.startswith(POST_COLLECTION)]
    if not creates:
        return []
    car = CAR.from_bytes(commit.blocks)
    author = handles.get(commit.repo)
    out = []
    for op in creates:
        record = car.blocks.get(op.cid) if op.cid is not None else None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            continue
        reply_parent = ((record.get("reply") or {}).get("parent") or {}).get("uri", "")
        to_dids = []
        if reply_parent:
            to_dids.append(_did_of(reply_parent))
        mentions = []
        for facet in record.get("facets") or []:
            for feature in facet.get("features") or []:
                if feature.get("$type") == MENTION_FEATURE and feature.get("did"):
                    to_dids.append(feature["did"])
                    if handles.get(feature["did"]):
                        mentions.append(handles.get(feature["did"]))
        to_handles = tuple(dict.fromkeys(handles.get(d) or d for d in to_dids if d))
        rkey = op.path[len(POST_COLLECTION) :]
        langs = record.get("langs") or []
        out.append(
            IncomingPost(
                network="bluesky",
                remote_id=f"at://{commit.repo}/{op.path}",
                text=record["text"],
                author_handle=author or commit.repo,
                author_id=commit.repo,
                created_at=_parse_time(record.get("createdAt")) or _parse_time(commit.time),
                url=f"https://bsky.app/profile/{author or commit.repo}/post/{rkey}",
                lang=(langs[0] if langs and isinstance(langs[0], str) else "")[:8],
                reply_to=reply_parent,
                to_handles=to_handles,
                mentions=tuple(mentions),
            )
        )
    return out


def resolve_authors(posts: list[IncomingPost], handles: Handles) -> None:
    """Give matched posts their author's handle (only these are worth a lookup)."""
    for post in posts:
        if post.author_handle.startswith("did:"):
            handle = handles.lookup(post.author_id)
            if handle:
                post.author_handle = handle
                post.url = post.url.replace(post.author_id, handle)


class _Client(FirehoseSubscribeReposClient):
    """The SDK client with two hooks: our back-off schedule, and a before-reconnect callback."""

    def __init__(self, *args: Any, on_reconnect: Callable[[], None], backoff: tuple[float, float], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._on_reconnect = on_reconnect
        self._backoff = backoff
        self.connects = 0

    def _before_connect(self) -> None:
        self.connects += 1
        if self.connects > 1:
            self._on_reconnect()

    def _get_reconnection_delay(self) -> float:
        base, cap = self._backoff
        delay = min(base * 2 ** max(0, self._reconnect_no - 1), cap)
        return delay * random.uniform(0.8, 1.2)


@dataclass
class ConsumerStats:
    events: int = 0
    posts: int = 0
    stored: int = 0
    batches: int = 0
    reconnects: int = 0


class FirehoseConsumer:
    """Long-running consumer: `townhall listen --source bluesky` runs one of these.

    `flush(batch)` is the pipeline (store + save cursor, atomically) and returns how many
    mentions it stored. `cursor` is the last committed seq (None: start live).
    """

    def __init__(
        self,
        url: str,
        flush: Callable[[Batch, list[IncomingPost]], int],
        *,
        cursor: int | None = None,
        handles: Handles | None = None,
        batch_size: int = 500,
        max_wait: float = 2.0,
        max_events: int | None = None,
        backoff: tuple[float, float] = (1.0, 60.0),
        recv_timeout: float = 30.0,
    ):
        self.url = url.rstrip("/")
        if not self.url.endswith("/xrpc"):
            self.url += "/xrpc"
        self.flush_fn = flush
        self.committed = cursor
        self.handles = handles or Handles(lookup=False)
        self.batch_size = batch_size
        self.max_wait = max_wait
        self.max_events = max_events
        self.stats = ConsumerStats()
        self._buffer: list[IncomingPost] = []
        self._buffer_events = 0
        self._buffer_seq: int | None = None
        self._buffer_started = 0.0
        self._total = 0
        # After a failed store: frames still arriving on the old connection are dropped (they
        # follow events that were not stored) until the reconnection replays from the commit.
        self._failed = False
        self._first_seq: int | None = None  # the first event seen, for a replay before any commit
        params = {"cursor": cursor} if cursor is not None else None
        self.client = _Client(
            params=params, base_uri=self.url, recv_timeout=recv_timeout, on_reconnect=self._reconnecting,
            backoff=backoff,
        )

    # -- the SDK calls these --------------------------------------------------------------
    def _reconnecting(self) -> None:
        """Before dialling again: store what was fully received, then resume after it.

        Every buffered event was received and decoded whole, so committing it is safe; if
        that fails (the database is away), drop the buffer and replay from the last commit.
        """
        self.stats.reconnects += 1
        try:
            if not self._failed:
                self.flush()
        except Exception as exc:
            log.warning("stream dropped and the batch could not be stored (%s): replaying %s events from %s",
                        exc, self._buffer_events, self.committed)
            self._reset_buffer()
        self._failed = False
        if self.committed is not None:
            self.client.update_params({"cursor": self.committed})
        elif self._first_seq is not None:  # nothing stored yet: replay from the first event seen
            self.client.update_params({"cursor": self._first_seq - 1})

    def on_message(self, frame: Any) -> None:
        if self._failed:
            return
        message = parse_subscribe_repos_message(frame)
        seq = getattr(message, "seq", None)
        if self._first_seq is None and isinstance(seq, int):
            self._first_seq = seq
        if isinstance(message, models.ComAtprotoSyncSubscribeRepos.Commit):
            try:
                self._buffer.extend(decode_commit(message, self.handles))
            except Exception as exc:
                log.warning("skipped commit seq=%s from %s: %s", seq, message.repo, exc)
        elif isinstance(message, models.ComAtprotoSyncSubscribeRepos.Identity):
            self.handles.set(message.did, message.handle)
        if seq is None:
            return
        if not self._buffer_events:
            self._buffer_started = time.monotonic()
        self._buffer_events += 1
        self._buffer_seq = seq
        self._total += 1
        full = self._buffer_events >= self.batch_size
        stale = time.monotonic() - self._buffer_started >= self.max_wait
        done = self.max_events is not None and self._total >= self.max_events
        if full or stale or done:
            self.flush()
        if done:
            self.client.stop()

    def on_error(self, exc: BaseException) -> None:
        """The pipeline failed (e.g. the database went away): nothing of the buffer was
        committed, so reconnect and replay from the committed cursor.

        The connection is closed with an error code: a normal close (1000) made the SDK stop
        instead of reconnecting, and the final flush then stored the frames received after the
        failed batch and moved the cursor past it, losing the batch (reliability review of
        2026-12-06). Until the reconnection, frames still arriving are dropped."""
        log.error("listener batch failed, replaying from cursor %s: %s", self.committed, exc)
        self._reset_buffer()
        self._failed = True
        client = getattr(self.client, "_client", None)
        if client is not None:
            client.close(code=1011, reason="batch not stored; reconnecting")

    # -- ours ----------------------------------------------------------------------------------
    def _reset_buffer(self) -> None:
        self._buffer, self._buffer_events, self._buffer_seq = [], 0, None
        self._total = self.stats.events

    def flush(self) -> None:
        if not self._buffer_events or self._buffer_seq is None:
            return
        batch = Batch(self._buffer, str(self._buffer_seq), events=self._buffer_events)
        stored = self.flush_fn(batch, self._buffer)
        self.committed = self._buffer_seq
        self.client.update_params({"cursor": self.committed})
        self.stats.events += self._buffer_events
        self.stats.posts += len(self._buffer)
        self.stats.stored += stored
        self.stats.batches += 1
        self._reset_buffer()

    def run(self) -> ConsumerStats:
        try:
            self.client.start(self.on_message, self.on_error)
        finally:
            try:
                if not self._failed:
                    self.flush()
            except Exception as exc:
                log.error("final flush failed (will be replayed next start): %s", exc)
        return self.stats

    def stop(self) -> None:
        self.client.stop()
