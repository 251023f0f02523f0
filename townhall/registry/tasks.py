"""Periodic registry reviews (see `townhall.registry.reminders`)."""

from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic


@periodic(every=timedelta(hours=6))
@task()
def registry_reviews() -> dict:
    """Mark dormant accounts and remind owners about reviews, rotation, owners and security gaps."""
    from townhall.registry.reminders import run_reviews

    return run_reviews()
