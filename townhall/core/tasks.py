from datetime import timedelta

from django.tasks import TaskContext, task

from townhall.core.periodic import periodic
from townhall.core.services import prune_login_failures


@periodic(every=timedelta(hours=1))
@task()
def prune_old_login_failures() -> int:
    """Failed sign-ins are personal data: keep them only as long as throttling needs them."""
    return prune_login_failures()


@task(takes_context=True)
def send_notification_email(context: TaskContext, user_ids: list[int], subject: str, body: str, url: str = "",
                            security: bool = False) -> int:
    """E-mail copies of a notification (queued by core.mail.email_people after commit).

    Each person's message is recorded as sent under this task's id, so a try after an SMTP
    failure, or after the worker died, mails only those not mailed yet; an SMTP failure is tried
    again later (core.worker.Retry, bounded) rather than losing the message."""
    from townhall.core.mail import send_now

    return send_now(user_ids, subject, body, url, security=security, task_id=context.task_result.id)


@periodic(every=timedelta(days=1))
@task()
def prune_task_steps() -> int:
    """Forget which steps of long-finished tasks were done (core.worker.once)."""
    from django.utils import timezone

    from townhall.core.models import TaskStep

    return TaskStep.objects.filter(done_at__lt=timezone.now() - timedelta(days=30)).delete()[0]


@task(takes_context=True)
def send_address_email(context: TaskContext, address: str, subject: str, body: str, url: str = "") -> int:
    """One e-mail to an address outside Townhall (core.mail.email_address), sent once per task and
    tried again later when the mail server fails (core.worker.Retry, bounded)."""
    from townhall.core.mail import send_to_address

    return send_to_address(address, subject, body, url, task_id=context.task_result.id)


FINISHED_TASKS_KEPT = timedelta(days=30)


@periodic(every=timedelta(days=1))
@task()
def prune_finished_tasks(batch: int = 5000) -> int:
    """Delete finished task rows (successful or failed) older than 30 days, in batches.

    Why: the queue table otherwise grows by every task ever run (several a minute, for good), and
    the scheduler's "is a copy still waiting or running" check and the status page read it. A
    failure stays visible on the status page for its day and in the logs; 30 days is ample to look."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - FINISHED_TASKS_KEPT
    old = DBTaskResult.objects.filter(status__in=["SUCCESSFUL", "FAILED"], finished_at__lt=cutoff)
    total = 0
    while ids := list(old.values_list("pk", flat=True)[:batch]):
        total += DBTaskResult.objects.filter(pk__in=ids).delete()[0]
    return total
