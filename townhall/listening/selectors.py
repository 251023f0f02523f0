"""Reads for listening: dashboard figures, mention lists, home-page cards."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Exists, Max, OuterRef, Q, QuerySet, Sum
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from townhall.core.permissions import can
from townhall.listening import rollups
from townhall.listening.models import DayCount, Mention, MentionMatch, NeverStore, Notification, SavedSearch


def period(days: int) -> tuple[datetime, datetime]:
    end = timezone.now()
    return end - timedelta(days=days), end


def _ids(searches: list[SavedSearch] | None) -> list[int]:
    """Rollup search ids: one search's own, or 0 for "all searches" (each mention once)."""
    return [rollups.ALL] if searches is None else [s.pk for s in searches]


def _first_day(days: int) -> date:
    return rollups.local_day(timezone.now()) - timedelta(days=days)


def volume_by_day(searches: list[SavedSearch], days: int) -> tuple[list[str], list[tuple[str, str, list[int]]]]:
    """Mentions per day per search (days in the site's time zone), from the rollups."""
    first = _first_day(days)
    dates = [first + timedelta(days=i) for i in range(days + 1)]
    index = {d: i for i, d in enumerate(dates)}
    counts = {s.pk: [0] * len(dates) for s in searches}
    rows = (
        DayCount.objects.filter(search_id__in=[s.pk for s in searches], dim="v", day__gte=first)
        .values("search_id", "day", "n")
    )
    for row in rows:
        i = index.get(row["day"])
        if i is not None:
            counts[row["search_id"]][i] = row["n"]
    labels = [d.strftime("%d %b") for d in dates]
    return labels, [(s.name, s.color, counts[s.pk]) for s in searches]


def _top(dim: str, searches: list[SavedSearch] | None, days: int, n: int) -> list[tuple[str, int]]:
    rows = (
        DayCount.objects.filter(search_id__in=_ids(searches), dim=dim, day__gte=_first_day(days))
        .values("key")
        .annotate(total=Sum("n"))
        .order_by("-total", "key")[:n]
    )
    return [(r["key"], r["total"]) for r in rows]


def sentiment_split(searches: list[SavedSearch] | None, days: int) -> dict[str, int]:
    """Mentions per sentiment; `None` means all searches (each mention counted once)."""
    out = {"positive": 0, "neutral": 0, "negative": 0}
    for key, total in _top("s", searches, days, 10):
        out[key] = out.get(key, 0) + total
    return out


def top_terms(searches: list[SavedSearch] | None, days: int, n: int = 10) -> list[tuple[str, int]]:
    """The matched words, phrases, hashtags and handles, over the whole window."""
    return _top("t", searches, days, n)


def top_hashtags(searches: list[SavedSearch] | None, days: int, n: int = 10) -> list[tuple[str, int]]:
    return _top("h", searches, days, n)


def top_languages(searches: list[SavedSearch] | None, days: int, n: int = 8) -> list[tuple[str, int]]:
    return _top("l", searches, days, n)


def top_authors(searches: list[SavedSearch] | None, days: int, n: int = 10) -> list[dict[str, Any]]:
    """Authors by reach (their highest follower count), with how often they mentioned us."""
    rows = (
        DayCount.objects.filter(search_id__in=_ids(searches), dim="a", day__gte=_first_day(days))
        .values("key")
        .annotate(reach=Max("reach"), mentions=Sum("n"))
        .order_by("-reach", "-mentions", "key")[:n]
    )
    out = []
    for r in rows:
        network, _, handle = r["key"].partition(" ")
        out.append({"author_handle": handle, "network": network, "reach": r["reach"], "mentions": r["mentions"]})
    return out


def share_of_voice(searches: list[SavedSearch], days: int) -> list[tuple[str, int, str]]:
    counts = dict(
        DayCount.objects.filter(search_id__in=[s.pk for s in searches], dim="v", day__gte=_first_day(days))
        .values("search_id")
        .annotate(total=Sum("n"))
        .values_list("search_id", "total")
    )
    return [(s.name, counts.get(s.pk, 0), s.color) for s in searches]


PAGE_SIZE = 50
COUNT_CAP = 10_000  # beyond this the list says "10,000+" instead of counting every row


def text_filter(qs: QuerySet[Mention], q: str) -> QuerySet[Mention]:
    """Text or handle search. PostgreSQL: the full-text GIN index (migration 0003) over the
    words of the text, or the author's handle exactly; SQLite: LIKE (small deployments)."""
    q = q.strip()
    handle = q.lstrip("@").lower()
    if connection.vendor == "postgresql":
        words = [w for w in q.replace("@", " ").split() if w]
        if not words:
            return qs.none()
        fts = RawSQL(
            """to_tsvector('simple', "listening_mention"."text") @@ plainto_tsquery('simple', %s)""",
            (q,),
            output_field=BooleanField(),
        )
        return qs.filter(Q(fts) | Q(author_handle=handle))
    return qs.filter(Q(author_handle__icontains=handle) | Q(text__icontains=q))


# The largest id a database integer column holds: a longer number from an address matches nothing.
MAX_DB_ID = 2**63 - 1


def parse_when(value: str) -> datetime | None:
    """An ISO time from an address ("+" read as a space put back), or None when it cannot be read
    (not a time, or a well-formed day no calendar has, such as 2026-02-30)."""
    try:
        return parse_datetime(value.replace(" ", "+"))
    except ValueError:
        return None


