from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic


@periodic(every=timedelta(days=1))
@task()
def anchor_audit_trail_daily() -> str:
    """E-mail administrators the audit trail's head once a day (an anchor outside the database)."""
    from townhall.audit.services import daily_anchor

    return daily_anchor()
