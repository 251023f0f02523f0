"""Interaction counts fetched from the network for published posts, and where people see them."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from townhall.publishing import metrics, publisher, selectors, services
from townhall.publishing.models import Delivery
from townhall.publishing.tasks import refresh_post_metrics
from townhall.registry.vault import revoke_credentials


def published(people, account, settings, text="Open day on Saturday: which lab should we show first?") -> Delivery:
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], text)
    services.submit(post, people["author"])
    services.approve(post, people["owner"], publish_now=True)
    delivery = post.deliveries.get()
    assert publisher.run(delivery.pk) == "published"
    delivery.refresh_from_db()
    return delivery


def test_counts_are_fetched_from_the_network_and_refreshed_later(people, account, settings, mastodon_server):
    delivery = published(people, account, settings)
    mastodon_server.statuses[delivery.remote_id].update(favourites_count=7, reblogs_count=2, replies_count=3)
    assert refresh_post_metrics.call() == {"updated": 1, "failed": 0}
    delivery.refresh_from_db()
    assert delivery.metrics == {"likes": 7, "reposts": 2, "replies": 3} and delivery.metrics_at is not None
    assert metrics.refresh() == {"updated": 0, "failed": 0}  # not due again yet
    mastodon_server.statuses[delivery.remote_id]["replies_count"] = 5
    later = timezone.now() + metrics.REFRESH_EVERY + timedelta(minutes=1)
    assert metrics.refresh(now=later) == {"updated": 1, "failed": 0}
    delivery.refresh_from_db()
    assert delivery.metrics["replies"] == 5


def test_a_failure_is_counted_stamped_and_does_not_stop_the_others(people, account, settings, mastodon_server):
    delivery = published(people, account, settings)
    revoke_credentials(account, actor=people["owner"])
    assert metrics.refresh() == {"updated": 0, "failed": 1}
    delivery.refresh_from_db()
    assert delivery.metrics == {} and delivery.metrics_at is not None  # waits before the next try


def test_posts_older_than_a_month_are_left_alone(people, account, settings, mastodon_server):
    delivery = published(people, account, settings)
    Delivery.objects.filter(pk=delivery.pk).update(published_at=timezone.now() - metrics.TRACK_FOR - timedelta(days=1))
    assert metrics.refresh() == {"updated": 0, "failed": 0}


def test_unknown_or_bad_counts_are_cleaned():
    assert metrics.clean({"likes": "4", "replies": None, "reposts": -2, "views": 10**6}) == {
        "likes": 4, "replies": 0, "reposts": 0}


def test_people_see_interaction_on_the_post_and_in_analytics(people, account, settings, mastodon_server,
                                                            verified_client):
    first = published(people, account, settings)
    Delivery.objects.filter(pk=first.pk).update(published_at=timezone.now() - timedelta(hours=3))
    second = published(people, account, settings, "Seminar today at 16:00, all welcome.")
    Delivery.objects.filter(pk=first.pk).update(metrics={"likes": 10, "reposts": 1, "replies": 4},
                                                metrics_at=timezone.now())
    Delivery.objects.filter(pk=second.pk).update(metrics={"likes": 2, "reposts": 0, "replies": 0},
                                                 metrics_at=timezone.now())
    [row] = selectors.engagement(people["owner"])
    assert (row["posts"], row["likes"], row["replies"], row["replies_per_post"]) == (2, 12, 4, 2.0)
    assert row["best"][0].pk == first.post_id
    assert selectors.engagement(people["outsider"]) == []
    page = verified_client(people["owner"]).get(reverse("publishing:detail", args=[first.post_id])).content.decode()
    assert "10 likes" in page and "4 replies" in page
    analytics = verified_client(people["owner"]).get(reverse("analytics:index")).content.decode()
    assert "Interaction on published posts" in analytics and "2.0" in analytics
