"""Rollups: the dashboard and spike-detection counts, kept up to date as mentions come and go.

Why: a 90-day dashboard over a million mentions cannot re-aggregate every match on each
view (1–3 s measured, issue 13). Instead every stored mention adds to small count tables in
the same transaction as the mention itself, and every deleted mention (retention, erasure,
never-to-store, a deleted search) subtracts the same amounts in the transaction that deletes
it, computed by the same function. A view then reads a few thousand rows whatever the window.

* `HourCount` (search, UTC hour, sentiment): spike detection.
* `DayCount` (search, day in the site's time zone, dimension, value): the dashboard. Days
  before today are compacted to their top values for terms, hashtags, languages (by count)
  and authors (by reach) by `compact()` (hourly task, and after a rebuild or an import).
  Ranking authors by reach stays exact (an author in a window's top 10 by reach is in the
  top 10 of the day it reached that peak); counts of a term or hashtag outside a day's top
  `KEEP` that day are dropped, which cannot change a window's top ten unless it sits just
  below a day's top 50 on most days.

Search id 0 counts each mention once if it matched any search other than the inbox's own,
so "all searches" never double-counts a mention two searches found.

Upserts are raw SQL (`INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n`), which both
PostgreSQL and SQLite (3.24+) accept; the ORM's `bulk_create(update_conflicts=True)` can
only overwrite, not add.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from townhall.listening.bulk import rows_json, select_rows
from townhall.listening.models import DayCount, HourCount, Mention, MentionMatch, SavedSearch

ALL = 0  # the search id of the "any search" rollup
# Values kept per search and past day after compaction, by dimension (authors rank by reach).
KEEP = {"t": 50, "h": 50, "l": 20, "a": 10}
TERM_PREFIX = {"word": "", "phrase": "", "hashtag": "#", "handle": "@"}

HourKey = tuple[int, datetime, str]
DayKey = tuple[int, str, date, str]


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def local_day(moment: datetime, zone: ZoneInfo | None = None) -> date:
    return moment.astimezone(zone or site_zone()).date()


class Deltas:
    """Counts to add (or, with sign -1, subtract), summed per key before touching the database."""

    def __init__(self) -> None:
        self.hours: dict[HourKey, int] = defaultdict(int)
        self.days: dict[DayKey, int] = defaultdict(int)
        self.reach: dict[DayKey, int] = {}
        self.zone = site_zone()

    def add(self, m: Any, search_ids: Iterable[int], system_ids: frozenset[int] | set[int], sign: int = 1) -> None:
        """One mention (a `Mention` or anything with its fields) matched by `search_ids`."""
        ids = list(search_ids)
        if not ids:
            return
        if any(s not in system_ids for s in ids):
            ids.append(ALL)
        hour = m.created_at.astimezone(ZoneInfo("UTC")).replace(minute=0, second=0, microsecond=0)
        day = local_day(m.created_at, self.zone)
        author = f"{m.network} {m.author_handle}"[:320]
        values: list[tuple[str, str]] = [("v", ""), ("s", m.sentiment), ("a", author)]
        if m.lang:
            values.append(("l", m.lang))
        for t in m.terms or ():
            kind, _, value = t.partition(":")
            if kind in TERM_PREFIX:
                values.append(("t", (TERM_PREFIX[kind] + value)[:320]))
        for tag in set(m.hashtags or ()):
            values.append(("h", f"#{tag}"[:320]))
        for sid in ids:
            self.hours[(sid, hour, m.sentiment)] += sign
            for dim, key in values:
                k = (sid, dim, day, key)
                self.days[k] += sign
                if dim == "a" and sign > 0:
                    self.reach[k] = max(self.reach.get(k, 0), m.author_followers or 0)

    def __bool__(self) -> bool:
        return bool(self.hours or self.days)

    def apply(self) -> None:
        """Upsert every delta; then drop rows a subtraction brought to zero."""
        # Sorted, so two listeners storing at once lock the same rows in the same order (no deadlock).
        hours = sorted((sid, hour, sent, n) for (sid, hour, sent), n in self.hours.items() if n)
        days = sorted(
            (sid, dim, day, key, n, self.reach.get((sid, dim, day, key), 0))
            for (sid, dim, day, key), n in self.days.items()
            if n
        )
        _upsert(HourCount, ["search_id", "hour", "sentiment", "n"], ["search_id", "hour", "sentiment"], hours)
        _upsert(DayCount, ["search_id", "dim", "day", "key", "n", "reach"], ["search_id", "dim", "day", "key"], days)
        if any(n < 0 for n in self.hours.values()):
            touched = [k[1] for k in self.hours]
            HourCount.objects.filter(
                n__lte=0, search_id__in={k[0] for k in self.hours}, hour__range=(min(touched), max(touched))
            ).delete()
        if any(n < 0 for n in self.days.values()):
            touched_days = [k[2] for k in self.days]
            DayCount.objects.filter(
                n__lte=0, search_id__in={k[0] for k in self.days}, day__range=(min(touched_days), max(touched_days))
            ).delete()


def _upsert(model: Any, columns: list[str], conflict: list[str], rows: Sequence[tuple], chunk: int = 1000) -> None:
    if not rows:
        return
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    greatest = "GREATEST" if connection.vendor == "postgresql" else "MAX"  # SQLite's 2-argument max()
    sets = [f"{qn('n')} = {table}.{qn('n')} + excluded.{qn('n')}"]
    if "reach" in columns:
        sets.append(f"{qn('reach')} = {greatest}({table}.{qn('reach')}, excluded.{qn('reach')})")
    convert = [
        connection.ops.adapt_datetimefield_value
        if c == "hour"
        else (connection.ops.adapt_datefield_value if c == "day" else None)
        for c in columns
    ]
    conflict_sql = f"ON CONFLICT ({', '.join(qn(c) for c in conflict)}) DO UPDATE SET {', '.join(sets)}"
    if connection.vendor == "postgresql":
        # One JSON parameter for all the rows (see bulk.py: cheaper to send than arrays).
        sql = (
            f"INSERT INTO {table} ({', '.join(qn(c) for c in columns)}) "
            f"{select_rows(model._meta.db_table, columns)} {conflict_sql}"
        )
        # Hours and days as ISO text, each distinct one formatted once (a batch has a handful).
        iso: dict[Any, str] = {}
        stamps = [i for i, c in enumerate(columns) if c in ("hour", "day")]

        def as_json(row: tuple) -> list:
            out = list(row)
            for i in stamps:
                v = out[i]
                text = iso.get(v)
                if text is None:
                    text = iso[v] = v.isoformat()
                out[i] = text
            return out

        with connection.cursor() as cursor:
            for i in range(0, len(rows), 20 * chunk):
                cursor.execute(sql, [rows_json(columns, (as_json(r) for r in rows[i : i + 20 * chunk]))])
        return
    placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for i in range(0, len(rows), chunk):
            part = rows[i : i + chunk]
            sql = (
                f"INSERT INTO {table} ({', '.join(qn(c) for c in columns)}) VALUES "  # noqa: S608 - model names
                f"{', '.join([placeholder] * len(part))} "
                f"{conflict_sql}"
            )
            params: list[Any] = []
            for row in part:
                params.extend(c(v) if c else v for c, v in zip(convert, row, strict=True))
            cursor.execute(sql, params)


def system_search_ids() -> frozenset[int]:
    return frozenset(SavedSearch.objects.filter(system=True).values_list("pk", flat=True))


ROW_FIELDS = (
    "pk",
    "created_at",
    "network",
    "author_handle",
    "author_followers",
    "sentiment",
    "lang",
    "terms",
    "hashtags",
)


def _deltas_for(mention_ids: Sequence[int], sign: int) -> Deltas:
    deltas = Deltas()
    system = system_search_ids()
    matched: dict[int, list[int]] = defaultdict(list)
    for i in range(0, len(mention_ids), 2000):
        for mid, sid in MentionMatch.objects.filter(mention_id__in=mention_ids[i : i + 2000]).values_list(
            "mention_id", "search_id"
        ):
            matched[mid].append(sid)
        for m in Mention.objects.filter(pk__in=mention_ids[i : i + 2000]).only(*ROW_FIELDS):
            deltas.add(m, matched.get(m.pk, ()), system, sign)
    return deltas


def delete_mentions(mention_ids: Sequence[int]) -> int:
    """Delete these mentions and subtract them from the rollups, in one transaction."""
    ids = list(mention_ids)
    if not ids:
        return 0
    with transaction.atomic():
        _deltas_for(ids, -1).apply()
        deleted = 0
        for i in range(0, len(ids), 2000):
            deleted += Mention.objects.filter(pk__in=ids[i : i + 2000]).delete()[1].get(Mention._meta.label, 0)
    return deleted


def subtract_from_all(mention_ids: Sequence[int]) -> None:
    """Take these mentions out of the "any search" counts only (the searches left to match
    them are all system searches, which those counts leave out)."""
    for i in range(0, len(mention_ids), 2000):
        deltas = Deltas()
        for m in Mention.objects.filter(pk__in=mention_ids[i : i + 2000]).only(*ROW_FIELDS):
            deltas.add(m, [ALL], frozenset({ALL}), -1)
        deltas.apply()


def forget_search(search_id: int) -> None:
    """A deleted search's own rows go with it (mentions it shared stay counted under theirs)."""
    HourCount.objects.filter(search_id=search_id).delete()
    DayCount.objects.filter(search_id=search_id).delete()


