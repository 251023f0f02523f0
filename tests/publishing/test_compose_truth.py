"""Compose-time truth (issue 15): the live check tells the author what approval would refuse.

The cadence plan at the chosen time and each account's readiness (archived, locked, no stored
sign-in details) show while composing, and approval is refused with the reason when an account
cannot publish, instead of failing after the cool-off."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _bare_account(units, people):
    from townhall.registry.models import Account

    acc = Account.objects.create(network="bluesky", handle="physics-nocreds.bsky.social", org_unit=units["physics"],
                                 status="active", quiet_start=time(0, 0), quiet_end=time(0, 0))
    acc.owners.add(people["owner"])
    return acc


def test_the_live_check_says_an_account_without_credentials_cannot_publish(people, units, account, verified_client):
    bare = _bare_account(units, people)
    client = verified_client(people["owner"])
    html = client.post("/posts/compose/check", {"text": "Open day on Saturday", "accounts": [bare.pk]}).content.decode()
    assert "cannot publish" in html and "no sign-in details stored in the vault" in html
    ok = client.post("/posts/compose/check", {"text": "Open day", "accounts": [account.pk]}).content.decode()
    assert "no sign-in details" not in ok


def test_the_live_check_applies_the_cadence_plan_at_the_chosen_time(people, units, account, verified_client):
    from townhall.publishing import services

    first = services.create_post(people["author"], [account], "Lab tour at noon",
                                 scheduled_at=timezone.now() + timedelta(days=2), time_zone="UTC")
    first.status = "scheduled"
    first.save()
    account.deliveries.filter(post=first).update(due_at=first.scheduled_at, status="scheduled")
    clash = (first.scheduled_at + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M")
    client = verified_client(people["author"])
    html = client.post("/posts/compose/check", {"text": "Another post", "accounts": [account.pk],
                                                "scheduled_at": clash}).content.decode()
    assert "posts must be at least 60 minutes apart" in html and "Next allowed time" in html
    later = (first.scheduled_at + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    html = client.post("/posts/compose/check", {"text": "Another post", "accounts": [account.pk],
                                                "scheduled_at": later}).content.decode()
    assert "minutes apart" not in html


def test_approval_is_refused_with_the_reason_when_an_account_cannot_publish(people, units, account):
    from townhall.publishing import services
    from townhall.publishing.models import Post

    bare = _bare_account(units, people)
    post = services.create_post(people["author"], [bare], "Open day on Saturday")
    services.submit(post, people["author"])
    with pytest.raises(ValueError, match="no sign-in details stored in the vault"):
        services.approve(post, people["owner"])
    assert Post.objects.get(pk=post.pk).status == "submitted"


def test_the_preview_shows_images_by_their_alt_text_and_the_link_card(people, units, account, verified_client):
    bare = _bare_account(units, people)
    html = verified_client(people["owner"]).post("/posts/compose/check", {
        "text": "Our new labs", "accounts": [bare.pk, account.pk], "alt1": "Students at a laser bench",
        "link_uri": "https://www.example.ac.uk/labs", "link_title": "The new physics labs",
    }).content.decode()
    assert html.count("described as “Students at a laser bench”") == 2  # Bluesky and Mastodon
    assert html.count('class="preview-card"') == 1  # only Bluesky shows the link card
    assert "The new physics labs" in html
