"""Reads from the registry: who sees which accounts and fields, security scores, dashboard cards.

Visibility follows the permission table: everyone signed in sees the public registry
fields (it is a public inventory: the accounts speak for the institution in public);
owners and the oversight roles also see plans, owners and the security checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from townhall.core.permissions import can
from townhall.registry.models import Account, AccountRequest, Credential, Notice

# Free and personal mail services: a recovery address there belongs to a person, not a role.
PERSONAL_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "live.co.uk",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.net",
        "mail.com",
        "yandex.com",
        "zoho.com",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "talktalk.net",
        "fastmail.com",
    }
)
MAX_PEOPLE_WITH_ACCESS = 4


def rotation_days() -> int:
    return int(settings.TOWNHALL_ROTATION_DAYS)


def dormant_after_days() -> int:
    return int(settings.TOWNHALL_DORMANT_AFTER_DAYS)


@dataclass(frozen=True)
class CheckItem:
    code: str
    label: str
    ok: bool
    weight: int
    advice: str  # what to do when not ok, in words


def recovery_email_problem(email: str, *, people_emails: set[str] | None = None) -> str:
    """Why a recovery address is not a role mailbox ('' when it looks like one)."""
    if not email:
        return "No recovery email recorded: use a shared role mailbox such as socialmedia@ your domain."
    email = email.strip().lower()
    _local, _, domain = email.partition("@")
    if domain in PERSONAL_MAIL_DOMAINS:
        return f"The recovery email is a personal {domain} address: use an institutional role mailbox."
    if people_emails is None:
        from townhall.core.models import User

        people_emails = {e.lower() for e in User.objects.exclude(email="").values_list("email", flat=True)}
    if email in people_emails:
        return "The recovery email is one person's address: if they leave, the account is lost. Use a role mailbox."
    return ""


def last_rotation(account: Account) -> date | None:
    """When the network password last changed: the vault's record or the date an owner gave."""
    dates = []
    cred = _credential(account)
    if cred is not None and cred.is_usable:
        dates.append(timezone.localdate(cred.stored_at))
    if account.credentials_rotated_on:
        dates.append(account.credentials_rotated_on)
    return max(dates) if dates else None


def _credential(account: Account) -> Credential | None:
    try:
        return account.credential
    except Credential.DoesNotExist:
        return None


def security_checklist(account: Account, *, today: date | None = None, people_emails: set[str] | None = None):
    """The checklist items for one account, each with whether it is met and what to do if not."""
    today = today or timezone.localdate()
    cred = _credential(account)
    in_vault = cred is not None and cred.is_usable
    owners = len(account.owners.all())
    rotated = last_rotation(account)
    access = account.people_with_access
    recovery = recovery_email_problem(account.recovery_email, people_emails=people_emails)
    limit = rotation_days()
    return [
        CheckItem(
            "mfa",
            "Multi-factor sign-in on the network",
            account.mfa_enabled,
            25,
            "Turn on two-factor sign-in in the network's security settings.",
        ),
        CheckItem("recovery", "Recovery email is a role mailbox", not recovery, 15, recovery),
        CheckItem(
            "vault",
            "Credentials held in the Townhall vault",
            in_vault,
            20,
            "Connect the account so the password lives in the vault, not in people's inboxes.",
        ),
        CheckItem(
            "owners",
            "At least two named owners",
            owners >= 2,
            10,
            "Name a second owner so the account never depends on one person.",
        ),
        CheckItem(
            "access",
            "Few people with direct access",
            access is not None and 0 < access <= MAX_PEOPLE_WITH_ACCESS,
            10,
            "Record how many people can sign in directly."
            if access is None
            else f"{access} people can sign in directly: keep it to {MAX_PEOPLE_WITH_ACCESS} or fewer; "
            "others can post through Townhall.",
        ),
        CheckItem(
            "rotation",
            f"Password changed in the last {limit} days",
            rotated is not None and (today - rotated).days <= limit,
            20,
            "No password change on record: change it and store the new one in the vault."
            if rotated is None
            else f"The password was last changed on {rotated:%d %B %Y}: change it and store the new one.",
        ),
    ]


def security_score(account: Account, **kwargs: Any) -> int:
    """0 to 100: the weighted share of checklist items that are met."""
    items = security_checklist(account, **kwargs)
    return round(100 * sum(i.weight for i in items if i.ok) / sum(i.weight for i in items))


def score_band(score: int) -> str:
    """The badge class for a score, reusing the severity colours."""
    return "sev-info" if score >= 80 else "sev-warn" if score >= 50 else "sev-block"


def accounts_for(user: Any) -> QuerySet[Account]:
    """Every account (the registry is an inventory); field visibility is decided per account."""
    return Account.objects.select_related("org_unit", "credential").prefetch_related("owners")


