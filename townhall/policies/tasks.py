"""Weekly reminders to people who have not acknowledged the current required policy version."""

from __future__ import annotations

from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic


@periodic(every=timedelta(days=1))
@task()
def remind_policy_acknowledgements() -> int:
    from townhall.policies.services import remind_unacknowledged

    return remind_unacknowledged()
