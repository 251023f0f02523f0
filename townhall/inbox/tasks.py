from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic
from townhall.inbox.services import reopen_unsent_replies


@periodic(every=timedelta(minutes=5))
@task()
def reopen_conversations_with_unsent_replies() -> int:
    """A reply that was rejected or failed answered nobody: its conversation goes back in the queue."""
    return reopen_unsent_replies()
