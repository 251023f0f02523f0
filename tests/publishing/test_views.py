"""The composer, live check, post page actions and calendar, through the test client."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from townhall.publishing import services
from townhall.publishing.models import Post

from .conftest import PNG

SAFE = "Open day this Saturday at the physics lab! https://example.ac.uk/open"


def test_compose_page_and_live_check(people, account, verified_client):
    client = verified_client(people["author"])
    page = client.get(reverse("publishing:compose"))
    assert page.status_code == 200 and str(account) in page.content.decode()
    live = client.post(
        reverse("publishing:check"),
        {"text": "Thoughts on the election: vote Labour", "accounts": [account.pk]},
        HTTP_HX_REQUEST="true",
    )
    html = live.content.decode()
    assert 'mark class="finding"' in html and "How to fix" in html and "blocking finding" in html
    assert "of 500 characters as Mastodon counts them" in html


def test_compose_submit_creates_post_with_image(people, account, verified_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = verified_client(people["author"])
    response = client.post(
        reverse("publishing:compose"),
        {"text": SAFE, "accounts": [account.pk], "submit": "1", "visibility": "public",
         "image1": SimpleUploadedFile("dot.png", PNG, content_type="image/png"), "alt1": "A dot"},
    )
    post = Post.objects.get()
    assert response.status_code == 302 and post.status == "submitted" and post.images.get().alt == "A dot"


def test_compose_keeps_text_on_error(people, account, verified_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = verified_client(people["author"])
    response = client.post(
        reverse("publishing:compose"),
        {"text": SAFE, "accounts": [account.pk], "image1": SimpleUploadedFile("d.png", PNG), "alt1": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "no alt text" in html and "physics lab" in html
    assert not Post.objects.exists()


def test_approve_and_self_approval_through_the_page(people, account, verified_client, client):
    post = services.create_post(people["author"], [account], SAFE)
    services.submit(post, people["author"])
    author = verified_client(people["author"])
    author.post(reverse("publishing:act", args=[post.pk]), {"action": "approve"})
    assert Post.objects.get(pk=post.pk).status == "submitted"
    client.logout()
    owner = verified_client(people["owner"])
    page = owner.get(reverse("publishing:detail", args=[post.pk]))
    assert "Approve" in page.content.decode()
    owner.post(reverse("publishing:act", args=[post.pk]), {"action": "approve"})
    assert Post.objects.get(pk=post.pk).status == "scheduled"
    owner.post(reverse("publishing:act", args=[post.pk]), {"action": "hold"})
    assert Post.objects.get(pk=post.pk).status == "approved"


def test_calendar_week_and_month(people, account, verified_client):
    when = timezone.now() + timedelta(days=2)
    post = services.create_post(people["author"], [account], SAFE, scheduled_at=when)
    client = verified_client(people["author"])
    for view in ("week", "month"):
        page = client.get(reverse("publishing:calendar"), {"view": view, "date": when.date().isoformat()})
        assert page.status_code == 200
        assert reverse("publishing:detail", args=[post.pk]) in page.content.decode()


def test_index_lists_waiting_posts(people, account, verified_client):
    post = services.create_post(people["author"], [account], SAFE)
    services.submit(post, people["author"])
    page = verified_client(people["owner"]).get(reverse("publishing:index"))
    assert reverse("publishing:detail", args=[post.pk]) in page.content.decode()


def test_outsider_cannot_see_post(people, account, verified_client):
    post = services.create_post(people["author"], [account], SAFE)
    page = verified_client(people["outsider"]).get(reverse("publishing:detail", args=[post.pk]))
    assert page.status_code == 403


def _london(days: int, hour: int, minute: int = 0):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    day = (timezone.now() + timedelta(days=days)).astimezone(ZoneInfo("Europe/London")).date()
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo("Europe/London"))


def test_dragging_a_post_to_another_day_keeps_its_time_of_day(people, account, verified_client):
    from townhall.audit.models import AuditEntry

    post = services.create_post(people["author"], [account], SAFE, scheduled_at=_london(2, 10, 30))
    services.submit(post, people["author"])
    client = verified_client(people["author"])
    page = client.get(reverse("publishing:calendar"), {"date": _london(2, 0).date().isoformat()})
    assert f'data-move-url="{reverse("publishing:move", args=[post.pk])}"' in page.content.decode()
    target = _london(5, 10, 30)
    response = client.post(reverse("publishing:move", args=[post.pk]), {"day": target.date().isoformat()})
    assert response.status_code == 200, response.json()
    post.refresh_from_db()
    assert post.scheduled_at == target
    assert AuditEntry.objects.filter(action="post.reschedule", object_id=str(post.pk)).exists()


def test_a_drop_that_breaks_the_rules_is_refused_and_moves_nothing(people, account, verified_client):
    post = services.create_post(people["author"], [account], SAFE, scheduled_at=_london(2, 10, 30))
    services.create_post(people["author"], [account], "Another post", scheduled_at=_london(4, 10, 45))
    other = Post.objects.exclude(pk=post.pk).get()
    services.submit(other, people["author"])
    services.approve(other, people["owner"])  # scheduled: it now holds its slot
    client = verified_client(people["author"])
    url = reverse("publishing:move", args=[post.pk])
    cadence = client.post(url, {"day": _london(4, 0).date().isoformat()})
    assert cadence.status_code == 400 and "60 minutes apart" in cadence.json()["message"]
    past = client.post(url, {"day": _london(-3, 0).date().isoformat()})
    assert past.status_code == 400 and "past" in past.json()["message"]
    assert client.post(url, {"day": "next tuesday"}).status_code == 400
    assert verified_client(people["outsider"]).post(url, {"day": _london(5, 0).date().isoformat()}).status_code == 404
    post.refresh_from_db()
    assert post.scheduled_at == _london(2, 10, 30)
