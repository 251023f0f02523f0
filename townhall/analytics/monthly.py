"""The monthly report schedule: last month's report for each account (to its owners) and each
unit with accounts (to the digital team), once, in the app and by e-mail when SMTP is set."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from townhall.analytics.models import ReportSent
from townhall.core.mail import email_people
from townhall.core.models import User
from townhall.registry.models import Account


def last_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def send_due(today: date | None = None) -> int:
    from townhall.publishing.models import Notification

    today = today or timezone.localdate()
    month = last_month(today)
    team = list(User.objects.filter(role__in=["digital", "admin"], is_active=True))
    jobs: list[tuple[str, str, list]] = []
    units: dict[int, object] = {}
    for account in Account.objects.exclude(status="archived").select_related("org_unit"):
        jobs.append((f"account:{account.pk}", str(account), list(account.owners.filter(is_active=True))))
        if account.org_unit_id:
            units[account.org_unit_id] = account.org_unit
    for unit_id, unit in units.items():
        jobs.append((f"unit:{unit_id}", str(unit), team))
    sent = 0
    for scope, title, people in jobs:
        if not people:
            continue
        url = f"/analytics/report/?scope={scope}&month={month:%Y-%m}"
        message = f"Your social media report for {title}, {month:%B %Y}, is ready: {url}"
        try:
            with transaction.atomic():
                ReportSent.objects.create(month=month, scope=scope)
                Notification.objects.bulk_create([Notification(user=u, message=message[:500]) for u in people])
                email_people(people, f"Social media report: {title}, {month:%B %Y}",
                             f"The monthly report for {title} ({month:%B %Y}) is ready: objectives against "
                             "target, posts and their engagement, clicks and followers. PDF and CSV on the page.",
                             url + "&format=pdf")
        except IntegrityError:
            continue  # already sent this month
        sent += 1
    return sent
