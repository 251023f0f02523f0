"""Publishing holes found by the security review of 2026-12-05, one regression test each.

1. A failed post edited by its author went back to draft but kept its approval and its failed
   deliveries, so a retry (or the worker) sent words nobody approved.
2. A reviewer of one unit could approve a post that also goes to an account of a unit they do
   not review (the post's `org_unit` is only its first account's).
"""

from __future__ import annotations

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied

from townhall.core.permissions import can
from townhall.publishing import publisher, services
from townhall.publishing.models import Delivery, Post
from townhall.registry.models import Account
from townhall.registry.vault import store_credentials

from .conftest import TOKEN

SAFE = "Open day this Saturday at the physics lab!"
EDITED = "Open day this Saturday, now with a new talk nobody has approved yet"


def _failed_post(people, account, settings, mastodon_server, text=SAFE, thread=None):
    """An approved post whose delivery failed (a revoked token), with the network back since."""
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], text, thread=thread)
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    delivery = post.deliveries.get()
    mastodon_server.revoke(TOKEN)
    assert publisher.run(delivery.pk) == "failed"
    mastodon_server.add_account("physics", TOKEN)
    return post, delivery


def test_an_edited_failed_post_needs_approval_again(people, account, settings, mastodon_server):
    post, delivery = _failed_post(people, account, settings, mastodon_server)
    services.update_post(post, people["author"], text=EDITED)
    post.refresh_from_db()
    delivery.refresh_from_db()
    assert post.status == Post.Status.DRAFT and post.approved_by is None
    assert delivery.status == Delivery.Status.PENDING
    with pytest.raises(ValueError, match="only a failed post can be retried"):
        services.retry_failed(post, people["author"])
    assert publisher.run(delivery.pk) != "published"
    assert not mastodon_server.posts_by("physics")
    # The way forward is the usual one: submit, approve, publish the new words.
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    assert publisher.run(delivery.pk) == "published"
    assert EDITED in str(mastodon_server.posts_by("physics"))


def test_a_failed_post_left_as_it_was_can_still_be_retried(people, account, settings, mastodon_server):
    post, delivery = _failed_post(people, account, settings, mastodon_server)
    services.retry_failed(post, people["author"])
    assert publisher.run(delivery.pk) == "published"


def test_a_reviewer_approves_only_posts_whose_every_account_they_review(
    people, units, account, make_user, settings, mastodon_server
):
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    school = Account.objects.create(
        network="mastodon", handle="@school@mastodon.test", service_url=mastodon_server.url,
        org_unit=units["school"], status="active",
    )
    school.owners.add(people["digital"])
    Account.objects.filter(pk=school.pk).update(quiet_start=time(0, 0), quiet_end=time(0, 0))
    mastodon_server.add_account("school", "tok-school-123456")
    store_credentials(school, "tok-school-123456", actor=people["digital"], kind="api_token")
    physics_only = make_user("staff", units["physics"], username="physrev")
    physics_only.review_units.add(units["physics"])
    both = services.create_post(people["author"], [account, school], SAFE)
    services.submit(both, people["author"])
    with pytest.raises(PermissionDenied):
        services.approve(both, physics_only)
    assert Post.objects.get(pk=both.pk).status == Post.Status.SUBMITTED
    # A post for the Physics account alone is still theirs to approve, and a School reviewer
    # (the School covers its departments) may approve both.
    alone = services.create_post(people["author"], [account], SAFE)
    services.submit(alone, people["author"])
    assert can(physics_only, "post.approve", alone) and not can(physics_only, "post.approve", both)
    school_reviewer = make_user("staff", units["school"], username="schoolrev")
    school_reviewer.review_units.add(units["school"])
    services.approve(both, school_reviewer)
    assert Post.objects.get(pk=both.pk).status in (Post.Status.SCHEDULED, Post.Status.APPROVED)


def _failed_thread(people, account, settings, mastodon_server, *, out: int, key_sent: bool):
    """A failed three-part thread with `out` parts published; with `key_sent`, Townhall cannot tell
    whether the next part went out (without, the network refused it)."""
    from django.utils import timezone

    post, delivery = _failed_post(people, account, settings, mastodon_server, "Part one", ["Part two", "Part three"])
    Delivery.objects.filter(pk=delivery.pk).update(
        results=[{"remote_id": str(i), "url": ""} for i in range(out)],
        key_sent_at=timezone.now(),  # a request left for the next part, and then ...
        # ... either the network refused it (the revoked token: it is not out) or nobody can tell
        check_reason="Townhall cannot tell whether this post reached Mastodon" if key_sent else "",
    )
    return post


def test_the_published_parts_of_a_failed_thread_cannot_be_edited(people, account, settings, mastodon_server):
    """Reliability review of 2026-12-06: the rest of the thread went on from the next part, so old
    and new words were mixed, and the edited first part never went out."""
    post = _failed_thread(people, account, settings, mastodon_server, out=1, key_sent=False)
    with pytest.raises(ValueError, match="already published"):
        services.update_post(post, people["author"], text="Part one, reworded")
    services.update_post(post, people["author"], thread=["Part two", "Part three, reworded"])
    assert Post.objects.get(pk=post.pk).thread == ["Part two", "Part three, reworded"]


def test_the_part_whose_send_is_uncertain_cannot_be_edited(people, account, settings, mastodon_server):
    post = _failed_thread(people, account, settings, mastodon_server, out=1, key_sent=True)
    with pytest.raises(ValueError, match="cannot tell whether part 2"):
        services.update_post(post, people["author"], thread=["Part two, reworded", "Part three"])
    with pytest.raises(ValueError, match="cannot tell whether part 2"):
        services.update_post(post, people["author"], thread=[])  # dropping it is a change too
    services.update_post(post, people["author"], thread=["Part two", "Part three, reworded"])


def test_which_failures_leave_the_next_part_possibly_out():
    from django.utils import timezone

    sent = timezone.now()
    assert not publisher.next_part_may_be_out(Delivery(key_sent_at=None, last_error="Gave up after 8 attempts"))
    assert not publisher.next_part_may_be_out(Delivery(key_sent_at=sent, last_error="Mastodon refused the token"))
    assert publisher.next_part_may_be_out(Delivery(key_sent_at=sent, check_reason="cannot tell"))
    assert publisher.next_part_may_be_out(Delivery(key_sent_at=sent, last_error=f"{publisher.GAVE_UP} 8 attempts; x"))