def mentions(params: dict[str, str]) -> QuerySet[Mention]:
    """The mention list, filtered by ?search=&since=&until=&sentiment=&q=&question=, newest first.

    No DISTINCT (a search filter is a semi-join, EXISTS), so the database walks the
    (created_at, id) index and stops after one page.
    """
    qs = Mention.objects.prefetch_related("searches")
    search = params.get("search", "")
    if search.isdigit() and int(search) <= MAX_DB_ID:
        qs = qs.filter(Exists(MentionMatch.objects.filter(mention=OuterRef("pk"), search_id=int(params["search"]))))
    for key, lookup in (("since", "created_at__gte"), ("until", "created_at__lt")):
        value = params.get(key, "")
        if value:
            parsed = parse_when(value)
            if parsed is None:
                raise ValueError(f"{key} must be a date and time like 2026-03-01T10:00:00+00:00.")
            qs = qs.filter(**{lookup: parsed})
    if params.get("sentiment") in ("positive", "neutral", "negative"):
        qs = qs.filter(sentiment=params["sentiment"])
    if params.get("question") == "1":
        qs = qs.filter(is_question=True)
    if params.get("q", "").strip():
        qs = text_filter(qs, params["q"])
    return qs.order_by("-created_at", "-pk")


def mention_cursor(m: Mention) -> str:
    """A page boundary: the mention's time (microseconds since the epoch) and id."""
    return f"{int(m.created_at.timestamp() * 1_000_000)}_{m.pk}"


def _parse_cursor(value: str) -> tuple[datetime, int] | None:
    micros, _, pk = value.partition("_")
    # (bounded: a time past the calendar's end or an id past a database integer is no cursor of ours)
    if not (micros.isdigit() and pk.isdigit() and len(micros) <= 17 and len(pk) <= 18):
        return None
    return datetime.fromtimestamp(int(micros) / 1_000_000, tz=UTC), int(pk)


def older_than(qs: QuerySet[Mention], cursor: str) -> QuerySet[Mention]:
    """The mentions after a cursor in newest-first order (the API's `before=`)."""
    parsed = _parse_cursor(cursor)
    if parsed is None:
        raise ValueError("before must be the cursor of a mention, e.g. 1764680000000000_123.")
    at, pk = parsed
    return qs.filter(Q(created_at__lt=at) | Q(created_at=at, pk__lt=pk), created_at__lte=at)


def keyset_page(qs: QuerySet[Mention], *, before: str = "", after: str = "", size: int = PAGE_SIZE
                ) -> dict[str, Any]:
    """One page of a newest-first mention list, by position rather than offset.

    ``before``: the mentions older than this cursor (the "Older" link); ``after``: the ones
    newer than it ("Newer"). Deep pages cost the same as the first (no OFFSET), and the
    total is counted only up to COUNT_CAP.
    """
    going_back = bool(before) and _parse_cursor(before) is not None
    newer_than = _parse_cursor(after) if after and not going_back else None
    if going_back:
        rows = list(older_than(qs, before)[: size + 1])
        has_newer, has_older = True, len(rows) > size
        rows = rows[:size]
    elif newer_than:
        at, pk = newer_than
        rows = list(qs.filter(Q(created_at__gt=at) | Q(created_at=at, pk__gt=pk), created_at__gte=at)
                    .order_by("created_at", "pk")[: size + 1])
        has_newer, has_older = len(rows) > size, True
        rows = rows[:size][::-1]
    else:
        rows = list(qs[: size + 1])
        has_newer, has_older = False, len(rows) > size
        rows = rows[:size]
    total = qs.order_by()[: COUNT_CAP + 1].count()
    return {
        "items": rows,
        "count": total,
        "count_text": f"{COUNT_CAP:,}+" if total > COUNT_CAP else f"{total:,}",
        "older": mention_cursor(rows[-1]) if rows and has_older else "",
        "newer": mention_cursor(rows[0]) if rows and has_newer else "",
    }


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


def search_checks() -> list[dict[str, Any]]:
    """Saved searches the listener cannot apply are errors on the status page, not log lines:
    the inbox rule (every official account covered?) and any stored query that no longer parses."""
    from townhall.listening.pipeline import official_account_keys
    from townhall.listening.query import QuerySyntaxError, parse

    out: list[dict[str, Any]] = []
    url = reverse("listening:searches")
    keys, unusable = official_account_keys()
    inbox = SavedSearch.objects.filter(system=True, rule=SavedSearch.Rule.OFFICIAL_ACCOUNTS).first()
    name = "Inbox: replies to official accounts"
    if keys and (inbox is None or not inbox.active):
        out.append({"area": "Listening", "name": name, "state": "fail", "url": url,
                    "detail": f"not listening for replies to the {len(keys)} official accounts: the inbox search is "
                              "missing or switched off (the worker's poll_sources task restores it every minute)"})
    elif unusable:
        shown = ", ".join(repr(h) for h in unusable[:5])
        out.append({"area": "Listening", "name": name, "state": "fail", "url": reverse("registry:index"),
                    "detail": f"{len(unusable)} account handle{'s' if len(unusable) != 1 else ''} cannot be listened "
                              f"for ({shown}): fix the handle in the registry"})
    elif keys:
        out.append({"area": "Listening", "name": name, "state": "ok", "url": url,
                    "detail": f"listening for replies to all {len(keys)} official accounts"})
    for search in SavedSearch.objects.filter(active=True, rule=SavedSearch.Rule.QUERY).only("pk", "name", "query"):
        try:
            parse(search.query)
        except QuerySyntaxError as exc:
            out.append({"area": "Listening", "name": f"Saved search: {search.name}", "state": "fail",
                        "url": reverse("listening:search_edit", args=[search.pk]),
                        "detail": f"not applied, its query no longer reads: {exc}"})
    return out


def status_checks(now: datetime) -> list[dict[str, Any]]:
    """For the system status page: can every saved search be applied, and is each active
    source delivering?"""
    from townhall.listening.models import Source

    out = search_checks()
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
