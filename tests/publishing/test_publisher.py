"""Exactly-once publishing against the fake Mastodon server: retries, crashes, failures."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from townhall.audit.models import AuditEntry
from townhall.connectors.mastodon import connector
from townhall.publishing import publisher, services
from townhall.publishing.models import Delivery, Post
from townhall.registry.vault import read_credentials, revoke_credentials, store_credentials

from .conftest import PNG, TOKEN

SAFE = "Open day this Saturday at the physics lab! https://example.ac.uk/open"


def approved(people, account, settings, **kw) -> Post:
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], SAFE, **kw)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    return post


def test_publish_records_result_and_audit(people, account, settings, mastodon_server):
    post = approved(people, account, settings, images=[services.ImageInput(PNG, "image/png", "A dot")])
    delivery = post.deliveries.get()
    assert publisher.run(delivery.pk) == "published"
    delivery.refresh_from_db()
    post.refresh_from_db()
    status = mastodon_server.statuses[delivery.remote_id]
    assert post.status == "published" and delivery.status == "published"
    assert status["media_attachments"][0]["description"] == "A dot"
    assert delivery.url.endswith(delivery.remote_id)
    assert AuditEntry.objects.filter(action="post.published", object_id=str(post.pk)).exists()
    assert publisher.run(delivery.pk) == "skipped"  # a second run does nothing
    assert len(mastodon_server.posts_by("physics")) == 1


def test_crash_after_network_call_is_reconciled_not_reposted(people, account, settings, mastodon_server):
    post = approved(people, account, settings)
    delivery = publisher._claim(post.deliveries.get().pk)  # intent recorded and committed
    creds = read_credentials(account)
    request = publisher._request(delivery, 0, post.text, None)
    connector.publish(creds, request)  # the network accepted it... and the worker died here
    Delivery.objects.filter(pk=delivery.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert delivery.pk in publisher.due_deliveries()
    assert publisher.run(delivery.pk) == "published"
    assert len(mastodon_server.posts_by("physics")) == 1
    assert mastodon_server.create_calls == 1  # found by reconciliation, not sent again


def test_lease_stops_a_second_worker(people, account, settings):
    post = approved(people, account, settings)
    delivery_id = post.deliveries.get().pk
    assert publisher._claim(delivery_id) is not None
    assert publisher.run(delivery_id) == "skipped"


def test_transient_error_backs_off_then_succeeds(people, account, settings, mastodon_server):
    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    mastodon_server.fail_next.append((503, {"error": "Service Unavailable"}))
    assert publisher.run(delivery.pk) == "retry"
    delivery.refresh_from_db()
    assert delivery.status == "publishing" and "Temporary problem" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()
    assert publisher.run(delivery.pk) == "skipped"  # backing off
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert publisher.run(delivery.pk) == "published"
    assert len(mastodon_server.posts_by("physics")) == 1


def test_revoked_token_fails_with_reason_and_retry_after_reconnect(people, account, settings, mastodon_server):
    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    mastodon_server.revoke(TOKEN)
    assert publisher.run(delivery.pk) == "failed"
    delivery.refresh_from_db()
    post.refresh_from_db()
    assert post.status == "failed" and "revoked" in delivery.last_error
    assert post.text.startswith(SAFE.split("https://")[0]) and "/l/" in post.text  # nothing lost (link tracked)
    assert post.created_by.notifications.filter(message__contains="could not be posted").exists()
    mastodon_server.add_account("physics", "new-token-7c2b9e4d1a")
    store_credentials(account, "new-token-7c2b9e4d1a", actor=people["owner"], kind="api_token")
    services.retry_failed(post, people["author"])
    assert publisher.run(delivery.pk) == "published"
    assert len(mastodon_server.posts_by("physics")) == 1


def test_credentials_revoked_in_vault_wait_or_fail_clearly(people, account, settings):
    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    revoke_credentials(account, actor=people["owner"])
    assert delivery.pk not in publisher.due_deliveries()  # the sweep leaves it waiting
    assert publisher.run(delivery.pk) == "failed"
    delivery.refresh_from_db()
    assert "revoked" in delivery.last_error and "connect the account again" in delivery.last_error


def test_thread_is_posted_as_replies(people, account, settings, mastodon_server):
    post = approved(people, account, settings, thread=["Part two.", "Part three."])
    delivery = post.deliveries.get()
    assert publisher.run(delivery.pk) == "published"
    delivery.refresh_from_db()
    ids = [r["remote_id"] for r in delivery.results]
    assert len(ids) == 3
    assert mastodon_server.statuses[ids[1]]["in_reply_to_id"] == ids[0]
    assert mastodon_server.statuses[ids[2]]["in_reply_to_id"] == ids[1]


def test_periodic_sweep_publishes_due_deliveries(people, account, settings, mastodon_server):
    from townhall.publishing.tasks import publish_due_posts

    approved(people, account, settings)
    assert publish_due_posts.call() == {"published": 1}
    assert len(mastodon_server.posts_by("physics")) == 1


def test_a_reply_is_published_as_a_reply_to_the_post_it_answers(people, account, settings, mastodon_server):
    parent = approved(people, account, settings)
    assert publisher.run(parent.deliveries.get().pk) == "published"
    parent_id = parent.deliveries.get().remote_id
    reply = approved(people, account, settings, in_reply_to=parent_id, thread=["And a second part."])
    delivery = reply.deliveries.get()
    assert publisher.run(delivery.pk) == "published"
    delivery.refresh_from_db()
    first, second = (r["remote_id"] for r in delivery.results)
    assert mastodon_server.statuses[first]["in_reply_to_id"] == parent_id
    assert mastodon_server.statuses[second]["in_reply_to_id"] == first


def test_a_reply_goes_out_from_one_account(people, account):
    import pytest

    from townhall.registry.models import Account

    other = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=account.org_unit,
                                   status="active")
    with pytest.raises(ValueError, match="exactly one account"):
        services.create_post(people["author"], [account, other], "Thanks!", in_reply_to="123")
