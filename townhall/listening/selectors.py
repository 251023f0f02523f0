"""Reads for listening: dashboard figures, mention lists, home-page cards."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from townhall.core.permissions import can
from townhall.listening.models import Mention, MentionMatch, NeverStore, Notification, SavedSearch

SAMPLE = 5000  # top terms/hashtags are counted over at most this many recent mentions


def period(days: int) -> tuple[datetime, datetime]:
    end = timezone.now()
    return end - timedelta(days=days), end


def volume_by_day(searches: list[SavedSearch], days: int) -> tuple[list[str], list[tuple[str, str, list[int]]]]:
    start, end = period(days)
    tz = timezone.get_current_timezone()
    first = timezone.localtime(start).date()
    dates = [first + timedelta(days=i) for i in range(days + 1)]
    index = {d: i for i, d in enumerate(dates)}
    rows = (
        MentionMatch.objects.filter(search__in=searches, at__gte=start, at__lte=end)
        .annotate(day=TruncDate("at", tzinfo=tz))
        .values("search_id", "day")
        .annotate(n=Count("pk"))
    )
    counts = {s.pk: [0] * len(dates) for s in searches}
    for row in rows:
        i = index.get(row["day"])
        if i is not None:
            counts[row["search_id"]][i] = row["n"]
    labels = [d.strftime("%d %b") for d in dates]
    return labels, [(s.name, s.color, counts[s.pk]) for s in searches]


def sentiment_split(searches: list[SavedSearch], days: int) -> dict[str, int]:
    start, _ = period(days)
    rows = (
        MentionMatch.objects.filter(search__in=searches, at__gte=start)
        .values("sentiment")
        .annotate(n=Count("mention_id", distinct=True))
    )
    out = {"positive": 0, "neutral": 0, "negative": 0}
    for row in rows:
        out[row["sentiment"]] = out.get(row["sentiment"], 0) + row["n"]
    return out


def _recent_mentions(searches: list[SavedSearch], days: int) -> QuerySet[Mention]:
    start, _ = period(days)
    return Mention.objects.filter(matches__search__in=searches, created_at__gte=start).distinct()


def top_terms(searches: list[SavedSearch], days: int, n: int = 10) -> list[tuple[str, int]]:
    counter: Counter[str] = Counter()
    for terms in _recent_mentions(searches, days).values_list("terms", flat=True)[:SAMPLE]:
        for t in terms or []:
            kind, _, value = t.partition(":")
            if kind in ("word", "phrase"):
                counter[value] += 1
            elif kind == "hashtag":
                counter["#" + value] += 1
            elif kind == "handle":
                counter["@" + value] += 1
    return counter.most_common(n)


def top_hashtags(searches: list[SavedSearch], days: int, n: int = 10) -> list[tuple[str, int]]:
    counter: Counter[str] = Counter()
    for tags in _recent_mentions(searches, days).values_list("hashtags", flat=True)[:SAMPLE]:
        counter.update(f"#{t}" for t in set(tags or []))
    return counter.most_common(n)


def top_authors(searches: list[SavedSearch], days: int, n: int = 10) -> list[dict[str, Any]]:
    """Authors by reach (their follower count), with how often they mentioned us."""
    start, _ = period(days)
    ids = MentionMatch.objects.filter(search__in=searches, at__gte=start).values("mention_id")
    return list(
        Mention.objects.filter(pk__in=ids)
        .values("author_handle", "network")
        .annotate(reach=Max("author_followers"), mentions=Count("pk"))
        .order_by("-reach", "-mentions")[:n]
    )


def share_of_voice(searches: list[SavedSearch], days: int) -> list[tuple[str, int, str]]:
    start, _ = period(days)
    counts = dict(
        MentionMatch.objects.filter(search__in=searches, at__gte=start)
        .values_list("search_id")
        .annotate(n=Count("pk"))
        .values_list("search_id", "n")
    )
    return [(s.name, counts.get(s.pk, 0), s.color) for s in searches]


def mentions(params: dict[str, str]) -> QuerySet[Mention]:
    """The mention list, filtered by ?search=&since=&until=&sentiment=&q=&question=."""
    qs = Mention.objects.prefetch_related("searches")
    if params.get("search", "").isdigit():
        qs = qs.filter(matches__search_id=int(params["search"]))
    for key, lookup in (("since", "created_at__gte"), ("until", "created_at__lt")):
        value = params.get(key, "")
        if value:
            parsed = parse_datetime(value.replace(" ", "+"))
            if parsed is None:
                raise ValueError(f"{key} must be a date and time like 2026-03-01T10:00:00+00:00.")
            qs = qs.filter(**{lookup: parsed})
    if params.get("sentiment") in ("positive", "neutral", "negative"):
        qs = qs.filter(sentiment=params["sentiment"])
    if params.get("question") == "1":
        qs = qs.filter(is_question=True)
    if params.get("q"):
        q = params["q"].strip().lstrip("@")
        qs = qs.filter(Q(author_handle__icontains=q) | Q(text__icontains=q))
    return qs.order_by("-created_at").distinct()


def dashboard_cards(user: Any) -> list[dict[str, Any]]:
    cards: list[dict[str, Any]] = []
    if can(user, "listening.view"):
        week = timezone.now() - timedelta(days=7)
        unread = Notification.objects.filter(user=user, read_at__isnull=True).count()
        cards.append(
            {
                "title": "Listening",
                "value": Mention.objects.filter(created_at__gte=week).count(),
                "note": f"mentions in the last 7 days; {unread} unread spike alert{'s' if unread != 1 else ''}",
                "url": reverse("listening:index"),
                "link": "Open the listening dashboard",
            }
        )
    if getattr(user, "is_authenticated", False):
        mine = NeverStore.objects.filter(user=user).count()
        cards.append(
            {
                "title": "Your personal accounts",
                "value": mine,
                "note": "personal handles Townhall will never store posts from",
                "url": reverse("listening:never_store"),
                "link": "Manage your never-to-store list",
            }
        )
    return cards


def status_checks(now: datetime) -> list[dict[str, Any]]:
    """For the system status page: is each active source delivering?"""
    from townhall.listening.models import Source

    out = []
    for source in Source.objects.filter(active=True).exclude(kind=Source.Kind.IMPORT).order_by("name"):
        quiet_after = timedelta(minutes=10 if source.kind == Source.Kind.BLUESKY else max(3 * source.poll_minutes, 15))
        last = source.last_ok_at
        name = f"{source.get_kind_display()}: {source.name}"
        url = reverse("listening:sources")
        if source.last_error:
            out.append({"area": "Listening", "name": name, "state": "warn", "url": url,
                        "detail": f"last error: {source.last_error[:200]}"})
        elif last is None or now - last > quiet_after:
            when = "never" if last is None else f"not since {timezone.localtime(last):%d %b %H:%M}"
            out.append({"area": "Listening", "name": name, "state": "warn", "url": url,
                        "detail": f"no data {when} (is `townhall listen` or the worker running?)"})
        else:
            out.append({"area": "Listening", "name": name, "state": "ok", "url": url,
                        "detail": f"last data {timezone.localtime(last):%d %b %H:%M}"})
    return out
