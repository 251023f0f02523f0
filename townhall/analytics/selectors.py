"""Progress against objectives: totals, pace and a verdict people can act on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from townhall.analytics.models import SOURCE_RANK, FollowerCount, Measurement, Metric, Objective
from townhall.core.permissions import can


@dataclass
class Progress:
    objective: Objective
    total: int
    expected_by_now: float
    fraction: float  # of target
    status: str  # "achieved", "on track", "behind", "not started", "ended short"
    series: list[tuple[date, int]]  # cumulative by day

    @property
    def percent(self) -> int:
        return round(self.fraction * 100)


def visible_objectives(user: Any) -> QuerySet[Objective]:
    qs = Objective.objects.select_related("account", "org_unit")
    if can(user, "analytics.view"):
        return qs
    return qs.filter(Q(account__owners=user)).distinct()


def derived_daily(objective: Objective) -> dict[str, dict[date, int]]:
    """Figures Townhall measures by itself, read live (never typed in):

    - referrals: clicks by people (not bots or link previews) on tracked links of the objective's
      campaign, else its account, else its unit; only links to the tracked page when one is set;
    - followers: the rise in the account's follower count since the previous day fetched."""
    from townhall.links.selectors import human_clicks

    out: dict[str, dict[date, int]] = {}
    if objective.metric == Metric.REFERRALS:
        if objective.campaign_id:
            scope = Q(link__campaign_id=objective.campaign_id)
        elif objective.account_id:
            scope = Q(link__account_id=objective.account_id)
        else:
            scope = Q(link__org_unit_id=objective.org_unit_id)
        if objective.tracked_url:
            scope &= Q(link__target__startswith=objective.tracked_url.split("?")[0])
        out["links"] = human_clicks(scope, objective.period_start, objective.period_end)
    elif objective.metric == Metric.FOLLOWERS and objective.account_id:
        counts = list(FollowerCount.objects.filter(
            account_id=objective.account_id, day__gte=objective.period_start - timedelta(days=31),
            day__lte=objective.period_end).values_list("day", "followers"))
        rises: dict[date, int] = {}
        for (_, before), (day, after) in pairwise(counts):
            if day >= objective.period_start:
                rises[day] = max(0, after - before)
        out["connector"] = rises
    return out


def daily(objective: Objective) -> dict[date, tuple[int, str]]:
    """One figure per day, never a sum of sources: the most trusted source present wins
    (models.SOURCE_RANK: entered by hand > imported > counted or fetched by Townhall); within
    a tier, the most recently recorded."""
    chosen: dict[date, tuple[int, str, int]] = {}
    for m in Measurement.objects.filter(objective=objective).order_by("date", "recorded_at", "pk"):
        rank = SOURCE_RANK.get(m.source, 9)
        current = chosen.get(m.date)
        if current is None or rank <= current[2]:
            chosen[m.date] = (m.value, m.source, rank)
    for source, days in derived_daily(objective).items():
        rank = SOURCE_RANK[source]
        for day, value in days.items():
            current = chosen.get(day)
            if current is None or rank < current[2]:
                chosen[day] = (value, source, rank)
    return {day: (value, source) for day, (value, source, _) in sorted(chosen.items())}


def progress(objective: Objective, today: date | None = None) -> Progress:
    today = today or timezone.localdate()
    series, running = [], 0
    for day, (value, _source) in daily(objective).items():
        running += value
        series.append((day, running))
    total = running
    span = (objective.period_end - objective.period_start).days + 1
    elapsed = min(max((today - objective.period_start).days + 1, 0), span)
    expected = objective.target * elapsed / span
    fraction = total / objective.target if objective.target else 0.0
    if total >= objective.target:
        status = "achieved"
    elif today < objective.period_start:
        status = "not started"
    elif today > objective.period_end:
        status = "ended short"
    elif total >= expected * 0.9:
        status = "on track"
    else:
        status = "behind"
    return Progress(objective, total, expected, fraction, status, series)


def sparkline_points(series: list[tuple[date, int]], start: date, end: date, target: int,
                     width: int = 300, height: int = 60) -> str:
    """SVG polyline points for cumulative progress, scaled so the target is the top edge."""
    if not series:
        return ""
    days = max((end - start).days, 1)
    top = max(target, series[-1][1], 1)
    points = []
    for day, value in series:
        x = (day - start).days / days * width
        y = height - value / top * height
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


def dashboard_cards(user: Any) -> list[dict[str, Any]]:
    objectives = visible_objectives(user).filter(period_end__gte=timezone.localdate() - timedelta(days=30))
    results = [progress(o) for o in objectives[:50]]
    if not results:
        return []
    behind = sum(1 for p in results if p.status in ("behind", "ended short"))
    return [
        {
            "title": "Objectives",
            "value": f"{len(results) - behind}/{len(results)}",
            "note": "on track or achieved" + (f"; {behind} behind" if behind else ""),
            "url": "/analytics/",
            "link": "Review progress",
        }
    ]


def visible_accounts(user: Any):
    """Accounts whose analytics this person may see: all for oversight roles, else their own."""
    from townhall.registry.models import Account

    qs = Account.objects.exclude(status="archived")
    if can(user, "listening.view"):
        return qs
    return qs.filter(owners=user).distinct()


def may_see_campaigns(user: Any) -> bool:
    """Campaign pages show every post's reach and every link's clicks across units: for the
    people who may report on a campaign (listening.view, as `views._report_scopes` offers them)
    and those who run campaigns."""
    return can(user, "listening.view") or can(user, "campaign.manage")
