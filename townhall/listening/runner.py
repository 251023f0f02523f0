"""Running sources: polling (Mastodon, feeds), the firehose consumer, file imports.

Each source is isolated: an error in one (a malformed feed, an unreachable instance) is
saved on its row and logged, and the others carry on.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import close_old_connections, connection
from django.db.models import Count, Max
from django.utils import timezone

from townhall.audit.services import record
from townhall.core.permissions import require
from townhall.listening.models import NeverStore, SavedSearch, Source
from townhall.listening.pipeline import BatchResult, Pipeline
from townhall.listening.sources.base import SourceError, build
from townhall.listening.types import Batch, IncomingPost
from townhall.registry.models import Account

log = logging.getLogger("townhall.listening")


class PipelineCache:
    """The pipeline, rebuilt when saved searches or never-to-store entries change.

    Checked at most every `check_every` seconds (two cheap aggregate queries), so a new
    search starts matching within seconds without restarting the listener.
    """

    def __init__(self, check_every: float = 10.0, never_ids=None):
        self.check_every = check_every
        self.never_ids = never_ids  # see Pipeline.load
        self._pipeline: Pipeline | None = None
        self._signature: Any = None
        self._checked = 0.0

    def signature(self) -> Any:
        s = SavedSearch.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
        n = NeverStore.objects.aggregate(n=Count("pk"), m=Max("pk"))
        # The inbox rule is built from the registry: a new or renamed account reloads it.
        a = Account.objects.aggregate(n=Count("pk"), t=Max("updated_at"))
        return (s["n"], s["t"], n["n"], n["m"], a["n"], a["t"])

    def get(self) -> Pipeline:
        now = time.monotonic()
        if self._pipeline is None or now - self._checked >= self.check_every:
            self._checked = now
            sig = self.signature()
            stale = self._pipeline is not None and bool(self._pipeline.drop_unresolved)  # retry lookups
            if self._pipeline is None or sig != self._signature or stale:
                self._pipeline = Pipeline.load(self.never_ids)
                self._signature = sig
        return self._pipeline


def bluesky_never_ids(never: list[tuple[str, str]], handles) -> tuple[list[tuple[str, str]], set[str]]:
    """The firehose names authors by DID: resolve each never-to-store handle (Bluesky or any
    network) to its DID once, so those posts are dropped even when the author lookup for a
    post fails. Any handle that cannot be resolved makes the pipeline fail closed on Bluesky."""
    ids: list[tuple[str, str]] = []
    unresolved = False
    for handle, network in never:
        if network not in ("", "bluesky"):
            continue
        h = handle.strip().lower().lstrip("@")
        if network == "" and ("@" in h or "." not in h):
            continue  # not a Bluesky handle (e.g. @name@mastodon.social): nothing to resolve here
        did = handles.did_of(h) or handles.resolve_handle(h)
        if did:
            ids.append((did, "bluesky"))
        else:
            unresolved = True
            log.warning("never-to-store handle %s has no DID yet: Bluesky posts by unknown authors are dropped", h)
    return ids, ({"bluesky"} if unresolved else set())


@dataclass
class PollResult:
    source: str
    ok: bool
    batches: int = 0
    counts: BatchResult = field(default_factory=BatchResult)
    error: str = ""


def poll(source: Source, pipeline: Pipeline | None = None, adapter: Any = None) -> PollResult:
    """Fetch everything new from one polled source, batch by batch, cursor saved with each."""
    pipeline = pipeline or Pipeline.load()
    result = PollResult(source.name, ok=True)
    source.last_polled_at = timezone.now()
    Source.objects.filter(pk=source.pk).update(last_polled_at=source.last_polled_at)
    try:
        adapter = adapter or build(source)
        for batch in adapter.batches(source.cursor or None):
            counts = pipeline.run(batch, source)
            result.batches += 1
            for name in ("events", "posts", "matched", "never_stored", "stored", "duplicates"):
                setattr(result.counts, name, getattr(result.counts, name) + getattr(counts, name))
    except SourceError as exc:
        result.ok, result.error = False, str(exc)
    except Exception as exc:
        log.exception("source %s failed", source.name)
        result.ok, result.error = False, f"Unexpected error: {exc.__class__.__name__}: {exc}"
    warning = getattr(adapter, "warning", "") if result.ok else ""
    if warning:
        result.error = warning
        Source.objects.filter(pk=source.pk).update(last_error=warning[:2000])
    if not result.ok:
        log.warning("source %s: %s", source.name, result.error)
        Source.objects.filter(pk=source.pk).update(last_error=result.error[:2000])
    return result


def poll_due(now=None) -> list[PollResult]:
    """Poll every active Mastodon/feed source whose interval has passed."""
    now = now or timezone.now()
    cache = PipelineCache()
    out = []
    for source in Source.objects.filter(active=True, kind__in=["mastodon", "feed"]):
        if source.last_polled_at and now - source.last_polled_at < timedelta(minutes=source.poll_minutes):
            continue
        out.append(poll(source, cache.get()))
    return out


def import_posts(actor: Any, data: bytes, fmt: str, *, network: str = "import") -> dict[str, Any]:
    """Import a CSV/JSON export through the pipeline. Returns counts and per-row errors."""
    from townhall.listening.sources.importer import parse_import

    if actor is not None:
        require(actor, "listening.manage")
    parsed = parse_import(data, fmt, default_network=network)
    source, _ = Source.objects.get_or_create(name="File imports", defaults={"kind": Source.Kind.IMPORT})
    pipeline = Pipeline.load()
    counts = BatchResult()
    for i in range(0, len(parsed.posts), 1000):
        c = pipeline.run(Batch(parsed.posts[i : i + 1000], None), source)
        for name in ("events", "posts", "matched", "never_stored", "stored", "duplicates"):
            setattr(counts, name, getattr(counts, name) + getattr(c, name))
    if counts.stored:
        from townhall.listening.rollups import compact

        compact()  # an import can fill past days: keep their rollups to their top values
    summary = {
        "rows": len(parsed.posts) + len(parsed.errors),
        "matched": counts.matched,
        "stored": counts.stored,
        "duplicates": counts.duplicates,
        "never_stored": counts.never_stored,
        "errors": parsed.errors[:200],
    }
    record(actor, "listening.import", source, after={k: v for k, v in summary.items() if k != "errors"}
           | {"error_rows": len(parsed.errors)})
    return summary


def consume_bluesky(
    source: Source,
    url: str,
    *,
    pds_url: str = "",
    plc_url: str = "",
    lookup: bool = True,
    batch_size: int = 500,
    max_wait: float = 2.0,
    max_events: int | None = None,
    backoff: tuple[float, float] = (1.0, 60.0),
    recv_timeout: float = 30.0,
    handles=None,
):
    """The firehose consumer for `source`; `.run()` it until stopped (or `max_events`).

    Matched posts by authors whose handle is not yet known are resolved (DID -> handle)
    before the never-to-store check, so that check sees handles, not DIDs.
    """
    from townhall.listening.sources.bluesky import FirehoseConsumer, Handles, resolve_authors
    from townhall.registry.models import Account

    handles = handles or Handles(pds_url=pds_url, plc_url=plc_url, lookup=lookup)
    if lookup:
        for handle in Account.objects.filter(network="bluesky").values_list("handle", flat=True):
            handles.resolve_handle(handle)
    cache = PipelineCache(never_ids=lambda never: bluesky_never_ids(never, handles))
    current = {"source": source}

    def flush(batch: Batch, posts: list[IncomingPost]) -> int:
        if not connection.in_atomic_block:
            close_old_connections()  # a long-running consumer outlives database connections
        src = Source.objects.get(pk=current["source"].pk)
        counts = cache.get().run(batch, src, resolve=lambda ps: resolve_authors(ps, handles))
        current["source"] = src
        return counts.stored

    cursor = int(source.cursor) if source.cursor.strip().isdigit() else None
    consumer = FirehoseConsumer(
        url, flush, cursor=cursor, handles=handles, batch_size=batch_size, max_wait=max_wait,
        max_events=max_events, backoff=backoff, recv_timeout=recv_timeout,
    )
    return consumer