def clear_all() -> None:
    HourCount.objects.all().delete()
    DayCount.objects.all().delete()


def compact(since: date | None = None, today: date | None = None) -> int:
    """Keep each past day's top values per search (see KEEP); returns rows removed.

    Today is never compacted: its counts are still growing. `since` limits the work to
    recent days (the hourly task passes three days ago; a rebuild passes None: all days).
    """
    today = today or local_day(timezone.now())
    removed = 0
    with connection.cursor() as cursor:
        for dim, keep in KEEP.items():
            order = "reach DESC, n DESC" if dim == "a" else "n DESC"
            params: list[Any] = [dim, connection.ops.adapt_datefield_value(today)]
            window = ""
            if since is not None:
                window = " AND day >= %s"
                params.append(connection.ops.adapt_datefield_value(since))
            cursor.execute(
                "DELETE FROM listening_daycount WHERE id IN (SELECT id FROM ("  # noqa: S608 - constants only
                f"SELECT id, ROW_NUMBER() OVER (PARTITION BY search_id, day ORDER BY {order}, key) AS rn "
                f"FROM listening_daycount WHERE dim = %s AND day < %s{window}) ranked WHERE rn > {int(keep)})",
                params,
            )
            removed += max(cursor.rowcount, 0)
    return removed


def rebuild(batch: int = 5000) -> dict[str, int]:
    """Recompute every rollup from the stored mentions (the `rebuild-rollups` command).

    Mentions are read in time order, so each day's rows are written by the one or two
    batches that cover it (not updated again by every batch), and each finished past day is
    compacted as soon as the reading has moved beyond it.
    """
    system = system_search_ids()
    zone = site_zone()
    today = local_day(timezone.now())
    with transaction.atomic():
        clear_all()
        mentions = removed = 0
        after: tuple[datetime, int] | None = None
        compacted_to: date | None = None
        while True:
            qs = Mention.objects.order_by("created_at", "pk").only(*ROW_FIELDS)
            if after is not None:
                at, pk = after
                qs = qs.filter(Q(created_at__gt=at) | Q(created_at=at, pk__gt=pk), created_at__gte=at)
            rows = list(qs[:batch])
            if not rows:
                break
            ids = [m.pk for m in rows]
            matched: dict[int, list[int]] = defaultdict(list)
            for i in range(0, len(ids), 1000):
                for mid, sid in MentionMatch.objects.filter(mention_id__in=ids[i : i + 1000]).values_list(
                    "mention_id", "search_id"
                ):
                    matched[mid].append(sid)
            deltas = Deltas()
            for m in rows:
                deltas.add(m, matched.get(m.pk, ()), system)
            deltas.apply()
            mentions += len(rows)
            after = (rows[-1].created_at, rows[-1].pk)
            reading = min(local_day(rows[-1].created_at, zone), today)
            if compacted_to is None or reading > compacted_to:
                removed += compact(since=compacted_to, today=reading)  # days wholly read
                compacted_to = reading
        removed += compact()
    return {
        "mentions": mentions,
        "hour_rows": HourCount.objects.count(),
        "day_rows": DayCount.objects.count(),
        "compacted": removed,
    }
