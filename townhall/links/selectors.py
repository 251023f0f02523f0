"""Reading click counts: per link, post, account and campaign, by day; people and bots apart."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet, Sum

from townhall.core.permissions import can
from townhall.links.models import ClickCount, Link


def visible_links(user: Any) -> QuerySet[Link]:
    qs = Link.objects.select_related("account", "campaign", "post")
    if can(user, "analytics.view"):
        return qs
    return qs.filter(Q(account__owners=user) | Q(created_by=user)).distinct()


def stats(link: Link) -> dict[str, Any]:
    """The shape `townhall links stats --format json` prints (scripts depend on it)."""
    by_day: dict[str, dict[str, int]] = {}
    clicks = bots = 0
    referrers: dict[str, int] = {}
    devices: dict[str, int] = {}
    for row in ClickCount.objects.filter(link=link).values("day", "bot", "referrer", "device", "n").order_by("day"):
        cell = by_day.setdefault(row["day"].isoformat(), {"clicks": 0, "bot_clicks": 0})
        if row["bot"]:
            cell["bot_clicks"] += row["n"]
            bots += row["n"]
        else:
            cell["clicks"] += row["n"]
            clicks += row["n"]
            referrers[row["referrer"]] = referrers.get(row["referrer"], 0) + row["n"]
            devices[row["device"]] = devices.get(row["device"], 0) + row["n"]
    return {
        "code": link.code, "target": link.target, "short_url": link.short_url, "clicks": clicks,
        "bot_clicks": bots, "by_day": by_day, "referrers": referrers, "devices": devices,
        "expires_at": link.expires_at.isoformat() if link.expires_at else None,
    }


def human_clicks(filters: Q, start: date | None = None, end: date | None = None) -> dict[date, int]:
    """Clicks by people per day for the links matching `filters` (e.g. Q(link__campaign=c))."""
    qs = ClickCount.objects.filter(filters, bot=False)
    if start:
        qs = qs.filter(day__gte=start)
    if end:
        qs = qs.filter(day__lte=end)
    return {r["day"]: r["total"] for r in qs.values("day").annotate(total=Sum("n")).order_by("day")}


def clicks_by_post(filters: Q, start: date | None = None, end: date | None = None) -> dict[int, tuple[int, int]]:
    """post id -> (people, bots) for tracked links attached to posts."""
    qs = ClickCount.objects.filter(filters, link__post__isnull=False)
    if start:
        qs = qs.filter(day__gte=start)
    if end:
        qs = qs.filter(day__lte=end)
    out: dict[int, list[int]] = {}
    for r in qs.values("link__post_id", "bot").annotate(total=Sum("n")):
        cell = out.setdefault(r["link__post_id"], [0, 0])
        cell[1 if r["bot"] else 0] += r["total"]
    return {k: (v[0], v[1]) for k, v in out.items()}


def link_rows(links) -> list[dict[str, Any]]:
    ids = [link.pk for link in links]
    totals: dict[int, list[int]] = {i: [0, 0] for i in ids}
    for r in ClickCount.objects.filter(link_id__in=ids).values("link_id", "bot").annotate(total=Sum("n")):
        totals[r["link_id"]][1 if r["bot"] else 0] += r["total"]
    return [{"link": link, "clicks": totals[link.pk][0], "bots": totals[link.pk][1]} for link in links]
