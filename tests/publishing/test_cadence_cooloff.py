"""The cadence guard and the cool-off window with its one-click hold."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from townhall.publishing import cadence, publisher, services
from townhall.publishing.models import Delivery, Post

SAFE = "Open day this Saturday at the physics lab! https://example.ac.uk/open"
LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A London wall-clock time in a future month, as UTC."""
    return datetime(2031, 3, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def busy(account, *moments):
    """Scheduled deliveries of other posts at these times."""
    for n, moment in enumerate(moments):
        post = Post.objects.create(created_by=account.owners.first(), text=f"busy {n}", status="scheduled")
        Delivery.objects.create(post=post, account=account, status="scheduled", due_at=moment)


def test_min_gap_refused_with_next_allowed_time(account):
    busy(account, at(3, 10))
    violation = cadence.check(account, at(3, 10, 30))
    assert violation and "60 minutes apart" in violation.reason
    assert violation.next_allowed == at(3, 11)
    assert cadence.check(account, at(3, 11)) is None


def test_max_per_day_moves_to_next_day(account):
    account.max_per_day = 2
    account.save()
    busy(account, at(3, 9), at(3, 12))
    violation = cadence.check(account, at(3, 15))
    assert violation and "at most 2 posts a day" in violation.reason
    assert violation.next_allowed == at(4, 0)


def test_quiet_hours_wrap_midnight(account):
    account.quiet_start, account.quiet_end = time(21, 0), time(7, 0)
    account.save()
    violation = cadence.check(account, at(3, 23, 15))
    assert violation and "quiet hours" in violation.reason
    assert violation.next_allowed == at(4, 7)
    assert cadence.check(account, at(4, 6, 59)) is not None
    assert cadence.check(account, at(4, 7)) is None


def test_schedule_breaking_cadence_is_refused_in_words(people, account):
    busy(account, at(3, 10))
    post = services.create_post(people["author"], [account], SAFE, scheduled_at=at(3, 10, 20))
    with pytest.raises(ValueError, match=r"at least 60 minutes apart\. Next allowed time: Mon 03 Mar 2031 11:00"):
        services.submit(post, people["author"])
    assert Post.objects.get(pk=post.pk).status == "draft"
    services.reschedule(post, people["author"], at(3, 11))
    services.submit(post, people["author"])


def test_approval_refused_when_cadence_is_full(people, account):
    busy(account, timezone.now() + timedelta(minutes=2))
    post = services.create_post(people["author"], [account], SAFE)
    services.submit(post, people["author"])
    with pytest.raises(ValueError, match="Next allowed time"):
        services.approve(post, people["owner"])
    assert Post.objects.get(pk=post.pk).status == "submitted"


def test_cool_off_waits_and_hold_stops_it(people, account, settings):
    settings.TOWNHALL_COOL_OFF_SECONDS = 300
    post = services.create_post(people["author"], [account], SAFE)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    delivery = post.deliveries.get()
    assert delivery.due_at > timezone.now() + timedelta(seconds=290)
    assert publisher.run(delivery.pk) == "skipped"  # still in the cool-off window
    assert delivery.pk not in publisher.due_deliveries()
    services.hold(post, people["author"])  # one click, by the author
    post.refresh_from_db()
    delivery.refresh_from_db()
    assert post.status == "approved" and delivery.status == "cancelled"
    Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now() - timedelta(minutes=1))
    assert publisher.run(delivery.pk) == "skipped"  # held: never sent
    with pytest.raises(Exception, match="approver other than the author"):
        services.release(post, people["author"])
    services.release(post, people["owner"])
    delivery.refresh_from_db()
    assert delivery.status == "scheduled" and delivery.due_at > timezone.now() + timedelta(seconds=290)


def test_cool_off_is_configurable_and_then_sends(people, account, settings, mastodon_server):
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], SAFE)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    assert publisher.run(post.deliveries.get().pk) == "published"
    assert len(mastodon_server.posts_by("physics")) == 1


def test_hold_refused_once_publishing(people, account, settings):
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], SAFE)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    Delivery.objects.filter(post=post).update(status="publishing")
    with pytest.raises(ValueError, match="already going out"):
        services.hold(post, people["author"])
