"""Page hits and downloads from the institution's web analytics: Matomo (Reporting API) and
Plausible (Stats API v1), configured per objective (source, site, page or file address), plus
Google Analytics 4 CSV exports.

Every importer reads the whole answer first and checks it; a malformed, refused or rate-limited
answer raises ImportFailed with a sentence saying what happened, and nothing is saved. Figures
are stored as that source's measurement for the day (replacing its earlier figure for the day,
never added to it); how they combine with other sources is in selectors.daily.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

TIMEOUT = 20
MAX_DAYS = 400


class ImportFailed(ValidationError):
    """The analytics service's answer could not be used; the message says why, in words."""


def _http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, service: str) -> Any:
    if not url.startswith(("https://", "http://")):
        raise ImportFailed(f"The {service} address must start with https://.")
    request = urllib.request.Request(  # noqa: S310 (http(s) only, checked above)
        url, data=data, headers={"User-Agent": "Townhall", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (http(s) from settings)
            body = response.read(5_000_000)
    except urllib.error.HTTPError as exc:
        if exc.code == 429:
            wait = exc.headers.get("Retry-After")
            raise ImportFailed(f"{service} is rate-limiting Townhall (too many requests)"
                               + (f"; try again in {wait} seconds." if wait else "; try again later.")) from None
        if exc.code in (401, 403):
            raise ImportFailed(f"{service} refused the API key or token: check it in the settings.") from None
        raise ImportFailed(f"{service} answered with an error (HTTP {exc.code}).") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise ImportFailed(f"{service} could not be reached ({getattr(exc, 'reason', exc)}).") from None
    try:
        return json.loads(body)
    except ValueError:
        raise ImportFailed(f"{service} sent an answer that is not JSON; nothing was imported.") from None


def _count(value: Any, service: str, day: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or value != int(value):
        raise ImportFailed(f"{service} sent {value!r} for {day}, which is not a count; nothing was imported.")
    return int(value)


def _day(raw: Any, start: date, end: date, service: str) -> date:
    try:
        day = date.fromisoformat(str(raw))
    except ValueError:
        raise ImportFailed(f"{service} sent {raw!r} where a day was expected; nothing was imported.") from None
    if not start <= day <= end:
        raise ImportFailed(f"{service} sent figures for {day}, outside the period asked for; nothing was imported.")
    return day


def matomo(objective, start: date, end: date) -> dict[date, int]:
    """Daily page views (Actions.getPageUrl, nb_hits) or downloads (Actions.getDownload, nb_hits)
    of the objective's address; without an address, visits to the site (VisitsSummary.get)."""
    base, token = settings.TOWNHALL_MATOMO_URL, settings.TOWNHALL_MATOMO_TOKEN
    if not base or not token:
        raise ImportFailed("Matomo is not set up: TOWNHALL_MATOMO_URL and TOWNHALL_MATOMO_TOKEN are needed.")
    params = {"module": "API", "idSite": objective.web_site, "period": "day",
              "date": f"{start:%Y-%m-%d},{end:%Y-%m-%d}", "format": "JSON"}
    if objective.metric == "downloads" and objective.tracked_url:
        params.update(method="Actions.getDownload", downloadUrl=objective.tracked_url)
        key = "nb_hits"
    elif objective.tracked_url:
        params.update(method="Actions.getPageUrl", pageUrl=objective.tracked_url)
        key = "nb_hits"
    else:
        params.update(method="VisitsSummary.get")
        key = "nb_visits"
    # The token goes in the POST body, never in the address (it would end up in server logs).
    answer = _http(f"{base.rstrip('/')}/index.php?{urllib.parse.urlencode(params)}",
                   data=urllib.parse.urlencode({"token_auth": token}).encode(),
                   headers={"Content-Type": "application/x-www-form-urlencoded"}, service="Matomo")
    if isinstance(answer, dict) and answer.get("result") == "error":
        raise ImportFailed(f"Matomo said: {str(answer.get('message', 'an error'))[:200]}")
    if not isinstance(answer, dict):
        raise ImportFailed("Matomo's answer is not a list of days; nothing was imported.")
    out: dict[date, int] = {}
    for raw_day, rows in answer.items():
        day = _day(raw_day, start, end, "Matomo")
        if isinstance(rows, dict):  # VisitsSummary: the metrics of the day
            rows = [rows] if rows else []
        if not isinstance(rows, list):
            raise ImportFailed(f"Matomo's figures for {day} are not a list of rows; nothing was imported.")
        total = 0
        for row in rows:
            if not isinstance(row, dict) or key not in row:
                raise ImportFailed(f"Matomo's row for {day} has no {key}; nothing was imported.")
            total += _count(row[key], "Matomo", str(day))
        out[day] = total
    return out


def plausible(objective, start: date, end: date) -> dict[date, int]:
    """Daily pageviews of the objective's page (filters=event:page==PATH) or file downloads
    (the "File Download" goal with that url), from /api/v1/stats/timeseries."""
    base, key = settings.TOWNHALL_PLAUSIBLE_URL, settings.TOWNHALL_PLAUSIBLE_KEY
    if not key:
        raise ImportFailed("Plausible is not set up: TOWNHALL_PLAUSIBLE_KEY is needed.")
    params = {"site_id": objective.web_site, "period": "custom", "date": f"{start:%Y-%m-%d},{end:%Y-%m-%d}",
              "interval": "date"}
    if objective.metric == "downloads" and objective.tracked_url:
        params.update(metrics="events", filters=f"event:goal==File Download;event:props:url=={objective.tracked_url}")
        metric = "events"
    else:
        params["metrics"] = "pageviews"
        metric = "pageviews"
        if objective.tracked_url:
            path = urllib.parse.urlsplit(objective.tracked_url).path or "/"
            params["filters"] = f"event:page=={path}"
    answer = _http(f"{base.rstrip('/')}/api/v1/stats/timeseries?{urllib.parse.urlencode(params)}",
                   headers={"Authorization": f"Bearer {key}"}, service="Plausible")
    if isinstance(answer, dict) and "error" in answer:
        raise ImportFailed(f"Plausible said: {str(answer['error'])[:200]}")
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list):
        raise ImportFailed("Plausible's answer has no results list; nothing was imported.")
    out: dict[date, int] = {}
    for row in results:
        if not isinstance(row, dict) or "date" not in row or metric not in row:
            raise ImportFailed(f"A row of Plausible's answer has no date or {metric}; nothing was imported.")
        day = _day(row["date"], start, end, "Plausible")
        out[day] = _count(row[metric] if row[metric] is not None else 0, "Plausible", str(day))
    return out


MAX_COUNT = 2**31 - 1  # a measurement is a 32-bit integer column


def ga4_csv(text: str, start: date, end: date) -> list[tuple[date, int]]:
    """A Google Analytics 4 report downloaded as CSV: '#' comment lines, then a header with a Date
    column (YYYYMMDD) and the figure in the next column (Views, Event count, Sessions, …)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header = next(reader, None)
    if not header or "date" not in [h.strip().lower() for h in header] or len(header) < 2:
        raise ImportFailed("This does not look like a Google Analytics export with a Date column.")
    date_col = [h.strip().lower() for h in header].index("date")
    value_col = 1 if date_col == 0 else 0
    rows: list[tuple[date, int]] = []
    for n, row in enumerate(reader, start=2):
        if len(row) <= max(date_col, value_col):
            raise ImportFailed(f"Row {n} of the export has too few columns; nothing was imported.")
        raw = row[date_col].strip()
        try:
            day = datetime.strptime(raw, "%Y%m%d").date() if raw.isdigit() else date.fromisoformat(raw)
        except ValueError:
            raise ImportFailed(f"Row {n}: {raw!r} is not a date; nothing was imported.") from None
        try:
            value = int(float(row[value_col].strip().replace(",", "")))
        except (ValueError, OverflowError):  # "inf" and "nan" are floats, not counts
            raise ImportFailed(f"Row {n}: {row[value_col]!r} is not a number; nothing was imported.") from None
        if value < 0:
            raise ImportFailed(f"Row {n}: a count cannot be negative; nothing was imported.")
        if value > MAX_COUNT:
            raise ImportFailed(f"Row {n}: {value:,} is more than any count Townhall keeps; nothing was imported.")
        if not start <= day <= end:
            raise ImportFailed(f"Row {n}: {day} is outside the objective's period; nothing was imported.")
        rows.append((day, value))
    if not rows:
        raise ImportFailed("The export has no rows of data.")
    return rows


FETCHERS = {"matomo": matomo, "plausible": plausible}
