"""Demo posts in every state, for the demo accounts (looked up by handle; missing ones skipped).

Nothing here is ever sent: demo accounts have no stored credentials, and the publisher only
picks up deliveries for accounts with credentials; "published" demo posts carry no remote id.
Idempotent: a post whose text already exists is left alone.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from townhall.audit.services import record
from townhall.core.models import User
from townhall.publishing.models import Comment, Delivery, Post
from townhall.registry.models import Account

PHYSICS = ("bluesky", "physics.example.ac.uk")
MAIN = ("bluesky", "example.ac.uk")
NURSING = ("mastodon", "@nursing@mastodon.example.ac.uk")


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    tz = ZoneInfo(settings.TIME_ZONE)
    day = timezone.now().astimezone(tz).date() + timedelta(days=days)
    while day.weekday() >= 5:  # keep demo posts on weekdays
        day += timedelta(days=1 if days >= 0 else -1)
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def load(people: dict[str, User]) -> None:
    accounts = {key: Account.objects.filter(network=key[0], handle=key[1]).first() for key in (PHYSICS, MAIN, NURSING)}
    specs = [
        # (account, author, text, status, when, approver, comment)
        (PHYSICS, "amara", "Draft: our telescope night is back in spring. Details soon!", "draft", None, None, ""),
        (PHYSICS, "amara", "Physics open day on Saturday 10:00–16:00: lab tours, talks and a planetarium show. "
         "Book at https://example.ac.uk/open-day #OpenDay", "submitted", _at(3, 10), None, ""),
        (PHYSICS, "amara", "Congratulations to our second-year students on the robotics prize! #Physics",
         "scheduled", _at(1, 11), "dana", ""),
        (PHYSICS, "amara", "Seminar today at 16:00: quantum sensing for medicine, all welcome.", "published",
         _at(-1, 9, 30), "dana", ""),
        (MAIN, "eli", "Applications for the summer school close on Friday. https://example.ac.uk/summer",
         "scheduled", _at(2, 14), "dana", ""),
        (MAIN, "ben", "Photo taken from Google Images, hope nobody minds: our campus in the snow!", "changes_requested",
         None, None, "Please use a photo from the university image library and credit it."),
        (NURSING, "chen", "Our nursing students visited the community clinic this week.", "published",
         _at(-2, 10), "dana", ""),
        (NURSING, "chen", "Simulation ward open afternoon next Wednesday for prospective students.", "scheduled",
         _at(4, 13), "dana", ""),
    ]
    for key, author_name, text, status, when, approver_name, comment in specs:
        account = accounts.get(key)
        author = people.get(author_name)
        if account is None or author is None or Post.objects.filter(text=text).exists():
            continue
        approver = people.get(approver_name) if approver_name else None
        utc_when = when.astimezone(ZoneInfo("UTC")) if when else None
        post = Post.objects.create(
            created_by=author, org_unit=account.org_unit, text=text, status=status, scheduled_at=utc_when,
            time_zone=author.time_zone, approved_by=approver,
            approved_at=(utc_when - timedelta(hours=20)) if approver and utc_when else None,
            submitted_at=timezone.now() if status != "draft" else None,
            route="digital" if "Google Images" in text else "owners",
        )
        delivery = Delivery(post=post, account=account)
        if status == "scheduled":
            delivery.status, delivery.due_at = Delivery.Status.SCHEDULED, utc_when
        elif status == "published":
            delivery.status, delivery.published_at, delivery.due_at = Delivery.Status.PUBLISHED, utc_when, utc_when
            # What the worker would have fetched from the network (demo accounts are not connected).
            seed = len(text)
            delivery.metrics = {"likes": 12 + seed % 40, "reposts": 3 + seed % 9, "replies": 1 + seed % 6}
            delivery.metrics_at = timezone.now() - timedelta(hours=1)
        delivery.save()
        if comment:
            reviewer = people.get("dana") or author
            Comment.objects.create(post=post, author=reviewer, text=comment)
        record("demo", "post.create", post, after={"status": status, "account": account.pk})
