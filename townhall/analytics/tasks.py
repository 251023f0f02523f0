"""Analytics background work: follower counts once a day; monthly reports on the 1st."""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic


@periodic(every=timedelta(hours=6))
@task()
def fetch_followers() -> dict[str, int]:
    """Every six hours (so a failed fetch is retried the same day); one row per account per day."""
    from townhall.analytics import services

    return services.fetch_followers()


@periodic(every=timedelta(hours=6))
@task()
def send_monthly_reports() -> int:
    """Last month's report for each account (to its owners) and each unit with accounts (to the
    digital team): in the app always, by e-mail when TOWNHALL_SMTP_URL is set. Once per month."""
    from townhall.analytics.monthly import send_due

    return send_due()


@periodic(every=timedelta(hours=12))
@task()
def import_web_analytics() -> dict[str, int]:
    """The last seven days from Matomo or Plausible for every running objective that names one
    (web analytics revise recent days, so they are fetched again); one failure never stops the run."""
    import logging

    from django.utils import timezone

    from townhall.analytics import services
    from townhall.analytics.importers import ImportFailed
    from townhall.analytics.models import Objective

    log = logging.getLogger("townhall.analytics")
    today = timezone.localdate()
    counts = {"imported": 0, "failed": 0}
    for objective in Objective.objects.exclude(web_source="").filter(
            period_start__lte=today, period_end__gte=today - timedelta(days=7)):
        try:
            services.import_web_analytics(None, objective, today - timedelta(days=7), today - timedelta(days=1))
            counts["imported"] += 1
        except ImportFailed as exc:
            log.info("web analytics for %s not imported: %s", objective, exc.messages[0])
            counts["failed"] += 1
    return counts
