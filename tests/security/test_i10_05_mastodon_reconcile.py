"""Issue 10 item 5: Mastodon reconciliation matches on something unique to the delivery.

Before: after a crash, a delivery was matched by its text among the account's 40 latest
statuses, so a delivery that never went out was marked published under *another* post's
id when the texts were equal. Now: inside Mastodon's Idempotency-Key window the resend
with the delivery's own key is the reconciliation; after it, a look-alike status is never
adopted (a person is asked to check), and statuses recorded for other deliveries are
never candidates.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from publishing.conftest import PNG, TOKEN, account, mastodon_server, people  # noqa: F401

from townhall.publishing import publisher, services
from townhall.publishing.models import Delivery, Post

TEXT = "Library open until midnight during exams."


def approved(people, account, settings, text: str = TEXT) -> Post:  # noqa: F811
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    account.min_gap_minutes, account.max_per_day = 0, 100
    account.save(update_fields=["min_gap_minutes", "max_per_day"])
    post = services.create_post(people["author"], [account], text)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    return post


def crashed_before_sending(delivery_id: int, sent_ago: timedelta = timedelta(0)) -> Delivery:
    """A worker claimed the delivery, marked its key as sent and died before the request left."""
    delivery = publisher._claim(delivery_id)
    Delivery.objects.filter(pk=delivery_id).update(
        key_sent_at=timezone.now() - sent_ago, lease_until=timezone.now() - timedelta(seconds=1)
    )
    return delivery


def test_equal_texts_within_the_key_window_each_get_their_own_status(people, account, settings, mastodon_server):  # noqa: F811
    first = approved(people, account, settings).deliveries.get()
    assert publisher.run(first.pk) == "published"
    second = approved(people, account, settings).deliveries.get()
    crashed_before_sending(second.pk)
    assert publisher.run(second.pk) == "published"
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.remote_id != first.remote_id  # the old code adopted the first post's id here
    assert len(mastodon_server.posts_by("physics")) == 2


def test_after_the_window_another_deliverys_status_is_never_adopted(people, account, settings, mastodon_server):  # noqa: F811
    first = approved(people, account, settings).deliveries.get()
    second = approved(people, account, settings).deliveries.get()
    crashed_before_sending(second.pk, sent_ago=timedelta(hours=2))
    assert publisher.run(first.pk) == "published"  # same text, recorded for the first delivery
    mastodon_server.advance(2 * 3600)  # the server has forgotten every key
    assert publisher.run(second.pk) == "published"
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.remote_id != first.remote_id
    assert len(mastodon_server.posts_by("physics")) == 2


def test_unprovable_look_alike_is_left_to_a_person_then_try_again_sends(people, account, settings, mastodon_server):  # noqa: F811
    from townhall.connectors.base import Credentials, PublishRequest
    from townhall.connectors.mastodon import connector

    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    crashed_before_sending(delivery.pk, sent_ago=timedelta(hours=2))
    # Someone posted the same words through the same application, and nothing records whose it is.
    creds = Credentials("@physics@mastodon.test", TOKEN, mastodon_server.url)
    look_alike = connector.publish(creds, PublishRequest(TEXT, "somebody-else"))
    assert publisher.run(delivery.pk) == "needs-check"
    delivery.refresh_from_db()
    post.refresh_from_db()
    assert delivery.status == "failed" and delivery.remote_id == ""  # not marked published under another id
    assert look_alike.url in delivery.last_error and delivery.check_reason
    assert post.created_by.notifications.filter(message__contains="cannot tell").exists()
    assert len(mastodon_server.posts_by("physics")) == 1  # and nothing was sent on a guess
    # The person looked: it is not theirs. Try again sends it, once.
    services.retry_failed(post, people["author"])
    assert publisher.run(delivery.pk) == "published"
    delivery.refresh_from_db()
    assert delivery.remote_id != look_alike.remote_id and not delivery.check_reason
    assert len(mastodon_server.posts_by("physics")) == 2


def test_lost_answer_is_reconciled_by_the_key_not_resent(people, account, settings, mastodon_server):  # noqa: F811
    """The request reached the server but the answer was lost: the resend returns the first status."""
    delivery = approved(people, account, settings).deliveries.get()
    mastodon_server.latency = 0
    claimed = publisher._claim(delivery.pk)
    publisher._mark_sent(claimed, timedelta(minutes=50))
    from townhall.connectors.mastodon import connector
    from townhall.registry.vault import read_credentials

    sent = connector.publish(read_credentials(account), publisher._request(claimed, 0, TEXT, None))
    Delivery.objects.filter(pk=delivery.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert publisher.run(delivery.pk) == "published"
    delivery.refresh_from_db()
    assert delivery.remote_id == sent.remote_id and mastodon_server.create_calls == 1
