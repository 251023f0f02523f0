"""Periodic work without cron: apps register tasks here, every worker ticks the schedule.

Usage, in an app's `tasks.py`:

    @periodic(every=timedelta(minutes=1))
    @task()
    def publish_due_posts(): ...

`tick()` enqueues each registered task whose interval has passed. The row lock on
`PeriodicState` means that several workers ticking at once enqueue a task once. A task whose last
copy still waits in the queue or runs is not enqueued again (two workers never run it at once,
and a stalled queue does not fill with copies); a copy left RUNNING by a worker that died is taken
back by `core.worker.recover_abandoned`, so the task runs again. Time is the database's clock,
the same for every worker; a run stamped in the future (a clock that was fast, then set back)
counts as due rather than holding the task until the clock catches up, and a tick after a long
sleep enqueues each task once, not once per missed interval.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from townhall.core.models import PeriodicState

log = logging.getLogger("townhall.periodic")


@dataclass(frozen=True)
class Periodic:
    name: str
    task: Any
    every: timedelta


REGISTRY: dict[str, Periodic] = {}


def periodic(every: timedelta):
    def register(task: Any) -> Any:
        name = f"{task.module_path}"
        REGISTRY[name] = Periodic(name, task, every)
        return task

    return register


def discover() -> None:
    """Import every app's tasks module so its periodic tasks register themselves."""
    autodiscover_modules("tasks")


def _pending(item: Periodic) -> bool:
    """Whether a copy of this task is still queued or running."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=item.task.module_path, status__in=["READY", "RUNNING"]).exists()


def tick(now: datetime | None = None) -> list[str]:
    """Enqueue the periodic tasks that are due; returns their names."""
    if now is None:
        from townhall.core.worker import db_now

        now = db_now()
    enqueued = []
    for item in REGISTRY.values():
        with transaction.atomic():
            state, _ = PeriodicState.objects.select_for_update().get_or_create(name=item.name)
            last = state.last_enqueued_at
            if last and last <= now and now - last < item.every:
                continue
            if _pending(item):
                continue
            if last and last > now:
                log.warning("%s was last queued at %s, after the time now (%s): the clock went back",
                            item.name, last, now)
            item.task.enqueue()
            state.last_enqueued_at = now
            state.save(update_fields=["last_enqueued_at"])
            enqueued.append(item.name)
    if enqueued:
        log.info("enqueued periodic tasks: %s", ", ".join(enqueued))
    return enqueued
