"""The system status page and /healthz/worker: a stopped worker or schedule is said plainly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import task
from django.utils import timezone

from townhall.web.status import checks, worker_healthy


@task()
def noop() -> int:
    return 1


@task()
def broken() -> int:
    raise ValueError("the network said no")


def by_name(found):
    return {c.name: c for c in found}


@pytest.mark.django_db(transaction=True)
def test_a_task_left_waiting_means_no_worker_and_a_burst_worker_clears_it(client):
    from django_tasks_db.models import DBTaskResult

    result = noop.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(minutes=30))
    queue = by_name(checks())["Queue default"]
    assert queue.state == "fail" and "no worker is taking tasks" in queue.detail
    response = client.get("/healthz/worker")
    assert response.status_code == 503 and response.json()["status"] == "stale"
    call_command("worker", burst=True, interval=0)  # runs the task and ticks the schedule
    assert "Queue default" not in by_name(checks())
    healthy, problems = worker_healthy()
    assert healthy, problems
    assert client.get("/healthz/worker").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_failed_tasks_and_a_silent_schedule_are_reported():
    from townhall.core import periodic
    from townhall.core.models import PeriodicState

    broken.enqueue()
    call_command("worker", burst=True, interval=0)
    failed = by_name(checks())["Failed tasks, last 24 h"]
    assert failed.state == "warn" and "broken" in failed.detail and "ValueError" in failed.detail
    periodic.discover()
    name = next(iter(periodic.REGISTRY))
    PeriodicState.objects.filter(name=name).update(last_enqueued_at=timezone.now() - timedelta(days=3))
    late = [c for c in checks() if c.area == "Schedule" and c.state == "fail"]
    assert late and "no worker is ticking the schedule" in late[0].detail
    assert worker_healthy()[0] is False


@pytest.mark.django_db
def test_late_posts_and_quiet_sources_show_on_the_page(make_user, units, verified_client):
    from townhall.listening.models import Source
    from townhall.publishing.models import Delivery, Post
    from townhall.registry.models import Account

    author = make_user("staff", units["physics"])
    account = Account.objects.create(network="mastodon", handle="@physics@mastodon.example", status="active",
                                     org_unit=units["physics"])
    post = Post.objects.create(created_by=author, org_unit=units["physics"], text="Open day!", status="scheduled")
    Delivery.objects.create(post=post, account=account, status="scheduled",
                            due_at=timezone.now() - timedelta(hours=1))
    Source.objects.create(kind="feed", name="Campus news", config={"url": "https://news.example.ac.uk/feed"},
                          last_error="HTTP 500 from news.example.ac.uk")
    found = by_name(checks())
    assert found["Posts due but not sent"].state == "fail"
    assert "HTTP 500" in found["RSS/Atom feed: Campus news"].detail
    page = verified_client(make_user("digital")).get("/status/")
    html = page.content.decode()
    assert page.status_code == 200 and "Something has stopped" in html and "Posts due but not sent" in html
    assert verified_client(make_user("staff")).get("/status/").status_code == 403


@pytest.mark.django_db
def test_the_status_command_prints_checks_and_exits_1_when_something_stopped(make_user, units, capsys):
    import json

    from django.core.management.base import CommandError

    from townhall.publishing.models import Delivery, Post
    from townhall.registry.models import Account

    call_command("status")
    assert "Failed tasks, last 24 h" in capsys.readouterr().out
    account = Account.objects.create(network="mastodon", handle="@physics@mastodon.example", status="active",
                                     org_unit=units["physics"])
    post = Post.objects.create(created_by=make_user(), org_unit=units["physics"], text="Open day!", status="scheduled")
    Delivery.objects.create(post=post, account=account, status="scheduled", due_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(CommandError, match="something has stopped") as stopped:
        call_command("status", format="json")
    assert stopped.value.returncode == 1
    rows = json.loads(capsys.readouterr().out)
    assert {"area": "Publishing", "name": "Posts due but not sent", "state": "fail"}.items() <= next(
        r for r in rows if r["name"] == "Posts due but not sent").items()
