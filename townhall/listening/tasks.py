"""Background work for listening, on the "listen" queue (retention on "default").

The Bluesky firehose is not a task: it is a long-running consumer (`townhall listen
--source bluesky`), because a task that never ends would hold a worker forever.
"""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic


@periodic(every=timedelta(minutes=1))
@task(queue_name="listen")
def poll_sources() -> list[dict]:
    """Poll the Mastodon and feed sources that are due (each has its own interval)."""
    from townhall.listening.runner import poll_due
    from townhall.listening.services import ensure_inbox_search

    ensure_inbox_search()
    return [{"source": r.source, "ok": r.ok, "stored": r.counts.stored, "error": r.error} for r in poll_due()]


@periodic(every=timedelta(hours=1))
@task()
def enforce_retention() -> int:
    """Delete mentions past their retention period (per search, or the global setting), and
    compact the last few days' rollups to their top values (see rollups.compact)."""
    from django.utils import timezone

    from townhall.listening.rollups import compact, local_day
    from townhall.listening.services import enforce_retention as run

    deleted = run()
    compact(since=local_day(timezone.now()) - timedelta(days=3))
    return deleted


@periodic(every=timedelta(minutes=15))
@task(queue_name="listen")
def detect_spikes() -> int:
    """Compare the last hour with the rolling 7-day baseline; notify search owners."""
    from townhall.listening.alerts import detect

    return len(detect())
