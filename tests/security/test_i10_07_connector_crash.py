"""Issue 10 item 7: any connector failure ends in a state a person sees; quick, safe recovery.

Before: an exception other than the connector's own error type left the delivery
`publishing` for ever (retried each lease, never failed, author never told), aborted the
rest of the sweep, and no attempt limit applied; a dead worker's post waited 5 minutes.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from publishing.conftest import TOKEN, account, mastodon_server, people  # noqa: F401

from townhall.connectors.mastodon import connector
from townhall.publishing import publisher, services
from townhall.publishing.models import Delivery, Post


def approved(people, account, settings, text: str = "Careers fair on Tuesday.") -> Post:  # noqa: F811
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    account.min_gap_minutes, account.max_per_day = 0, 100
    account.save(update_fields=["min_gap_minutes", "max_per_day"])
    post = services.create_post(people["author"], [account], text)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    return post


@pytest.fixture
def broken_connector(monkeypatch):
    """The Mastodon connector raising what no connector is supposed to raise, for chosen texts."""
    real = connector.publish
    breaks = {"texts": set()}

    def publish(creds, request):
        if request.text in breaks["texts"]:
            raise KeyError("media_attachments")  # e.g. a library bug on an unexpected answer
        return real(creds, request)

    monkeypatch.setattr(connector, "publish", publish)
    return breaks


def test_unexpected_exception_backs_off_then_fails_visibly(people, account, settings, broken_connector):  # noqa: F811
    post = approved(people, account, settings)
    broken_connector["texts"].add(post.text)
    delivery = post.deliveries.get()
    for _attempt in range(1, publisher.UNEXPECTED_ATTEMPTS):
        assert publisher.run(delivery.pk) == "retry"
        delivery.refresh_from_db()
        assert delivery.status == "publishing" and delivery.lease_until is None
        assert delivery.next_attempt_at > timezone.now()  # backs off instead of looping
        assert "unexpected error" in delivery.last_error and "KeyError" in delivery.last_error
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert publisher.run(delivery.pk) == "failed"  # the attempt limit
    delivery.refresh_from_db()
    post.refresh_from_db()
    assert delivery.status == "failed" and post.status == "failed"
    assert "Gave up after 3 attempts" in delivery.last_error
    assert post.created_by.notifications.filter(message__contains="could not be posted").exists()
    broken_connector["texts"].clear()  # fixed; a person presses Try again: a fresh round
    services.retry_failed(post, people["author"])
    assert publisher.run(delivery.pk) == "published"


def test_one_broken_delivery_does_not_stop_the_sweep(people, account, settings, mastodon_server, broken_connector):  # noqa: F811
    from townhall.publishing.tasks import publish_due_posts

    bad = approved(people, account, settings, "This one breaks the connector.")
    good = approved(people, account, settings, "This one goes out.")
    broken_connector["texts"].add(bad.text)
    assert publish_due_posts.call() == {"retry": 1, "published": 1}
    assert good.deliveries.get().status == "published"
    assert [s["text"] for s in mastodon_server.posts_by("physics")] == ["This one goes out."]


def test_a_worker_dying_on_the_same_delivery_reaches_the_limit_without_sending(
    people, account, settings, mastodon_server  # noqa: F811
):
    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    # Every attempt of this round killed before a request left (no key marked as sent).
    Delivery.objects.filter(pk=delivery.pk).update(
        status="publishing", attempts=publisher.ABANDONED_LIMIT, round_base=0,
        lease_until=timezone.now() - timedelta(seconds=1),
    )
    assert publisher.run(delivery.pk) == "failed"
    delivery.refresh_from_db()
    assert f"Gave up after {publisher.ABANDONED_LIMIT} attempts" in delivery.last_error
    assert "not sent again" in delivery.last_error
    assert mastodon_server.create_calls == 0


@pytest.mark.django_db(transaction=True)
def test_lease_is_renewed_while_a_slow_call_runs(people, account, settings, monkeypatch):  # noqa: F811
    """A short lease for fast recovery, but a slow network never lets a second worker in."""
    settings.TOWNHALL_PUBLISH_LEASE_SECONDS = 3
    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    real = connector.publish
    seen = {}

    def slow(creds, request):
        time.sleep(5)  # well past the 3 s lease: only the heartbeat keeps it
        seen["second_claim"] = publisher._claim(delivery.pk)
        return real(creds, request)

    monkeypatch.setattr(connector, "publish", slow)
    assert publisher.run(delivery.pk) == "published"
    assert seen["second_claim"] is None
    delivery.refresh_from_db()
    assert delivery.attempts == 1


def test_dead_workers_delivery_is_due_once_its_short_lease_ends(people, account, settings):  # noqa: F811
    assert settings.TOWNHALL_PUBLISH_LEASE_SECONDS <= 30  # recovery well under a minute by default
    delivery = approved(people, account, settings).deliveries.get()
    assert publisher._claim(delivery.pk) is not None  # ...and the worker is killed here
    assert delivery.pk not in publisher.due_deliveries()
    later = timezone.now() + timedelta(seconds=settings.TOWNHALL_PUBLISH_LEASE_SECONDS + 1)
    assert delivery.pk in publisher.due_deliveries(now=later)


def test_past_the_limit_a_keyed_resend_inside_mastodons_window_still_reconciles(
    people, account, settings, mastodon_server  # noqa: F811
):
    """The post went out but every worker died before recording it: the keyed resend finds it."""
    from townhall.registry.vault import read_credentials

    post = approved(people, account, settings)
    delivery = publisher._claim(post.deliveries.get().pk)
    publisher._mark_sent(delivery, connector.idempotency_window)
    sent = connector.publish(read_credentials(account), publisher._request(delivery, 0, post.text, None))
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=publisher.ABANDONED_LIMIT, lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert publisher.run(delivery.pk) == "published"
    delivery.refresh_from_db()
    assert delivery.remote_id == sent.remote_id and mastodon_server.create_calls == 1
