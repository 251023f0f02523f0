"""Interaction on published posts, fetched from the networks by the worker.

The guidance asks staff to promote interaction rather than broadcast and to review progress;
these counts (likes, reposts, replies, quotes) show which posts started a conversation. Each
published delivery is refreshed for a month after publishing, at most every few hours, a bounded
number per run so that a large backlog never floods a network's rate limits.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from townhall.connectors.base import ConnectorError, get_connector
from townhall.publishing.models import Delivery

log = logging.getLogger("townhall.publishing")

METRIC_KEYS = ("likes", "reposts", "replies", "quotes")
TRACK_FOR = timedelta(days=30)
REFRESH_EVERY = timedelta(hours=3)
MAX_PER_RUN = 200


def due(now: datetime | None = None) -> QuerySet[Delivery]:
    """Published deliveries whose counts are missing or older than REFRESH_EVERY, oldest first."""
    now = now or timezone.now()
    return (
        Delivery.objects.filter(status=Delivery.Status.PUBLISHED, published_at__gte=now - TRACK_FOR)
        .exclude(remote_id="")
        .filter(Q(metrics_at__isnull=True) | Q(metrics_at__lt=now - REFRESH_EVERY))
        .select_related("account")
        .order_by("metrics_at", "published_at")
    )


def clean(raw: dict[str, Any]) -> dict[str, int]:
    """Only the known counts, as non-negative integers (a network may send more, or nulls)."""
    out = {}
    for key in METRIC_KEYS:
        try:
            value = int(raw.get(key) or 0)
        except (TypeError, ValueError):
            value = 0
        if key in raw:
            out[key] = max(0, value)
    return out


def refresh(limit: int = MAX_PER_RUN, now: datetime | None = None) -> dict[str, int]:
    """Fetch counts for up to ``limit`` due deliveries; one failure never stops the run.

    A delivery whose fetch failed is still stamped, so it waits REFRESH_EVERY before the next
    try instead of being asked again every run."""
    from townhall.registry.vault import read_credentials

    now = now or timezone.now()
    counts = {"updated": 0, "failed": 0}
    creds_by_account: dict[int, Any] = {}  # credentials, or the error reading them (asked once a run)
    for delivery in due(now)[:limit]:
        try:
            if delivery.account_id not in creds_by_account:
                try:
                    creds_by_account[delivery.account_id] = read_credentials(delivery.account)
                except ConnectorError as exc:
                    creds_by_account[delivery.account_id] = exc
            creds = creds_by_account[delivery.account_id]
            if isinstance(creds, Exception):
                raise creds.with_traceback(None)  # the same error again, not a growing traceback
            raw = get_connector(delivery.account.network).fetch_metrics(creds, delivery.remote_id)
        except Exception as exc:
            if isinstance(exc, ConnectorError):
                log.info("metrics for delivery %s not fetched: %s", delivery.pk, exc)
            else:
                log.warning("metrics for delivery %s failed unexpectedly", delivery.pk, exc_info=True)
            counts["failed"] += 1
            Delivery.objects.filter(pk=delivery.pk).update(metrics_at=now)
            continue
        Delivery.objects.filter(pk=delivery.pk).update(metrics=clean(raw or {}), metrics_at=now)
        counts["updated"] += 1
    return counts
