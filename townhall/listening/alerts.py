"""Spike alerts: volume or negative-sentiment surges against a rolling baseline.

For each active search we count its matches per hour. The window under test is the last
complete hour; the baseline is the same counts over the previous 7 days (168 hours).

* Volume spike: count >= mean + 3 standard deviations, at least twice the mean, and at
  least MIN_VOLUME mentions (so 0 -> 2 at 4 a.m. is not an alert).
* Negative surge: at least MIN_NEGATIVE negative mentions in the window, and a negative
  share at least 20 points above the baseline's negative share and at least 1.5 times it.

Why these: a mean + 3 sigma rule with floors is explainable to the people who get the
alert ("usually 4 an hour, this hour 31"), and robust to quiet searches.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from townhall.core.mail import email_people
from townhall.listening.models import Alert, HourCount, Notification, SavedSearch

BASELINE_HOURS = 24 * 7
MIN_VOLUME = 10
MIN_NEGATIVE = 5
SIGMAS = 3.0


def _hour(dt: datetime) -> datetime:
    return dt.replace(minute=0, second=0, microsecond=0)


def hourly(search_id: int, start: datetime, end: datetime) -> tuple[list[int], list[int]]:
    """(all, negative) counts per hour in [start, end), from the hourly rollup (169 x 3 rows
    at most, however many mentions the search has)."""
    hours = int((end - start).total_seconds() // 3600)
    total, negative = [0] * hours, [0] * hours
    for at, sentiment, n in HourCount.objects.filter(search_id=search_id, hour__gte=start, hour__lt=end).values_list(
        "hour", "sentiment", "n"
    ):
        i = int((at - start).total_seconds() // 3600)
        if 0 <= i < hours:
            total[i] += n
            if sentiment == "negative":
                negative[i] += n
    return total, negative


def evaluate(total: list[int], negative: list[int]) -> list[dict[str, Any]]:
    """Decide on the last element against the ones before it. Pure: unit-tested directly."""
    *base, now = total
    *base_neg, now_neg = negative
    found = []
    if not base:
        return found
    mean = sum(base) / len(base)
    sd = math.sqrt(sum((x - mean) ** 2 for x in base) / len(base))
    if now >= MIN_VOLUME and now >= mean + SIGMAS * sd and now >= 2 * max(mean, 0.5):
        found.append({"kind": "volume", "observed": now, "baseline": round(mean, 2)})
    base_total = sum(base)
    base_share = (sum(base_neg) / base_total) if base_total else 0.0
    share = now_neg / now if now else 0.0
    if now_neg >= MIN_NEGATIVE and share >= base_share + 0.2 and share >= 1.5 * base_share:
        found.append({"kind": "negative", "observed": round(share, 3), "baseline": round(base_share, 3)})
    return found


def detect(now: datetime | None = None, searches=None) -> list[Alert]:
    """Check the last complete hour of every active search; notify owners of new alerts."""
    now = now or timezone.now()
    window_end = _hour(now)
    window_start = window_end - timedelta(hours=1)
    base_start = window_start - timedelta(hours=BASELINE_HOURS)
    made = []
    for search in searches if searches is not None else SavedSearch.objects.filter(active=True):
        total, negative = hourly(search.pk, base_start, window_end)
        for finding in evaluate(total, negative):
            if finding["kind"] == "volume":
                message = (
                    f"{search.name}: {finding['observed']} mentions in the hour to "
                    f"{timezone.localtime(window_end):%H:%M %d %b}, against a usual {finding['baseline']:g}."
                )
            else:
                message = (
                    f"{search.name}: {finding['observed']:.0%} of mentions negative in the hour to "
                    f"{timezone.localtime(window_end):%H:%M %d %b}, against a usual {finding['baseline']:.0%}."
                )
            try:
                with transaction.atomic():
                    alert = Alert.objects.create(
                        search=search, kind=finding["kind"], window_start=window_start, window_end=window_end,
                        observed=finding["observed"], baseline=finding["baseline"], message=message[:300],
                    )
                    owners = list(search.owners.filter(is_active=True))
                    Notification.objects.bulk_create([Notification(user=u, alert=alert) for u in owners])
                    email_people(owners, f"{alert.get_kind_display()}: {search.name}", alert.message,
                                 alert.get_absolute_url())
            except IntegrityError:
                continue  # already alerted for this window
            made.append(alert)
    return made
