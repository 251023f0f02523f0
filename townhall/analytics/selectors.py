"""Progress against objectives: totals, pace and a verdict people can act on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from townhall.analytics.models import Measurement, Objective
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


def progress(objective: Objective, today: date | None = None) -> Progress:
    today = today or timezone.localdate()
    daily: dict[date, int] = {}
    rows = (
        Measurement.objects.filter(objective=objective).values("date").annotate(total=Sum("value")).order_by("date")
    )
    for row in rows:
        daily[row["date"]] = row["total"]
    series, running = [], 0
    for day in sorted(daily):
        running += daily[day]
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
