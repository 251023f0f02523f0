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
