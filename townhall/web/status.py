"""System status: is the worker taking tasks, is the schedule ticking, is anything stuck?

A self-hosted Townhall has one moving part besides the web server, the task worker; when it
stops, nothing is published and nothing is listened to, silently. This page (and
``/healthz/worker`` for an external monitor) says so in plain words. Apps add their own checks
with ``status_checks(now)`` in their selectors module, as they add home-page cards
(``dashboard.providers``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Max
from django.utils import timezone

from townhall.web.dashboard import providers

# A task waiting longer than this means no worker is taking tasks from its queue.
STALE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class Check:
    area: str
    name: str
    state: str  # ok, warn, fail
    detail: str
    url: str = ""


def _ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = int((now - moment).total_seconds())
    if seconds < 90:
        return f"{max(seconds, 0)} s ago"
    if seconds < 5400:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def worker_checks(now: datetime) -> list[Check]:
    from django_tasks_db.models import DBTaskResult

    # Ready since: enqueued, or for a deferred task (a scheduled post) the time it became due.
    queues: dict[str, list[datetime]] = {}
    for queue, enqueued, run_after in DBTaskResult.objects.ready().values_list(
        "queue_name", "enqueued_at", "run_after"
    )[:10_000]:
        queues.setdefault(queue, []).append(max(enqueued, run_after) if run_after <= now else enqueued)
    out = []
    for queue, since in sorted(queues.items()):
        oldest = min(since)
        state = "fail" if now - oldest > STALE_AFTER else "ok"
        detail = f"{len(since)} waiting, the oldest since {_ago(oldest, now)}"
        if state == "fail":
            detail += ": no worker is taking tasks from this queue (start `townhall worker`)"
        out.append(Check("Worker", f"Queue {queue}", state, detail))
    last = DBTaskResult.objects.filter(finished_at__isnull=False).aggregate(t=Max("finished_at"))["t"]
    out.append(Check("Worker", "Last task finished", "ok", _ago(last, now)))
    failed = DBTaskResult.objects.filter(status="FAILED", finished_at__gte=now - timedelta(days=1))
    n_failed = failed.count()
    if n_failed:
        latest = failed.order_by("-finished_at").first()
        error = (latest.exception_class_path or "").rsplit(".", 1)[-1] or "an error"
        out.append(
            Check(
                "Worker",
                "Failed tasks, last 24 h",
                "warn",
                f"{n_failed}; the latest, {latest.task_path.rsplit('.', 1)[-1]}, raised {error} "
                f"{_ago(latest.finished_at, now)} (details in the worker's log and the admin)",
            )
        )
    else:
        out.append(Check("Worker", "Failed tasks, last 24 h", "ok", "none"))
    return out


def schedule_checks(now: datetime) -> list[Check]:
    from townhall.core import periodic
    from townhall.core.models import PeriodicState

    periodic.discover()
    last = dict(PeriodicState.objects.values_list("name", "last_enqueued_at"))
    out = []
    for item in sorted(periodic.REGISTRY.values(), key=lambda p: p.name):
        when = last.get(item.name)
        short = item.name.rsplit(".", 1)[-1].replace("_", " ")
        if when is None:
            out.append(Check("Schedule", short, "warn", f"every {_every(item.every)}; never run yet"))
            continue
        late = now - when > 2 * item.every + STALE_AFTER
        detail = f"every {_every(item.every)}; last queued {_ago(when, now)}"
        out.append(
            Check(
                "Schedule",
                short,
                "fail" if late else "ok",
                detail + (": no worker is ticking the schedule" if late else ""),
            )
        )
    return out


def _every(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes % 1440 == 0:
        return f"{minutes // 1440} day" + ("s" if minutes != 1440 else "")
    if minutes % 60 == 0:
        return f"{minutes // 60} h"
    return f"{minutes} min"


def checks(now: datetime | None = None) -> list[Check]:
    now = now or timezone.now()
    out = worker_checks(now) + schedule_checks(now)
    for provider in providers("status_checks"):
        out.extend(Check(**c) for c in provider(now))
    return out


@dataclass(frozen=True)
class SourceRow:
    """One listening source as the status page lists it: every source, paused and failing ones
    included (the checks above only judge the active ones), with its state in words."""

    name: str
    kind: str
    state: str  # in words: Running, Failing, Paused, Quiet, Waiting for its first poll
    tone: str  # ok, warn: the badge's colour
    last_event: datetime | None  # last time it delivered data
    last_tried: datetime | None  # last poll, successful or not
    last_error: str


def listening_sources(now: datetime | None = None) -> list[SourceRow]:
    """Every listening source (imports are one-off uploads, not listening), for /status/.

    Times stay datetimes so the template shows them in the reader's zone. "Quiet" uses the
    same patience as the listening health check: ten minutes for the firehose, three polls
    (at least fifteen minutes) for a polled source."""
    from townhall.listening.models import Source

    now = now or timezone.now()
    rows = []
    for source in Source.objects.exclude(kind=Source.Kind.IMPORT).order_by("name"):
        patience = timedelta(minutes=10 if source.kind == Source.Kind.BLUESKY else max(3 * source.poll_minutes, 15))
        if not source.active:
            state, tone = "Paused", "warn"
        elif source.last_error:
            state, tone = "Failing", "warn"
        elif source.last_ok_at is None:
            state, tone = "Waiting for its first poll", "warn" if now - source.created_at > patience else "ok"
        elif now - source.last_ok_at > patience:
            state, tone = "Quiet: no data lately", "warn"
        else:
            state, tone = "Running", "ok"
        rows.append(
            SourceRow(
                source.name,
                source.get_kind_display(),
                state,
                tone,
                source.last_ok_at,
                source.last_polled_at,
                source.last_error,
            )
        )
    return rows


@dataclass(frozen=True)
class Overview:
    """What /status/ and `townhall status` both show, computed in one place so the page and the
    command line never disagree about a source or the summary."""

    checks: list[Check]  # every check but a source's own: each source has its row in `sources`
    sources: list[SourceRow]  # every listening source, paused and failing ones included
    worst: str  # ok, warn, fail over all the checks, the sources' own included
    stopped: list[Check]  # the checks that say something has stopped (state fail)


def overview(now: datetime | None = None) -> Overview:
    """The checks, the listening sources and the summary. A source's health check is left out of
    `checks` (its row in `sources` says it, paused ones too) but still counts towards `worst`."""
    from django.urls import reverse

    now = now or timezone.now()
    found = checks(now)
    states = {c.state for c in found}
    worst = "fail" if "fail" in states else "warn" if "warn" in states else "ok"
    sources_url = reverse("listening:sources")
    shown = [c for c in found if not (c.area == "Listening" and c.url == sources_url)]
    return Overview(shown, listening_sources(now), worst, [c for c in found if c.state == "fail"])


def worker_healthy(now: datetime | None = None) -> tuple[bool, list[str]]:
    """For ``/healthz/worker``: false when tasks wait too long or the schedule stopped."""
    now = now or timezone.now()
    problems = [f"{c.name}: {c.detail}" for c in worker_checks(now) + schedule_checks(now) if c.state == "fail"]
    return not problems, problems
