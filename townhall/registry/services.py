"""Writes to the registry: connecting accounts, requests and their review, the lifecycle.

Every function here that changes governance state checks permission with `require()`
and writes an audit entry in the same transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from townhall.audit.services import record, snapshot
from townhall.connectors.base import ConnectorError, Credentials, TransientError, get_connector
from townhall.core import outbound
from townhall.core.mail import email_people
from townhall.core.models import OrgUnit
from townhall.core.permissions import can, require
from townhall.registry import handles
from townhall.registry.models import (
    PLAN_AND_SECURITY_FIELDS,
    Account,
    AccountRequest,
    Audience,
    Credential,
    Notice,
    Purpose,
)
from townhall.registry.vault import store_credentials

log = logging.getLogger("townhall.registry")

MIN_OWNERS = 2


class ConnectFailed(ValueError):
    """The network refused or could not check the credentials; `transient` says whether to retry."""

    def __init__(self, message: str, *, transient: bool = False):
        super().__init__(message)
        self.transient = transient


def _may_create_by_connecting(actor: Any, network: str, handle: str) -> bool:
    """New accounts come through a reviewed request; the digital team may connect directly."""
    if can(actor, "account.manage"):  # with no object: the digital team and admins
        return True
    return AccountRequest.objects.filter(
        requested_by=actor, network=network, handle__iexact=handle, status=AccountRequest.Status.APPROVED
    ).exists()


def connect_account(
    *,
    network: str,
    handle: str,
    secret: str,
    service_url: str = "",
    actor: Any,
    org_unit: OrgUnit | None = None,
    kind: str = Credential.Kind.APP_PASSWORD,
) -> Account:
    """Check the credentials with the network, keep them in the vault, create or update the entry.

    The actor becomes an owner; the account is active once it has two owners, pending
    before. Bad input (unknown network, a handle that breaks the network's rules, wrong
    credentials, a weak password) raises ValueError in words and saves nothing.
    """
    network = handles.check_network(network)
    handle = handles.normalise_handle(network, handle)
    service_url = (service_url or "").strip() or handles.default_service_url(network, handle)
    if service_url and not service_url.startswith(("https://", "http://")):
        raise ValueError(f"The service URL {service_url!r} must start with https://.")
    if service_url:
        outbound.check(service_url)  # the credential is sent there: public servers only
    if getattr(actor, "pk", None) is None:
        raise ValueError("Connecting an account needs a named person to act as its owner.")
    existing = Account.objects.filter(network=network, handle=handle).first()
    if existing is not None:
        require(actor, "account.credentials", existing)
        if existing.status == Account.Status.ARCHIVED:
            raise ValueError(f"{existing} is archived; restore it before connecting it again.")
    elif not _may_create_by_connecting(actor, network, handle):
        raise PermissionDenied(
            "You may not do this: new accounts need an approved account request (or the digital team)."
        )
    unit = org_unit or (existing.org_unit if existing else None) or getattr(actor, "org_unit", None)
    if unit is None:
        raise ValueError("Say which School or department owns the account (--unit).")

    try:
        connector = get_connector(network)
    except ConnectorError as exc:
        raise ValueError(exc.reason) from None
    except ImportError:
        raise ValueError(f"Townhall has no connector for {handles.network_label(network)} installed.") from None
    try:
        info = connector.verify_credentials(Credentials(handle=handle, secret=secret, service_url=service_url))
    except TransientError as exc:
        raise ConnectFailed(
            f"Could not reach {handles.network_label(network)} to check the credentials ({exc.reason}); "
            "try again later.",
            transient=True,
        ) from None
    except ConnectorError as exc:
        raise ConnectFailed(
            f"{handles.network_label(network)} did not accept the credentials for {handle}: {exc.reason}"
        ) from None
    if info.handle and not handles.same_account(network, info.handle, handle):
        raise ConnectFailed(
            f"Those credentials belong to {info.handle}, not {handle}: check the handle and the password."
        )

    with transaction.atomic():
        account = Account.objects.select_for_update().filter(pk=existing.pk).first() if existing is not None else None
        before = snapshot(account) if account is not None else None
        if account is None:
            account = Account(network=network, handle=handle, org_unit=unit, created_by=actor)
        account.org_unit = unit
        account.service_url = service_url
        account.display_name = account.display_name or info.display_name or ""
        account.profile_url = info.profile_url or account.profile_url or handles.profile_url(network, handle)
        account.save()
        account.owners.add(actor)
        if account.status != Account.Status.DORMANT:
            enough = account.owners.count() >= MIN_OWNERS
            account.status = Account.Status.ACTIVE if enough else Account.Status.PENDING
            account.save(update_fields=["status", "updated_at"])
        warnings = store_credentials(account, secret, actor=actor, kind=kind)
        record(
            actor,
            "account.connect",
            account,
            before=before,
            after={**snapshot(account), "owners": sorted(account.owners.values_list("pk", flat=True))},
        )
    account.connect_warnings = warnings  # type: ignore[attr-defined]
    log.info("account %s connected by %s", account.pk, actor.get_username())
    return account


# --- Notices -------------------------------------------------------------------------


def notify(user: Any, message: str, *, key: str, url: str = "", account: Account | None = None) -> Notice | None:
    """Leave an in-app notice unless an unread one on the same subject is already waiting."""
    if user is None or not getattr(user, "is_active", False):
        return None
    if Notice.objects.filter(user=user, key=key, read_at__isnull=True).exists():
        return None
    notice = Notice.objects.create(user=user, key=key, message=message, url=url, account=account)
    email_people([user], message, message, url)
    return notice


def mark_notices_read(user: Any, ids: list[int] | None = None) -> int:
    qs = Notice.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


def _account_url(account: Account) -> str:
    try:
        return reverse("registry:detail", args=[account.pk])
    except NoReverseMatch:
        return ""


def _request_url(req: AccountRequest) -> str:
    try:
        return reverse("registry:request-detail", args=[req.pk])
    except NoReverseMatch:
        return ""


# --- Account requests ----------------------------------------------------------------

REQUEST_FIELDS = [
    "org_unit",
    "network",
    "handle",
    "display_name",
    "purpose",
    "audiences",
    "audience_presence",
    "why_not_existing",
    "content_plan",
    "cadence_per_week",
    "runners",
    "hours_per_week",
    "used_personally",
    "personal_experience",
]


def _clean_request(data: dict[str, Any]) -> dict[str, Any]:
    """Validate a request's answers at the edge; every problem is named in one ValueError."""
    out = dict(data)
    problems: list[str] = []
    try:
        out["network"] = handles.check_network(str(data.get("network", "")))
    except ValueError as exc:
        problems.append(str(exc))
    if out.get("handle") and not problems:
        try:
            out["handle"] = handles.normalise_handle(out["network"], out["handle"])
        except ValueError as exc:
            problems.append(str(exc))
    if data.get("purpose") not in Purpose.values:
        problems.append(f"Choose a purpose: one of {', '.join(Purpose.values)}.")
    audiences = data.get("audiences") or []
    if isinstance(audiences, str):
        audiences = [a.strip() for a in audiences.split(",") if a.strip()]
    unknown = [a for a in audiences if a not in Audience.values]
    if not audiences:
        problems.append("Name at least one audience the account is for.")
    elif unknown:
        problems.append(f"Unknown audience(s): {', '.join(unknown)}.")
    out["audiences"] = list(dict.fromkeys(audiences))
    for name, label in [
        ("audience_presence", "where your audience already is"),
        ("why_not_existing", "why the existing accounts will not do"),
        ("content_plan", "the content plan"),
        ("runners", "who will run the account"),
    ]:
        if not str(data.get(name) or "").strip():
            problems.append(f"Tell us {label}.")
    hours = data.get("hours_per_week")
    try:
        hours_value = float(hours)
        if not 0 < hours_value <= 80:
            raise ValueError
    except (TypeError, ValueError):
        problems.append("Say how many hours a week the account will get (more than 0, at most 80).")
    cadence = data.get("cadence_per_week", 3)
    try:
        if not 0 <= int(cadence) <= 100:
            raise ValueError
    except (TypeError, ValueError):
        problems.append("The cadence target is posts per week: a whole number from 0 to 100.")
    if not isinstance(data.get("org_unit"), OrgUnit):
        problems.append("Choose the School or department that will own the account.")
    if problems:
        raise ValueError(" ".join(problems))
    return out


