"""The registry's periodic reviews: dormancy, review dates, credential rotation, owners, security gaps.

A presence is an ongoing commitment: these checks notice when an account has stopped
being looked after, and tell its owners (and, for missing owners, the digital team)
through in-app notices. Repeated runs do not repeat a notice that is still unread.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from townhall.registry import selectors
from townhall.registry.models import Account
from townhall.registry.services import MIN_OWNERS, _account_url, _digital_team, notify, transition

log = logging.getLogger("townhall.registry.reminders")

CADENCE_WINDOW_DAYS = 28
CADENCE_QUIET_DAYS = 14
CADENCE_FLOOR = 0.25  # "well below target": under a quarter of the planned posts over four weeks


def published_count(account: Account, since: datetime) -> int | None:
    """Posts published from `account` since `since`, if the publishing app records them; else None.

    Looked up softly (publishing is a separate app that may not be installed or may name
    things differently): the first of `publishing.Delivery` / `publishing.Post` with an
    `account` foreign key and a `published_at` timestamp.
    """
    for name in ("Delivery", "Post"):
        try:
            model = apps.get_model("publishing", name)
        except LookupError:
            continue
        names = {f.name for f in model._meta.get_fields()}
        if {"account", "published_at"} <= names:
            return model.objects.filter(account=account, published_at__gte=since).count()
    return None


def dormancy_reason(account: Account, now: datetime) -> str:
    """Why an active account counts as dormant now ('' when it does not)."""
    days = selectors.dormant_after_days()
    since = account.last_posted_at or account.status_changed_at or account.created_at
    if since and now - since > timedelta(days=days):
        if account.last_posted_at:
            return f"No post for {(now - account.last_posted_at).days} days (the limit is {days})."
        return f"Nothing posted in the {(now - since).days} days since it became active (the limit is {days})."
    started = account.status_changed_at or account.created_at
    # Cadence: counted from what Townhall published, but an account that posted natively in
    # the last fortnight (last_posted_at) is not dormant whatever Townhall's count says.
    recent = account.last_posted_at and now - account.last_posted_at <= timedelta(days=CADENCE_QUIET_DAYS)
    if account.cadence_per_week and not recent and started and now - started > timedelta(days=CADENCE_WINDOW_DAYS):
        count = published_count(account, now - timedelta(days=CADENCE_WINDOW_DAYS))
        target = account.cadence_per_week * CADENCE_WINDOW_DAYS / 7
        if count is not None and count < CADENCE_FLOOR * target:
            return (
                f"{count} posts in the last four weeks against a target of {target:.0f}: well below the "
                "planned cadence."
            )
    return ""


def mark_dormant(now: datetime | None = None) -> list[int]:
    now = now or timezone.now()
    moved = []
    for account in Account.objects.filter(status=Account.Status.ACTIVE):
        reason = dormancy_reason(account, now)
        if reason:
            transition(None, account, Account.Status.DORMANT, reason=reason)
            moved.append(account.pk)
    return moved


def remind_owners(now: datetime | None = None) -> dict[str, int]:
    """Review dates due, rotation due, fewer than two owners, security gaps. Returns notices sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = {"review": 0, "rotation": 0, "owners": 0, "security": 0}
    live = Account.objects.exclude(status=Account.Status.ARCHIVED).select_related("org_unit", "credential")
    live = live.prefetch_related("owners")
    people = {e.lower() for e in selectors._people_emails()}
    team = _digital_team()

    def tell(users: list[Any], kind: str, account: Account, message: str, key: str) -> None:
        for user in users:
            if notify(user, message, key=key, url=_account_url(account), account=account):
                sent[kind] += 1

    for account in live:
        owners = list(account.owners.all())
        if account.review_date and account.review_date <= today and account.status != Account.Status.PENDING:
            tell(
                owners,
                "review",
                account,
                f"{account} is due for its review (set for "
                f"{account.review_date:%d %B %Y}): is it still meeting its purpose?",
                f"review:{account.pk}:{account.review_date.isoformat()}",
            )
        items = {i.code: i for i in selectors.security_checklist(account, today=today, people_emails=people)}
        if not items["rotation"].ok and account.status != Account.Status.PENDING:
            tell(owners, "rotation", account, f"{account}: {items['rotation'].advice}", f"rotation:{account.pk}")
        if len(owners) < MIN_OWNERS:
            tell(
                owners + [u for u in team if u not in owners],
                "owners",
                account,
                f"{account} has {len(owners)} owner{'' if len(owners) == 1 else 's'}: name at least {MIN_OWNERS} "
                "so it never depends on one person.",
                f"owners:{account.pk}",
            )
        gaps = [i for code, i in items.items() if not i.ok and code not in ("rotation", "owners")]
        if gaps:
            tell(
                owners,
                "security",
                account,
                f"{account} security checklist: " + " ".join(i.advice for i in gaps),
                f"security:{account.pk}",
            )
    return sent


def stale_pending(now: datetime | None = None, days: int = 30) -> list[Account]:
    """Approved accounts still not set up after `days`: listed for the digital team."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=days)
    return list(
        Account.objects.filter(status=Account.Status.PENDING).filter(
            Q(status_changed_at__lt=cutoff) | Q(status_changed_at__isnull=True, created_at__lt=cutoff)
        )
    )


def run_reviews(now: datetime | None = None) -> dict[str, Any]:
    """Everything the periodic task does, in one call (tests and `worker --burst` use it)."""
    dormant = mark_dormant(now)
    sent = remind_owners(now)
    result = {"dormant": len(dormant), **sent}
    if any(result.values()):
        log.info("registry reviews: %s", result)
    return result
