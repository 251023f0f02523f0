"""Objectives and measurements: creation, recording, CSV import, tracked links. All audited."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.db import transaction

from townhall.analytics.importers import MAX_COUNT  # a measurement is a 32-bit integer column
from townhall.analytics.models import Measurement, Metric, Objective
from townhall.audit.services import record, snapshot
from townhall.core.permissions import require

MAX_IMPORT_ROWS = 50_000


def _require_manage(user: Any, objective: Objective | None, account=None, org_unit=None) -> None:
    target = account or (objective.account if objective else None)
    if target is not None:
        require(user, "account.manage", target)
    else:
        # Unit-wide objectives belong to the digital team.
        require(user, "listening.manage")


def create_objective(
    user: Any,
    *,
    name: str,
    metric: str,
    target: int,
    period_start: date,
    period_end: date,
    org_unit,
    account=None,
    tracked_url: str = "",
    notes: str = "",
    campaign=None,
    web_source: str = "",
    web_site: str = "",
) -> Objective:
    _require_manage(user, None, account=account)
    if metric not in Metric.values:
        raise ValidationError(f"Unknown metric {metric!r}; choose one of {', '.join(Metric.values)}.")
    if target <= 0:
        raise ValidationError("The target must be a positive number.")
    if period_end < period_start:
        raise ValidationError("The period must end on or after the day it starts.")
    if not name.strip():
        raise ValidationError("Give the objective a name people will recognise.")
    if web_source not in ("", "matomo", "plausible"):
        raise ValidationError("Page hits and downloads can be fetched from Matomo or Plausible.")
    if web_source and not web_site.strip():
        raise ValidationError("Say which site in Matomo (its number) or Plausible (its domain) to fetch from.")
    with transaction.atomic():
        objective = Objective.objects.create(
            name=name.strip()[:200], metric=metric, target=target, period_start=period_start,
            period_end=period_end, org_unit=org_unit, account=account, tracked_url=tracked_url,
            notes=notes, created_by=user, campaign=campaign, web_source=web_source, web_site=web_site.strip(),
        )
        record(user, "objective.created", objective, after=snapshot(objective))
    return objective


def record_measurement(
    user: Any, objective: Objective, *, day: date, value: int, source: str = "manual"
) -> Measurement:
    """Set the count for one day (recording the same day again corrects it)."""
    _require_manage(user, objective)
    if value < 0:
        raise ValidationError("A count cannot be negative.")
    if not objective.period_start <= day <= objective.period_end:
        raise ValidationError(
            f"{day:%d %b %Y} is outside the objective's period "
            f"({objective.period_start:%d %b %Y} to {objective.period_end:%d %b %Y})."
        )
    with transaction.atomic():
        existing = Measurement.objects.filter(objective=objective, date=day, source=source).first()
        before = {"value": existing.value} if existing else None
        measurement, _ = Measurement.objects.update_or_create(
            objective=objective, date=day, source=source, defaults={"value": value, "recorded_by": user}
        )
        record(user, "measurement.recorded", objective, before=before,
               after={"date": day.isoformat(), "value": value, "source": source})
    return measurement


def import_csv(user: Any, objective: Objective, text: str) -> int:
    """Import `date,value` rows (a header row is allowed), as exported by web analytics tools.

    The whole file is checked first; if any row is bad nothing is saved and the error names
    the line, so a half-imported month never skews the figures.
    """
    _require_manage(user, objective)
    if text.lstrip().startswith("#"):  # a Google Analytics 4 export starts with '#' comment lines
        return import_ga4_csv(user, objective, text)
    rows: list[tuple[date, int]] = []
    reader = csv.reader(io.StringIO(text))
    for lineno, row in enumerate(reader, start=1):
        if not row or not "".join(row).strip():
            continue
        if lineno == 1 and not row[0].strip()[:1].isdigit():
            continue  # header
        if len(row) < 2:
            raise ValidationError(f"Line {lineno}: expected two columns, date and value.")
        try:
            day = date.fromisoformat(row[0].strip())
        except ValueError:
            raise ValidationError(f"Line {lineno}: {row[0]!r} is not a date like 2026-10-31.") from None
        try:
            value = int(row[1].strip().replace(",", ""))
        except ValueError:
            raise ValidationError(f"Line {lineno}: {row[1]!r} is not a whole number.") from None
        if value < 0:
            raise ValidationError(f"Line {lineno}: a count cannot be negative.")
        if value > MAX_COUNT:
            raise ValidationError(f"Line {lineno}: {value:,} is more than any count Townhall keeps ({MAX_COUNT:,}).")
        if not objective.period_start <= day <= objective.period_end:
            raise ValidationError(f"Line {lineno}: {day} is outside the objective's period.")
        rows.append((day, value))
        if len(rows) > MAX_IMPORT_ROWS:
            raise ValidationError(f"The file has more than {MAX_IMPORT_ROWS} rows; split it.")
    if not rows:
        raise ValidationError("The file has no rows of data.")
    with transaction.atomic():
        for day, value in rows:
            Measurement.objects.update_or_create(
                objective=objective, date=day, source=Measurement.Source.CSV,
                defaults={"value": value, "recorded_by": user},
            )
        record(user, "measurement.imported", objective, after={"rows": len(rows)})
    return len(rows)


def tracked_link(url: str, *, network: str, account_handle: str, campaign: str = "social") -> str:
    """The URL with UTM parameters, so web analytics can attribute referrals to the account.

    Existing query parameters are kept; existing UTM parameters are replaced.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(f"{url!r} is not a web address.")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.startswith("utm_")]
    query += [
        ("utm_source", network),
        ("utm_medium", "social"),
        ("utm_campaign", campaign),
        ("utm_content", account_handle.lstrip("@")),
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def create_campaign(user: Any, *, name: str, org_unit, description: str = "", starts_on=None, ends_on=None):
    """A campaign groups posts, tracked links and objectives (digital team)."""
    from townhall.analytics.models import Campaign

    require(user, "campaign.manage")
    if not name.strip():
        raise ValidationError("Give the campaign a name people will recognise.")
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError("The campaign must end on or after the day it starts.")
    if org_unit is None:
        raise ValidationError("Your profile has no School or department; ask an admin to set one.")
    if Campaign.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError("There is already a campaign with that name.")
    with transaction.atomic():
        campaign = Campaign.objects.create(name=name.strip(), org_unit=org_unit, description=description,
                                           starts_on=starts_on, ends_on=ends_on, created_by=user)
        record(user, "campaign.created", campaign, after=snapshot(campaign))
    return campaign


def add_post_to_campaign(user: Any, campaign, post) -> None:
    """The post joins the campaign; its tracked links count for the campaign from now on."""
    require(user, "campaign.manage")
    from townhall.links.models import Link

    with transaction.atomic():
        campaign.posts.add(post)
        Link.objects.filter(post=post, campaign__isnull=True).update(campaign=campaign)
        record(user, "campaign.post_added", campaign, after={"post": post.pk})


def fetch_followers(now=None) -> dict[str, int]:
    """Today's follower count for every active Bluesky and Mastodon account with credentials.

    One failure never stops the run; the latest fetch of a day replaces the earlier one."""
    import logging

    from django.utils import timezone

    from townhall.analytics.models import FollowerCount
    from townhall.connectors.base import ConnectorError, get_connector
    from townhall.registry.models import Account
    from townhall.registry.vault import read_credentials

    log = logging.getLogger("townhall.analytics")
    now = now or timezone.now()
    day = timezone.localdate(now)
    counts = {"updated": 0, "failed": 0}
    for account in Account.objects.filter(network__in=["bluesky", "mastodon"], status="active"):
        try:
            connector = get_connector(account.network)
            followers = getattr(connector, "followers", None)
            if followers is None:
                continue
            value = int(followers(read_credentials(account)))
        except ConnectorError as exc:
            log.info("followers of %s not fetched: %s", account, exc)
            counts["failed"] += 1
            continue
        except Exception:
            log.warning("followers of %s failed unexpectedly", account, exc_info=True)
            counts["failed"] += 1
            continue
        FollowerCount.objects.update_or_create(account=account, day=day,
                                               defaults={"followers": max(0, value), "fetched_at": now})
        counts["updated"] += 1
    return counts


def import_web_analytics(user: Any, objective: Objective, start: date, end: date) -> int:
    """Fetch the objective's daily figures from its web analytics (Matomo or Plausible) and store
    them as that source's measurement per day; all or nothing. ``user`` None: the schedule."""
    from townhall.analytics.importers import FETCHERS, MAX_DAYS, ImportFailed

    if user is not None:
        _require_manage(user, objective)
    fetch = FETCHERS.get(objective.web_source)
    if fetch is None:
        raise ImportFailed("This objective has no web analytics source (Matomo or Plausible) set.")
    start, end = max(start, objective.period_start), min(end, objective.period_end)
    if end < start:
        return 0
    if (end - start).days > MAX_DAYS:
        raise ImportFailed(f"Ask for at most {MAX_DAYS} days at a time.")
    days = fetch(objective, start, end)  # raises before anything is written
    with transaction.atomic():
        for day, value in days.items():
            Measurement.objects.update_or_create(objective=objective, date=day, source=objective.web_source,
                                                 defaults={"value": value, "recorded_by": user})
        record(user, "measurement.imported", objective,
               after={"source": objective.web_source, "days": len(days), "from": start.isoformat(),
                      "to": end.isoformat()})
    return len(days)


def import_ga4_csv(user: Any, objective: Objective, text: str) -> int:
    from townhall.analytics.importers import ga4_csv

    _require_manage(user, objective)
    rows = ga4_csv(text, objective.period_start, objective.period_end)
    with transaction.atomic():
        for day, value in rows:
            Measurement.objects.update_or_create(objective=objective, date=day, source=Measurement.Source.GA4,
                                                 defaults={"value": value, "recorded_by": user})
        record(user, "measurement.imported", objective, after={"source": "ga4", "rows": len(rows)})
    return len(rows)
