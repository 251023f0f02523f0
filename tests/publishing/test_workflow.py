"""The approval workflow: routing by risk, no self-approval, overrides, comments, bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from townhall.audit.models import AuditEntry
from townhall.publishing import services
from townhall.publishing.models import Delivery, Notification, Post

from .conftest import PNG

SAFE = "Open day this Saturday at the physics lab! https://example.ac.uk/open"


def draft(people, account, text=SAFE, **kw):
    return services.create_post(people["author"], [account], text, **kw)


def test_draft_submit_approve_schedules_after_cool_off(people, account):
    post = draft(people, account)
    assert post.status == "draft" and post.deliveries.get().status == "pending"
    services.submit(post, people["author"])
    post.refresh_from_db()
    assert post.status == "submitted" and post.route == "owners"
    assert Notification.objects.filter(user=people["owner"], post=post).exists()
    before = timezone.now()
    services.approve(post, people["owner"])
    post.refresh_from_db()
    delivery = post.deliveries.get()
    assert post.status == "scheduled" and delivery.status == "scheduled"
    assert delivery.due_at >= before + timedelta(seconds=119)
    actions = set(AuditEntry.objects.filter(object_id=str(post.pk)).values_list("action", flat=True))
    assert {"post.create", "post.submit", "post.approve"} <= actions


def test_self_approval_is_refused(people, account):
    account.owners.add(people["author"])
    post = draft(people, account)
    services.submit(post, people["author"])
    with pytest.raises(PermissionDenied, match="your own post"):
        services.approve(post, people["author"])
    post.refresh_from_db()
    assert post.status == "submitted"


def test_outsider_cannot_approve_or_draft(people, account):
    post = draft(people, account)
    services.submit(post, people["author"])
    with pytest.raises(PermissionDenied):
        services.approve(post, people["outsider"])
    with pytest.raises(PermissionDenied):
        services.create_post(people["outsider"], [account], SAFE)


def test_risk_warning_routes_to_digital_team(people, account):
    post = draft(people, account, text="Photo taken from Google Images, hope nobody minds")
    services.submit(post, people["author"])
    post.refresh_from_db()
    assert post.route == "digital"
    with pytest.raises(PermissionDenied, match="digital team"):
        services.approve(post, people["owner"])
    services.approve(post, people["digital"])
    assert Post.objects.get(pk=post.pk).status == "scheduled"


def test_block_needs_audited_governance_override_then_governance_approval(people, account):
    post = draft(people, account, text="Thoughts on the election: vote Labour")
    with pytest.raises(ValueError, match="blocking policy findings"):
        services.submit(post, people["author"])
    assert Post.objects.get(pk=post.pk).status == "draft"  # nothing lost
    with pytest.raises(PermissionDenied):
        services.override_block(post, people["digital"], "Because we think it is fine really.")
    services.override_block(post, people["governance"], "Reviewed: the union's own get-out-the-vote campaign.")
    assert AuditEntry.objects.filter(action="post.override_block", object_id=str(post.pk)).exists()
    services.submit(post, people["author"])
    post.refresh_from_db()
    assert post.route == "governance"
    with pytest.raises(PermissionDenied, match="governance"):
        services.approve(post, people["digital"])
    services.approve(post, people["governance"])
    assert Post.objects.get(pk=post.pk).status == "scheduled"


def test_changes_requested_and_comments(people, account):
    post = draft(people, account)
    services.submit(post, people["author"])
    with pytest.raises(ValueError, match="comment is required"):
        services.request_changes(post, people["owner"], "")
    services.request_changes(post, people["owner"], "Add the time of the event.")
    post.refresh_from_db()
    assert post.status == "changes_requested"
    services.add_comment(post, people["author"], "Done, thanks.")
    services.update_post(post, people["author"], text=SAFE + " From 10:00.")
    services.submit(post, people["author"])
    services.reject(Post.objects.get(pk=post.pk), people["owner"], "We posted this already.")
    assert Post.objects.get(pk=post.pk).status == "rejected"
    assert post.comments.count() == 3


def test_one_post_several_accounts_one_delivery_each(people, account, units):
    from townhall.registry.models import Account

    other = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"])
    other.owners.add(people["owner"])
    post = services.create_post(people["author"], [account, other], SAFE)
    assert post.deliveries.count() == 2
    assert len({d.idempotency_key for d in post.deliveries.all()}) == 2


# --- bad input: a clear message and nothing saved or lost ------------------------------------


def test_image_without_alt_text_is_refused(people, account):
    count = Post.objects.count()
    with pytest.raises(ValueError, match="no alt text"):
        draft(people, account, images=[services.ImageInput(PNG, "image/png", "  ")])
    assert Post.objects.count() == count


def test_post_over_the_network_limit_is_refused(people, account):
    with pytest.raises(ValueError, match=r"501 characters as Mastodon counts them; the limit is 500"):
        draft(people, account, text="a" * 501)


def test_time_in_the_past_is_refused(people, account):
    with pytest.raises(ValueError, match="in the past"):
        draft(people, account, scheduled_at="2020-01-01T09:00")
    post = draft(people, account)
    with pytest.raises(ValueError, match="in the past"):
        services.update_post(post, people["author"], scheduled_at="2020-01-01T09:00")
    assert Post.objects.get(pk=post.pk).scheduled_at is None


def test_schedule_in_author_time_zone_stored_utc(people, account):
    people["author"].time_zone = "America/New_York"
    people["author"].save()
    when = (timezone.now() + timedelta(days=30)).astimezone(timezone.get_fixed_timezone(0))
    local = when.strftime("%Y-%m-%dT10:00")
    post = draft(people, account, scheduled_at=local)
    from zoneinfo import ZoneInfo

    assert post.scheduled_at.astimezone(ZoneInfo("America/New_York")).hour == 10
    assert post.time_zone == "America/New_York"


def test_bad_time_string_says_how(people, account):
    with pytest.raises(ValueError, match="ISO 8601"):
        draft(people, account, scheduled_at="next tuesday")


def test_edit_after_submission_is_refused(people, account):
    post = draft(people, account)
    services.submit(post, people["author"])
    with pytest.raises(ValueError, match="can no longer be edited"):
        services.update_post(post, people["author"], text="changed")
    # unchanged apart from its link, which became a tracked short link on submit (townhall/links)
    assert Post.objects.get(pk=post.pk).text.startswith(SAFE.split("https://")[0])


def test_thread_parts_each_checked(people, account):
    post = draft(people, account, thread=["Part two, with more detail."])
    assert post.parts == [SAFE, "Part two, with more detail."]
    with pytest.raises(ValueError, match="Part 2 of the thread"):
        draft(people, account, thread=["b" * 600])


def test_delivery_states_exist():
    assert {"pending", "scheduled", "publishing", "published", "failed"} <= set(Delivery.Status.values)