def submit_request(actor: Any, data: dict[str, Any], *, co_owners: list[Any] | None = None) -> AccountRequest:
    """A staff member asks for a new account; the digital team is told."""
    require(actor, "account.request")
    clean = _clean_request(data)
    with transaction.atomic():
        req = AccountRequest(requested_by=actor, **{k: clean[k] for k in REQUEST_FIELDS if k in clean})
        req.save()
        if co_owners:
            req.co_owners.set([u for u in co_owners if u.pk != actor.pk])
        record(actor, "account.request.submit", req, after=snapshot(req))
    for reviewer in _digital_team(exclude=actor):
        notify(
            reviewer,
            f"New account request from {actor.label}: {req}.",
            key=f"request:{req.pk}",
            url=_request_url(req),
        )
    return req


def resubmit_request(actor: Any, req: AccountRequest, data: dict[str, Any]) -> AccountRequest:
    """The requester answers the digital team's questions and sends it back for review."""
    if req.requested_by_id != actor.pk:
        raise PermissionDenied("You may not do this: only the requester can change their request.")
    if req.status != AccountRequest.Status.CHANGES:
        raise ValueError("Only a request the digital team sent back for changes can be resubmitted.")
    merged = {k: getattr(req, k) for k in REQUEST_FIELDS}
    merged.update({k: v for k, v in data.items() if k in REQUEST_FIELDS})
    clean = _clean_request(merged)
    with transaction.atomic():
        before = snapshot(req)
        for k in REQUEST_FIELDS:
            setattr(req, k, clean[k])
        req.status = AccountRequest.Status.SUBMITTED
        req.save()
        record(actor, "account.request.resubmit", req, before=before, after=snapshot(req))
    if req.reviewed_by:
        notify(
            req.reviewed_by,
            f"{actor.label} answered your questions on {req}.",
            key=f"request:{req.pk}",
            url=_request_url(req),
        )
    return req


