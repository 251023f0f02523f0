"""Reads for the publishing pages, the API and the home page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from townhall.core.permissions import can
from townhall.publishing import services
from townhall.publishing.metrics import METRIC_KEYS
from townhall.publishing.models import Delivery, Notification, Post
from townhall.registry.models import Account


def postable_accounts(user: Any) -> list[Account]:
    """Accounts this person may draft for (owners, their unit, the digital team)."""
    qs = Account.objects.exclude(status=Account.Status.ARCHIVED).select_related("org_unit")
    return [a for a in qs if can(user, "post.create", a)]


def visible_posts(user: Any) -> QuerySet[Post]:
    """Posts a person may see: oversight roles see all; others their own and their accounts'."""
    qs = Post.objects.all()
    if user.has_role("digital", "governance", "admin"):
        return qs
    owned = Account.objects.filter(owners=user).values("pk")
    units = [u.pk for u in user.review_units.all()]
    return qs.filter(
        Q(created_by=user) | Q(deliveries__account__in=owned) | Q(org_unit__in=units) | Q(org_unit__parent__in=units)
    ).distinct()


def engagement(user: Any, days: int = 30) -> list[dict[str, Any]]:
    """Per account, the interaction on posts published in the last ``days`` that the person may
    see: totals, replies per post (the conversation measure), and the post with most replies."""
    from django.utils import timezone

    since = timezone.now() - timedelta(days=days)
    rows: dict[int, dict[str, Any]] = {}
    deliveries = (
        Delivery.objects.filter(post__in=visible_posts(user), status=Delivery.Status.PUBLISHED,
                                published_at__gte=since)
        .select_related("account", "post")
        .order_by("account__handle", "published_at")
    )
    for d in deliveries:
        row = rows.setdefault(d.account_id, {"account": d.account, "posts": 0, "counted": 0, "best": None,
                                             **dict.fromkeys(METRIC_KEYS, 0)})
        row["posts"] += 1
        if d.metrics_at is None or not d.metrics:
            continue
        row["counted"] += 1
        for key in METRIC_KEYS:
            row[key] += int(d.metrics.get(key, 0))
        if d.metrics.get("replies", 0) and (row["best"] is None or d.metrics["replies"] > row["best"][1]):
            row["best"] = (d.post, d.metrics["replies"])
    out = list(rows.values())
    for row in out:
        row["replies_per_post"] = round(row["replies"] / row["counted"], 1) if row["counted"] else None
    return out


def awaiting(user: Any) -> list[Post]:
    """Submitted posts this person may approve."""
    qs = visible_posts(user).filter(status=Post.Status.SUBMITTED).exclude(created_by=user)
    if user.has_role("governance"):
        qs = Post.objects.filter(status=Post.Status.SUBMITTED).exclude(created_by=user)
    return [p for p in qs.select_related("created_by")[:200] if services.can_approve(user, p)]


# Posts the calendar lets you drag to another day (services.reschedule decides in the end).
MOVABLE_STATUSES = {Post.Status.DRAFT, Post.Status.CHANGES, Post.Status.SUBMITTED, Post.Status.APPROVED,
                    Post.Status.SCHEDULED}


def calendar_entries(user: Any, start: datetime, end: datetime, account_id: int | None = None) -> list[dict]:
    """Scheduled and published deliveries (and planned times of posts in review) in [start, end)."""
    tz = ZoneInfo(getattr(user, "time_zone", "") or "Europe/London")
    posts = visible_posts(user)
    deliveries = (
        Delivery.objects.filter(post__in=posts)
        .filter(
            Q(published_at__gte=start, published_at__lt=end)
            | Q(published_at__isnull=True, due_at__gte=start, due_at__lt=end)
            | Q(
                due_at__isnull=True,
                post__scheduled_at__gte=start,
                post__scheduled_at__lt=end,
                post__status__in=[Post.Status.SUBMITTED, Post.Status.DRAFT, Post.Status.APPROVED],
            )
        )
        .select_related("post", "account")
    )
    if account_id:
        deliveries = deliveries.filter(account_id=account_id)
    out = []
    for d in deliveries:
        moment = d.published_at or d.due_at or d.post.scheduled_at
        out.append(
            {
                "when": moment.astimezone(tz),
                "day": moment.astimezone(tz).date(),
                "post": d.post,
                "account": d.account,
                "status": d.status if d.status != Delivery.Status.PENDING else d.post.status,
                "label": d.get_status_display() if d.status != Delivery.Status.PENDING else d.post.get_status_display(),
                "movable": d.post.status in MOVABLE_STATUSES and d.status not in (
                    Delivery.Status.PUBLISHING, Delivery.Status.PUBLISHED),
            }
        )
    out.sort(key=lambda e: e["when"])
    return out


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def unread_notifications(user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, read_at__isnull=True)


def dashboard_cards(user: Any) -> list[dict[str, Any]]:
    cards = []
    waiting = awaiting(user)
    if waiting or user.has_role("digital", "governance", "admin"):
        cards.append(
            {
                "title": "Waiting for your approval",
                "value": len(waiting),
                "note": "posts submitted by others",
                "url": reverse("publishing:index"),
                "link": "Review posts",
            }
        )
    scheduled = visible_posts(user).filter(status__in=[Post.Status.SCHEDULED, Post.Status.PUBLISHING]).count()
    cards.append(
        {
            "title": "Scheduled posts",
            "value": scheduled,
            "note": "approved and waiting to go out",
            "url": reverse("publishing:calendar"),
            "link": "Open the calendar",
        }
    )
    failed = visible_posts(user).filter(status=Post.Status.FAILED).count()
    if failed:
        cards.append(
            {
                "title": "Failed posts",
                "value": failed,
                "note": "they could not go out: open each to see why and try again",
                "url": reverse("publishing:index") + "?status=failed",
                "link": "See failed posts",
            }
        )
    return cards


def status_checks(now: datetime) -> list[dict[str, Any]]:
    """For the system status page: posts that should be out and are not."""
    late = Delivery.objects.filter(status=Delivery.Status.SCHEDULED, due_at__lt=now - timedelta(minutes=10))
    n_late = late.count()
    failed = Delivery.objects.filter(status=Delivery.Status.FAILED, created_at__gte=now - timedelta(days=7)).count()
    calendar = reverse("publishing:calendar")
    detail = "none"
    if n_late:
        # in the reader's zone (the web request activates it; the CLI uses the institution's)
        since = timezone.localtime(late.order_by("due_at").first().due_at)
        detail = f"{n_late}, due since {since:%d %b %H:%M} {since.tzname()}: is the worker running?"
    out = [{"area": "Publishing", "name": "Posts due but not sent", "url": calendar,
            "state": "fail" if n_late else "ok", "detail": detail}]
    out.append({"area": "Publishing", "name": "Failed deliveries, last 7 days", "url": reverse("publishing:index"),
                "state": "warn" if failed else "ok",
                "detail": f"{failed}: open the post to see the network's reason and retry" if failed else "none"})
    return out
