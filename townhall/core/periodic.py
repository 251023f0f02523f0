"""Periodic work without cron: apps register tasks here, every worker ticks the schedule.

Usage, in an app's `tasks.py`:

    @periodic(every=timedelta(minutes=1))
    @task()
    def publish_due_posts(): ...

`tick()` enqueues each registered task whose interval has passed. The row lock on
`PeriodicState` means that several workers ticking at once enqueue a task once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
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


def tick(now: datetime | None = None) -> list[str]:
    """Enqueue the periodic tasks that are due; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for item in REGISTRY.values():
        with transaction.atomic():
            state, _ = PeriodicState.objects.select_for_update().get_or_create(name=item.name)
            if state.last_enqueued_at and now - state.last_enqueued_at < item.every:
                continue
            item.task.enqueue()
            state.last_enqueued_at = now
            state.save(update_fields=["last_enqueued_at"])
            enqueued.append(item.name)
    if enqueued:
        log.info("enqueued periodic tasks: %s", ", ".join(enqueued))
    return enqueued