def withdraw_request(actor: Any, req: AccountRequest) -> AccountRequest:
    if req.requested_by_id != actor.pk:
        raise PermissionDenied("You may not do this: only the requester can withdraw their request.")
    if req.status not in (AccountRequest.Status.SUBMITTED, AccountRequest.Status.CHANGES):
        raise ValueError(f"This request is already {req.get_status_display().lower()}.")
    with transaction.atomic():
        before = snapshot(req, ["status"])
        req.status = AccountRequest.Status.WITHDRAWN
        req.save(update_fields=["status", "updated_at"])
        record(actor, "account.request.withdraw", req, before=before, after=snapshot(req, ["status"]))
    return req


DECISIONS = {
    "approve": AccountRequest.Status.APPROVED,
    "changes": AccountRequest.Status.CHANGES,
    "decline": AccountRequest.Status.DECLINED,
}


def review_request(actor: Any, req: AccountRequest, decision: str, reason: str = "") -> AccountRequest:
    """The digital team approves, asks for changes or declines, with a reason; the requester is told.

    Approval creates the registry entry (pending: it becomes active once it is set up and
    has two owners), owned by the requester and the co-owners they named.
    """
    require(actor, "account.review", req)
    if decision not in DECISIONS:
        raise ValueError(f"Unknown decision {decision!r}; use approve, changes or decline.")
    reason = (reason or "").strip()
    if decision != "approve" and not reason:
        raise ValueError("Give the requester a reason: what to change, or why the request is declined.")
    if req.status != AccountRequest.Status.SUBMITTED:
        raise ValueError(f"This request is {req.get_status_display().lower()}, not awaiting review.")
    with transaction.atomic():
        AccountRequest.objects.select_for_update().filter(pk=req.pk).first()
        req.refresh_from_db()
        if req.status != AccountRequest.Status.SUBMITTED:
            raise ValueError("Someone else has just reviewed this request.")
        before = snapshot(req, ["status", "decision_reason", "reviewed_by", "account"])
        req.status = DECISIONS[decision]
        req.decision_reason = reason
        req.reviewed_by = actor
        req.reviewed_at = timezone.now()
        if decision == "approve":
            req.account = _account_from_request(actor, req)
        req.save()
        record(
            actor,
            f"account.request.{decision}",
            req,
            before=before,
            after=snapshot(req, ["status", "decision_reason", "reviewed_by", "account"]),
        )
    words = {"approve": "approved", "changes": "sent back for changes", "decline": "declined"}[decision]
    message = f"Your request ({req}) was {words} by {actor.label}."
    if reason:
        message += f" Reason: {reason}"
    notify(req.requested_by, message, key=f"request:{req.pk}:{req.status}", url=_request_url(req))
    if decision == "approve" and req.account is not None:
        for co_owner in req.co_owners.exclude(pk=req.requested_by_id):
            notify(
                co_owner,
                f"You are now a named owner of {req.account} ({req.requested_by.label}'s request).",
                key=f"owner:{req.account.pk}",
                url=_account_url(req.account),
                account=req.account,
            )
    return req


