"""Reads for the inbox: the queue a person may see, and response-time figures."""

from __future__ import annotations

from datetime import timedelta
from statistics import median
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from townhall.core.permissions import can
from townhall.inbox.models import Conversation
from townhall.registry.models import Account


def visible_accounts(user: Any) -> QuerySet[Account]:
    """Oversight roles see every account's inbox; others the accounts they own."""
    if sees_every_account(user):
        return Account.objects.all()
    return Account.objects.filter(owners=user)


def sees_every_account(user: Any) -> bool:
    return bool(user.has_role("digital", "governance", "admin"))


def queue(user: Any, *, status: str = "open", account: str = "", mine: bool = False) -> QuerySet[Conversation]:
    """The queue in its order (index `inbox_queue_order`/`inbox_queue_status_order`). Oversight
    roles get no account filter at all: `account IN (every account)` would stop the database
    from reading the queue straight off the index."""
    qs = Conversation.objects.select_related("account", "mention", "assigned_to")
    if not sees_every_account(user):
        qs = qs.filter(account__in=visible_accounts(user))
    if status in Conversation.Status.values:
        qs = qs.filter(status=status)
    if account.isdigit():
        qs = qs.filter(account_id=int(account))
    if mine:
        qs = qs.filter(assigned_to=user)
    return qs.order_by("-needs_reply", "-is_question", "received_at")


def response_stats(user: Any, days: int = 30) -> dict[str, Any]:
    """Time to first response over answered conversations received in the period."""
    since = timezone.now() - timedelta(days=days)
    qs = Conversation.objects.filter(received_at__gte=since)
    if not sees_every_account(user):
        qs = qs.filter(account__in=visible_accounts(user))
    waits = [
        (c.first_response_at - c.received_at).total_seconds() / 3600
        for c in qs.filter(first_response_at__isnull=False).only("first_response_at", "received_at")
    ]
    is_open = Q(status=Conversation.Status.OPEN)
    counts = qs.filter(is_open).aggregate(open=Count("pk"), questions=Count("pk", filter=Q(is_question=True)))
    return {
        "answered": len(waits),
        "open": counts["open"],
        "open_questions": counts["questions"],
        "median_hours": round(median(waits), 1) if waits else None,
        "within_24h": round(100 * sum(1 for w in waits if w <= 24) / len(waits)) if waits else None,
    }


def dashboard_cards(user: Any) -> list[dict[str, Any]]:
    if not (can(user, "inbox.view") or Account.objects.filter(owners=user).exists()):
        return []
    open_qs = Conversation.objects.filter(account__in=visible_accounts(user), status=Conversation.Status.OPEN)
    n = open_qs.count()
    questions = open_qs.filter(Q(is_question=True)).count()
    return [{
        "title": "Engagement inbox",
        "value": n,
        "note": f"conversations waiting for an answer ({questions} question{'s' if questions != 1 else ''})",
        "url": reverse("inbox:index"),
        "link": "Answer people",
    }]
