"""The task worker and the cron-less periodic schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import task
from django.utils import timezone

from townhall.core import periodic
from townhall.core.models import LoginFailure, PeriodicState

CALLS: list[int] = []


@task()
def remember(n: int) -> int:
    CALLS.append(n)
    return n * 2


@pytest.fixture
def clean_registry():
    saved = dict(periodic.REGISTRY)
    periodic.REGISTRY.clear()
    yield periodic.REGISTRY
    periodic.REGISTRY.clear()
    periodic.REGISTRY.update(saved)


@pytest.mark.django_db(transaction=True)
def test_burst_worker_runs_queued_tasks_and_stores_results():
    CALLS.clear()
    results = [remember.enqueue(n) for n in (1, 2, 3)]
    call_command("worker", burst=True, no_schedule=True, interval=0)
    assert sorted(CALLS) == [1, 2, 3]
    for result in results:
        result.refresh()
        assert result.status == "SUCCESSFUL"
        assert result.return_value in (2, 4, 6)


@pytest.mark.django_db(transaction=True)
def test_periodic_tasks_are_enqueued_once_per_interval(clean_registry):
    periodic.periodic(every=timedelta(minutes=5))(remember)
    now = timezone.now()
    assert periodic.tick(now) == [remember.module_path]
    assert periodic.tick(now + timedelta(minutes=1)) == []  # not due yet
    call_command("worker", burst=True, no_schedule=True, interval=0)  # a copy still queued is not doubled
    assert periodic.tick(now + timedelta(minutes=6)) == [remember.module_path]
    assert PeriodicState.objects.get().last_enqueued_at == now + timedelta(minutes=6)


@pytest.mark.django_db(transaction=True)
def test_worker_runs_the_builtin_retention_task():
    periodic.discover()
    old = timezone.now() - timedelta(days=2)
    LoginFailure.objects.create(username="x", at=old)
    LoginFailure.objects.create(username="y")
    PeriodicState.objects.all().delete()
    call_command("worker", burst=True, interval=0)
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["y"]