def _account_from_request(actor: Any, req: AccountRequest) -> Account:
    handle = req.handle
    if not handle:
        raise ValueError("Agree the handle with the requester before approving: the request has none.")
    if Account.objects.filter(network=req.network, handle=handle).exists():
        raise ValueError(f"{handles.network_label(req.network)} {handle} is already in the registry.")
    account = Account.objects.create(
        network=req.network,
        handle=handle,
        display_name=req.display_name,
        profile_url=handles.profile_url(req.network, handle),
        service_url=handles.default_service_url(req.network, handle),
        org_unit=req.org_unit,
        purpose=req.purpose,
        audiences=req.audiences,
        content_plan=req.content_plan,
        cadence_per_week=req.cadence_per_week,
        status=Account.Status.PENDING,
        status_changed_at=timezone.now(),
        review_date=timezone.localdate() + timedelta(days=365),
        created_by=req.requested_by,
    )
    account.owners.set([req.requested_by, *req.co_owners.all()])
    record(actor, "account.create", account, after={**snapshot(account), "owners": _owner_ids(account)})
    return account


def _digital_team(exclude: Any = None) -> list[Any]:
    from townhall.core.models import User

    qs = User.objects.filter(is_active=True, role__in=["digital", "admin"])
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return list(qs)


def _owner_ids(account: Account) -> list[int]:
    return sorted(account.owners.values_list("pk", flat=True))


# --- Account lifecycle ---------------------------------------------------------------

# Which status may follow which, and the permission each move needs.
TRANSITIONS: dict[tuple[str, str], str] = {
    (Account.Status.PENDING, Account.Status.ACTIVE): "account.manage",
    (Account.Status.ACTIVE, Account.Status.DORMANT): "account.archive",
    (Account.Status.DORMANT, Account.Status.ACTIVE): "account.manage",
    (Account.Status.PENDING, Account.Status.ARCHIVED): "account.archive",
    (Account.Status.ACTIVE, Account.Status.ARCHIVED): "account.archive",
    (Account.Status.DORMANT, Account.Status.ARCHIVED): "account.archive",
}

HANDOVER_CHECKLIST = [
    ("final_post", "A final post tells followers where to find us now"),
    ("bio_updated", "The profile says the account is no longer monitored (or it is deleted)"),
    ("scheduled_cancelled", "Scheduled posts for the account are cancelled"),
    ("content_kept", "Content and analytics worth keeping are exported to the records system"),
    ("password_changed", "The network password is changed and the recovery email is a role mailbox"),
    ("people_told", "Owners, the School and the digital team know it is closed"),
]


