"""Periodic incident work: reminders and escalation every 5 minutes, retention once a day."""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic


@periodic(every=timedelta(minutes=5))
@task()
def incident_targets() -> dict[str, int]:
    from townhall.incidents.services import remind_and_escalate

    return remind_and_escalate()


@periodic(every=timedelta(days=1))
@task()
def incident_retention() -> int:
    from townhall.incidents.records import apply_retention

    return apply_retention()
