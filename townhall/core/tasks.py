from datetime import timedelta

from django.tasks import task

from townhall.core.periodic import periodic
from townhall.core.services import prune_login_failures


@periodic(every=timedelta(hours=1))
@task()
def prune_old_login_failures() -> int:
    """Failed sign-ins are personal data: keep them only as long as throttling needs them."""
    return prune_login_failures()


@task()
def send_notification_email(user_ids: list[int], subject: str, body: str, url: str = "", security: bool = False) -> int:
    """E-mail copies of a notification (queued by core.mail.email_people after commit)."""
    from townhall.core.mail import send_now

    return send_now(user_ids, subject, body, url, security=security)