def transition(
    actor: Any,
    account: Account,
    to: str,
    *,
    reason: str = "",
    handover: dict[str, bool] | None = None,
    successor: Account | None = None,
) -> Account:
    """Move an account along its lifecycle; the rules are in TRANSITIONS and below.

    Becoming active needs two named owners (no single point of failure). Archiving needs a
    reason and every hand-over item ticked, revokes the vault credentials, and records the
    checklist. `actor=None` is the system (the dormancy task).
    """
    to = str(to)
    key = (account.status, to)
    if key not in TRANSITIONS:
        raise ValueError(
            f"{account} is {account.get_status_display().lower()}; it cannot become "
            f"{Account.Status(to).label.lower() if to in Account.Status.values else to!r}."
        )
    if actor is not None:
        require(actor, TRANSITIONS[key], account)
    reason = (reason or "").strip()
    with transaction.atomic():
        Account.objects.select_for_update().filter(pk=account.pk).first()
        account.refresh_from_db()
        if (account.status, to) != key:
            raise ValueError("The account changed while you were looking at it; reload and try again.")
        before = snapshot(account, ["status", "archive_reason", "handover", "successor"])
        if to == Account.Status.ACTIVE and account.owners.count() < MIN_OWNERS:
            raise ValueError(
                f"{account} has {_owners(account.owners.count())}; name at least {MIN_OWNERS} before it "
                "becomes active, so it never depends on one person."
            )
        if to == Account.Status.ARCHIVED:
            if not reason:
                raise ValueError("Say why the account is being archived.")
            ticks = {code: bool((handover or {}).get(code)) for code, _ in HANDOVER_CHECKLIST}
            missing = [label for code, label in HANDOVER_CHECKLIST if not ticks[code]]
            if missing:
                raise ValueError("Finish the hand-over first: " + "; ".join(missing) + ".")
            if successor is not None and successor.pk == account.pk:
                raise ValueError("An account cannot hand over to itself.")
            account.handover = ticks
            account.archive_reason = reason
            account.archived_at = timezone.now()
            account.successor = successor
            from townhall.registry.vault import revoke_credentials

            revoke_credentials(account, actor=actor)
        account.status = to
        account.status_changed_at = timezone.now()
        account.save()
        after = snapshot(account, ["status", "archive_reason", "handover", "successor"])
        if reason:
            after["reason"] = reason
        record(actor, f"account.{to}", account, before=before, after=after)
    for owner in account.owners.all():
        if actor is None or owner.pk != actor.pk:
            notify(
                owner,
                f"{account} is now {account.get_status_display().lower()}." + (f" {reason}" if reason else ""),
                key=f"status:{account.pk}:{to}",
                url=_account_url(account),
                account=account,
            )
    return account


def set_owners(actor: Any, account: Account, owners: list[Any]) -> Account:
    """Replace the named owners; an active or dormant account keeps at least two."""
    require(actor, "account.manage", account)
    owners = list({u.pk: u for u in owners if u is not None}.values())
    if account.status in (Account.Status.ACTIVE, Account.Status.DORMANT) and len(owners) < MIN_OWNERS:
        raise ValueError(f"An {account.get_status_display().lower()} account needs at least {MIN_OWNERS} owners.")
    inactive = [u.username for u in owners if not u.is_active]
    if inactive:
        raise ValueError(f"These people cannot own an account (deactivated): {', '.join(inactive)}.")
    with transaction.atomic():
        before = _owner_ids(account)
        account.owners.set(owners)
        record(actor, "account.owners", account, before={"owners": before}, after={"owners": _owner_ids(account)})
    return account


EDITABLE_FIELDS = ["display_name", "profile_url", "org_unit", "purpose", *PLAN_AND_SECURITY_FIELDS]


def update_account(actor: Any, account: Account, changes: dict[str, Any]) -> Account:
    """Edit the plan, cadence and security checklist; validation errors name every problem."""
    require(actor, "account.manage", account)
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise ValueError(f"These fields cannot be changed here: {', '.join(unknown)}.")
    if "audiences" in changes:
        bad = [a for a in changes["audiences"] or [] if a not in Audience.values]
        if bad:
            raise ValueError(f"Unknown audience(s): {', '.join(map(str, bad))}.")
    with transaction.atomic():
        Account.objects.select_for_update().filter(pk=account.pk).first()
        account.refresh_from_db()
        before = snapshot(account, list(changes))
        for name, value in changes.items():
            setattr(account, name, value)
        try:
            account.full_clean(exclude=["owners"], validate_unique=False)
        except ValidationError as exc:
            account.refresh_from_db()
            raise ValueError(
                " ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
            ) from None
        account.save()
        record(actor, "account.update", account, before=before, after=snapshot(account, list(changes)))
    return account


def _owners(count: int) -> str:
    """'1 owner', '0 owners': counts on screen read as words, not 'owner(s)'."""
    return f"{count} owner" if count == 1 else f"{count} owners"
