from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic
from townhall.core.services import prune_login_failures


@periodic(every=timedelta(hours=1))
@task()
def prune_old_login_failures() -> int:
    """Failed sign-ins are personal data: keep them only as long as throttling needs them."""
    return prune_login_failures()
