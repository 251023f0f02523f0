"""Publishing holes found by the reliability review of 2026-12-06, one regression test each.

1. A worker that died between recording a delivery's outcome and deriving the post's status
   left the post "publishing" for ever: a failed delivery could not be retried (Try again wants a
   failed post) and nobody was told.
2. A post rescheduled between the worker's read and its claim went out at the old time.
3. A worker whose lease had been taken over still sent a part whose key was already marked
   sent (a second, concurrent request with the same key: Mastodon's check is not atomic).
4. A server's retry time was trusted whatever it said: a huge one parked the delivery for
   centuries, an infinite one crashed the worker's error handling.
5. A private or unlisted post for a Bluesky account (which has neither) went out public.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.connectors.base import PermanentError, TransientError
from townhall.connectors.mastodon import connector as mastodon
from townhall.publishing import publisher, services
from townhall.publishing.models import Delivery, Post
from townhall.registry.models import Account

from .conftest import TOKEN

SAFE = "Open day this Saturday at the physics lab!"


def _approved(people, account, settings, text: str = SAFE, **kw) -> Post:
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], text, **kw)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    return post


def _expire_lease(delivery_id: int) -> None:
    Delivery.objects.filter(pk=delivery_id).update(lease_until=timezone.now() - timedelta(seconds=1))


class _Killed(BaseException):
    """Stands for the worker dying (SIGKILL) at the point where it is raised."""


@pytest.mark.parametrize("outcome", ["published", "failed"])
def test_a_worker_dying_after_the_outcome_never_leaves_the_post_publishing(
    people, account, settings, mastodon_server, monkeypatch, outcome
):
    post = _approved(people, account, settings)
    delivery = post.deliveries.get()
    if outcome == "failed":
        mastodon_server.revoke(TOKEN)

    def killed(post_id: int) -> None:
        raise _Killed()

    monkeypatch.setattr(services, "refresh_status", killed)
    with pytest.raises(_Killed):
        publisher.run(delivery.pk)
    monkeypatch.undo()
    # Whatever was committed before the death, the post's status agrees with its delivery...
    post.refresh_from_db()
    delivery.refresh_from_db()
    assert (post.status == Post.Status.PUBLISHING) == (delivery.status == Delivery.Status.PUBLISHING)
    # ... and once a worker is back the post ends where a person sees it.
    _expire_lease(delivery.pk)
    publisher.run(delivery.pk)
    post.refresh_from_db()
    assert post.status == outcome
    assert len(mastodon_server.posts_by("physics")) == (1 if outcome == "published" else 0)
    if outcome == "failed":
        mastodon_server.add_account("physics", TOKEN)
        services.retry_failed(post, people["author"])  # Try again is offered and works
        assert publisher.run(delivery.pk) == "published"


def test_a_post_moved_while_the_worker_claims_it_waits_for_its_new_time(
    people, account, settings, mastodon_server, monkeypatch
):
    post = _approved(people, account, settings)
    delivery = post.deliveries.get()
    later = timezone.now() + timedelta(days=2)
    real_hold_reason = publisher.containment.hold_reason

    def rescheduled_meanwhile(account_id: int) -> str:
        # The author moves the post after the worker read the delivery, before its claim.
        Delivery.objects.filter(pk=delivery.pk).update(due_at=later)
        Post.objects.filter(pk=post.pk).update(scheduled_at=later)
        return real_hold_reason(account_id)

    monkeypatch.setattr(publisher.containment, "hold_reason", rescheduled_meanwhile)
    assert publisher.run(delivery.pk) == "skipped"
    monkeypatch.undo()
    assert not mastodon_server.posts_by("physics")
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SCHEDULED and delivery.due_at == later


def test_a_worker_that_lost_its_lease_sends_nothing(people, account, settings, mastodon_server, monkeypatch):
    post = _approved(people, account, settings)
    delivery = post.deliveries.get()
    # A first attempt marked the key sent and then went quiet (the request may be in flight).
    stale = publisher._claim(delivery.pk)
    Delivery.objects.filter(pk=delivery.pk).update(key_sent_at=timezone.now())
    stale.key_sent_at = timezone.now()
    # Its lease ran out and another worker took the delivery over.
    _expire_lease(delivery.pk)
    assert publisher._claim(delivery.pk) is not None
    sent = []
    monkeypatch.setattr(mastodon, "publish", lambda creds, request: sent.append(request))
    with pytest.raises(publisher._LostLease):
        publisher._send(stale)
    assert sent == []


@pytest.mark.parametrize("retry_after", [1e11, float("inf"), float("nan"), -5.0])
def test_a_servers_retry_time_is_bounded(people, account, settings, mastodon_server, monkeypatch, retry_after):
    post = _approved(people, account, settings)
    delivery = post.deliveries.get()

    def rate_limited(creds, request):
        raise TransientError("rate limit reached", retry_after=retry_after)

    monkeypatch.setattr(mastodon, "publish", rate_limited)
    assert publisher.run(delivery.pk) == "retry"
    delivery.refresh_from_db()
    wait = delivery.next_attempt_at - timezone.now()
    assert timedelta(0) < wait <= timedelta(seconds=publisher.MAX_BACKOFF_SECONDS)


def test_connector_errors_keep_only_usable_retry_times():
    assert TransientError("x", retry_after=1e11).retry_after == TransientError.MAX_RETRY_AFTER
    assert TransientError("x", retry_after=float("inf")).retry_after == TransientError.MAX_RETRY_AFTER
    assert TransientError("x", retry_after=float("nan")).retry_after is None
    assert TransientError("x", retry_after=-3).retry_after is None
    assert TransientError("x", retry_after=90).retry_after == 90
    assert PermanentError("x").retry_after is None


@pytest.mark.parametrize("visibility", ["private", "unlisted"])
def test_bluesky_refuses_posts_that_are_not_public(people, units, mastodon_server, visibility):
    bluesky = Account.objects.create(
        network="bluesky", handle="physics.test", org_unit=units["physics"], status="active"
    )
    with pytest.raises(ValueError, match="Bluesky"):
        services.create_post(people["author"], [bluesky], SAFE, visibility=visibility)
    assert services.create_post(people["author"], [bluesky], SAFE, visibility="public")


def test_the_bluesky_connector_never_sends_a_post_that_is_not_public():
    from townhall.connectors.base import Credentials, PublishRequest
    from townhall.connectors.bluesky import connector as bluesky
    from townhall.publishing.models import new_tid

    nowhere = Credentials("physics.test", "app-pass-word", "http://127.0.0.1:9")  # never reached
    with pytest.raises(PermanentError, match="always public"):
        bluesky.publish(nowhere, PublishRequest(SAFE, new_tid(), extra={"visibility": "private"}))