def search(
    qs: QuerySet[Account],
    *,
    q: str = "",
    network: str = "",
    status: str = "",
    unit: str = "",
    purpose: str = "",
    owner: Any = None,
    viewer: Any = None,
) -> QuerySet[Account]:
    """Filter the registry list; `unit` (a slug) includes the units below it.

    `q` also searches the content plan, a private field: only of the accounts whose plan the
    `viewer` may read (all for the oversight roles, their own for owners; every account when no
    viewer is named, for the CLI). Matching it for anyone let a staff member guess words of
    another unit's plan one search at a time (review 16)."""
    if q:
        q = q.strip()[:100]
        plan = Q(content_plan__icontains=q)
        if viewer is not None and not can(viewer, "account.view_private"):  # no object: oversight roles
            plan &= Q(pk__in=Account.objects.filter(owners=viewer).values("pk"))
        qs = qs.filter(Q(handle__icontains=q) | Q(display_name__icontains=q) | Q(org_unit__name__icontains=q) | plan)
    if network:
        qs = qs.filter(network=network)
    if status:
        qs = qs.filter(status=status)
    if purpose:
        qs = qs.filter(purpose=purpose)
    if unit:
        qs = qs.filter(Q(org_unit__slug=unit) | Q(org_unit__parent__slug=unit))
    if owner is not None:
        qs = qs.filter(owners=owner)
    return qs


PUBLIC_FIELDS = ("id", "network", "handle", "display_name", "profile_url", "org_unit", "purpose", "status")


def account_row(account: Account, *, private: bool = True, people_emails: set[str] | None = None) -> dict[str, Any]:
    """The account as a plain dict for the CLI, API and CSV: public fields, private ones if allowed."""
    row: dict[str, Any] = {
        "id": account.pk,
        "network": account.network,
        "handle": account.handle,
        "display_name": account.display_name,
        "profile_url": account.profile_url,
        "org_unit": account.org_unit.slug,
        "purpose": account.purpose,
        "status": account.status,
    }
    if not private:
        return row
    cred = _credential(account)
    row.update(
        {
            "service_url": account.service_url,
            "audiences": list(account.audiences or []),
            "owners": sorted(u.username for u in account.owners.all()),
            "content_plan": account.content_plan,
            "cadence_per_week": account.cadence_per_week,
            "min_gap_minutes": account.min_gap_minutes,
            "max_per_day": account.max_per_day,
            "quiet_start": account.quiet_start.strftime("%H:%M"),
            "quiet_end": account.quiet_end.strftime("%H:%M"),
            "review_date": account.review_date.isoformat() if account.review_date else "",
            "last_posted_at": account.last_posted_at.isoformat() if account.last_posted_at else "",
            "mfa_enabled": account.mfa_enabled,
            "recovery_email": account.recovery_email,
            "people_with_access": account.people_with_access,
            "credentials_rotated_on": account.credentials_rotated_on.isoformat()
            if account.credentials_rotated_on
            else "",
            "credentials_in_vault": bool(cred and cred.is_usable),
            "security_score": security_score(account, people_emails=people_emails),
        }
    )
    return row


def can_see_private(user: Any, account: Account) -> bool:
    return can(user, "account.view_private", account)


def requests_for(user: Any) -> QuerySet[AccountRequest]:
    """The digital team (and admins) see every request; others see their own."""
    qs = AccountRequest.objects.select_related("requested_by", "org_unit", "reviewed_by", "account")
    if can(user, "account.review"):
        return qs
    return qs.filter(requested_by=user)


def review_queue() -> QuerySet[AccountRequest]:
    return AccountRequest.objects.filter(status=AccountRequest.Status.SUBMITTED).select_related(
        "requested_by", "org_unit"
    )


def unread_notices(user: Any) -> QuerySet[Notice]:
    return Notice.objects.filter(user=user, read_at__isnull=True)


def _url(name: str, *args: Any) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def dashboard_cards(user: Any) -> list[dict[str, Any]]:
    """Home-page cards: my accounts and their security, requests waiting, my reminders."""
    cards: list[dict[str, Any]] = []
    mine = list(accounts_for(user).filter(owners=user).exclude(status=Account.Status.ARCHIVED))
    if mine:
        people = {e.lower() for e in _people_emails()}
        scores = [security_score(a, people_emails=people) for a in mine]
        weakest = min(scores)
        cards.append(
            {
                "title": "My accounts",
                "value": len(mine),
                "note": f"Lowest security score {weakest}%" if weakest < 100 else "All security checks met",
                "url": _url("registry:index") + "?mine=1" if _url("registry:index") else "",
                "link": "See my accounts",
            }
        )
    if can(user, "account.review"):
        waiting = review_queue().exclude(requested_by=user).count()
        cards.append(
            {
                "title": "Account requests",
                "value": waiting,
                "note": "waiting for the digital team's review",
                "url": _url("registry:requests"),
                "link": "Review requests",
            }
        )
    notices = unread_notices(user).count()
    if notices:
        cards.append(
            {
                "title": "Registry reminders",
                "value": notices,
                "note": "unread decisions and reminders",
                "url": _url("registry:notices"),
                "link": "Read them",
            }
        )
    return cards


def _people_emails() -> list[str]:
    from townhall.core.models import User

    return list(User.objects.exclude(email="").values_list("email", flat=True))


def due_for_review(today: date | None = None) -> QuerySet[Account]:
    today = today or timezone.localdate()
    return Account.objects.filter(status__in=[Account.Status.ACTIVE, Account.Status.DORMANT], review_date__lte=today)


def rotation_due(today: date | None = None) -> list[Account]:
    today = today or timezone.localdate()
    limit = timedelta(days=rotation_days())
    out = []
    for account in accounts_for(None).exclude(status=Account.Status.ARCHIVED):
        rotated = last_rotation(account)
        if rotated is None or today - rotated > limit:
            out.append(account)
    return out
