"""The cadence guard: keep an appropriate level of contact without overdoing it.

Each account's plan (registry `Account`) sets a minimum gap between posts, a maximum per
day and quiet hours. Quiet hours and "per day" are in the institution's time zone
(settings.TIME_ZONE): they describe the audience's day, not the author's. A time that
breaks the plan is refused with the reason and the next time that keeps it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q

from townhall.registry.models import Account

MAX_STEPS = 500


@dataclass(frozen=True)
class CadenceViolation:
    reason: str
    next_allowed: datetime

    def message(self, account: Account, tz: ZoneInfo | None = None) -> str:
        local = self.next_allowed.astimezone(tz or local_zone())
        return (
            f"{account} cadence plan: {self.reason}. Next allowed time: "
            f"{local:%a %d %b %Y %H:%M} ({local.tzname()})."
        )


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def in_quiet_hours(account: Account, moment: datetime) -> bool:
    start, end = account.quiet_start, account.quiet_end
    if start == end:
        return False
    t = moment.astimezone(local_zone()).time()
    if start < end:
        return start <= t < end
    return t >= start or t < end


def _quiet_end_after(account: Account, moment: datetime) -> datetime:
    tz = local_zone()
    local = moment.astimezone(tz)
    candidate = datetime.combine(local.date(), account.quiet_end, tzinfo=tz)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), account.quiet_end, tzinfo=tz)
    return candidate.astimezone(UTC)


def busy_slots(account: Account, *, exclude_post_id: int | None = None) -> list[datetime]:
    """Times the account posts or will post: published, publishing and scheduled deliveries
    (replies to people do not count: the plan paces broadcasting, not answering)."""
    from townhall.publishing.models import Delivery

    qs = Delivery.objects.filter(account=account, post__in_reply_to="").filter(
        Q(status=Delivery.Status.PUBLISHED, published_at__isnull=False)
        | Q(status__in=[Delivery.Status.SCHEDULED, Delivery.Status.PUBLISHING], due_at__isnull=False)
    )
    if exclude_post_id is not None:
        qs = qs.exclude(post_id=exclude_post_id)
    return sorted((d.published_at or d.due_at) for d in qs.only("published_at", "due_at", "status"))


class _Busy:
    """Busy slots indexed for the guard: sorted times (gap checks by bisection) and posts per local day."""

    def __init__(self, slots: list[datetime]) -> None:
        self.tz = local_zone()
        self.slots = sorted(slots)
        self.per_day = Counter(s.astimezone(self.tz).date() for s in self.slots)

    def clashes(self, moment: datetime, gap: timedelta) -> list[datetime]:
        lo = bisect_right(self.slots, moment - gap)
        hi = bisect_left(self.slots, moment + gap)
        return self.slots[lo:hi]

    def day_count(self, moment: datetime) -> int:
        return self.per_day.get(moment.astimezone(self.tz).date(), 0)


def check(
    account: Account, when: datetime, *, exclude_post_id: int | None = None, slots: list[datetime] | None = None
) -> CadenceViolation | None:
    """None when `when` keeps the plan; otherwise the first reason and the next allowed time."""
    busy = _Busy(busy_slots(account, exclude_post_id=exclude_post_id) if slots is None else slots)
    reason = _first_problem(account, when, busy)
    if reason is None:
        return None
    return CadenceViolation(reason, _next_allowed(account, when, busy))


def _first_problem(account: Account, when: datetime, busy: _Busy) -> str | None:
    if in_quiet_hours(account, when):
        return f"quiet hours are {account.quiet_start:%H:%M} to {account.quiet_end:%H:%M}"
    if busy.clashes(when, timedelta(minutes=account.min_gap_minutes)):
        return f"posts must be at least {account.min_gap_minutes} minutes apart"
    if account.max_per_day and busy.day_count(when) >= account.max_per_day:
        return f"at most {account.max_per_day} posts a day"
    return None


def next_allowed(account: Account, when: datetime, *, slots: list[datetime] | None = None) -> datetime:
    """The earliest time at or after `when` that keeps the plan."""
    return _next_allowed(account, when, _Busy(busy_slots(account) if slots is None else slots))


def _next_allowed(account: Account, when: datetime, busy: _Busy) -> datetime:
    tz = busy.tz
    gap = timedelta(minutes=account.min_gap_minutes)
    candidate = when
    for _ in range(MAX_STEPS):
        if in_quiet_hours(account, candidate):
            candidate = _quiet_end_after(account, candidate)
            continue
        clash = busy.clashes(candidate, gap)
        if clash:
            candidate = clash[-1] + gap
            continue
        if account.max_per_day and busy.day_count(candidate) >= account.max_per_day:
            day = candidate.astimezone(tz).date()
            candidate = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz)
            continue
        return candidate
    return candidate
