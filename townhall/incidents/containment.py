"""Containment: pause all publishing, lock an official account, delete a published post.

Why here and not in publishing: these are the governance office's emergency brakes, used while
an incident is handled. The publisher only asks two questions of this module (`hold_reason`
when a delivery is claimed and again right before the network call), so the exactly-once
protocol in `publishing/publisher.py` is unchanged: a held delivery is handed back untouched
(same key, same recorded parts) and goes out once after the release.

Every action is audited and permission-checked (`publishing.pause`, `account.lock`,
`post.delete_published` in core/permissions.py). Errors a person can fix are `ValidationError`
with the reason in words; the CLI and the API print that reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import IntegerField, Q, Value
from django.urls import reverse
from django.utils import timezone

from townhall.audit.services import record
from townhall.core import locks
from townhall.core.mail import email_people
from townhall.core.permissions import require
from townhall.incidents.models import AccountLock, PostRemoval, PublishingPause
from townhall.publishing.models import Delivery, Post
from townhall.registry.models import Account, Notice

log = logging.getLogger("townhall.incidents.containment")


class Held(Exception):
    """Raised by the publisher's last check: the delivery must not be sent now."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- what the publisher asks ---------------------------------------------------------------


def active_pause() -> PublishingPause | None:
    return PublishingPause.objects.filter(resumed_at__isnull=True).select_related("paused_by").first()


def active_lock(account_id: int) -> AccountLock | None:
    return AccountLock.objects.filter(account_id=account_id, unlocked_at__isnull=True).first()


def held_filter() -> Q:
    """A Q over Delivery that excludes what must not be sent now (used where deliveries are picked)."""
    if PublishingPause.objects.filter(resumed_at__isnull=True).exists():
        return Q(pk__in=[])
    locked = AccountLock.objects.filter(unlocked_at__isnull=True).values("account_id")
    return ~Q(account_id__in=locked)


def hold_reason(account_id: int) -> str | None:
    """Why nothing may be sent for this account now, or None.

    One round trip (the pause in force and the account's lock, as a UNION): the publisher asks
    this twice per delivery, so during a burst it is on the hot path.
    """
    pause = PublishingPause.objects.filter(resumed_at__isnull=True).order_by().annotate(
        kind=Value(0, output_field=IntegerField())
    ).values_list("kind", "reason")
    lock = AccountLock.objects.filter(account_id=account_id, unlocked_at__isnull=True).order_by().annotate(
        kind=Value(1, output_field=IntegerField())
    ).values_list("kind", "reason")
    held = sorted(pause.union(lock, all=True).order_by())  # the institution-wide pause first
    if not held:
        return None
    kind, reason = held[0]
    if kind == 0:
        return f"Publishing is paused for the whole institution: {reason}"
    return f"The account is locked: {reason}"


def check_before_send(delivery: Delivery) -> None:
    """The publisher's last check before a network call: raise Held when paused or locked."""
    reason = hold_reason(delivery.account_id)
    if reason:
        raise Held(reason)


def release_held(delivery: Delivery, reason: str) -> None:
    """Hand a claimed delivery back untouched after `Held`, so it goes out (once) after the release.

    A delivery that has not sent a part yet goes back to scheduled; one part-way through a thread
    stays publishing with its lease cleared (the parts already out stay recorded). The attempt
    taken by the claim is given back, so a long pause never exhausts a delivery.
    """
    from townhall.publishing.services import refresh_status

    with transaction.atomic():
        row = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if row.attempt_id != delivery.attempt_id:
            return
        row.status = Delivery.Status.PUBLISHING if row.results else Delivery.Status.SCHEDULED
        row.lease_until = None
        row.attempts = max(0, row.attempts - 1)
        row.last_error = f"Held: {reason}"[:2000]
        row.save(update_fields=["status", "lease_until", "attempts", "last_error"])
        record(None, "post.publish.held", delivery.post, after={"delivery": row.pk, "reason": reason[:500]})
    refresh_status(delivery.post_id)


def require_unlocked(accounts: list[Account] | Any) -> None:
    """Refuse approving a post for a locked account (ValueError, as the approve service's other refusals)."""
    ids = [a.pk if hasattr(a, "pk") else a for a in accounts]
    lock = AccountLock.objects.filter(account_id__in=ids, unlocked_at__isnull=True).select_related("account").first()
    if lock is not None:
        raise ValueError(
            f"{lock.account} is locked ({lock.reason}); nothing can be approved for it until it is unlocked."
        )


# --- pause and resume ----------------------------------------------------------------------


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < 3:
        raise ValidationError("Give a reason (a few words people will see).")
    return reason[:2000]


def pause(actor: Any, reason: str) -> PublishingPause:
    require(actor, "publishing.pause")
    reason = _reason(reason)
    with transaction.atomic():
        # Two officers pausing at once both found no pause and both inserted one; resume then ended
        # one and publishing stayed paused (PostgreSQL; review of 2026-12-06). Decide under a lock.
        locks.hold("townhall-publishing-pause")
        if PublishingPause.objects.select_for_update().filter(resumed_at__isnull=True).exists():
            raise ValidationError("Publishing is already paused.")
        row = PublishingPause.objects.create(reason=reason, paused_by=actor)
        record(actor, "publishing.paused", row, after={"reason": reason})
    return row


def resume(actor: Any) -> PublishingPause:
    require(actor, "publishing.pause")
    with transaction.atomic():
        row = PublishingPause.objects.select_for_update().filter(resumed_at__isnull=True).first()
        if row is None:
            raise ValidationError("Publishing is not paused.")
        row.resumed_by, row.resumed_at = actor, timezone.now()
        row.save(update_fields=["resumed_by", "resumed_at"])
        record(actor, "publishing.resumed", row, before={"reason": row.reason})
    _wake_publisher()
    return row


def _wake_publisher() -> None:
    """Enqueue what was held so it goes out now rather than at the next sweep."""
    from townhall.publishing.services import _enqueue

    now = timezone.now()
    due = list(Delivery.objects.filter(status=Delivery.Status.SCHEDULED, due_at__lte=now).filter(held_filter())[:500])
    if due:
        _enqueue(due)


# --- lock and unlock -----------------------------------------------------------------------


def _tell_owners(account: Account, key: str, message: str) -> None:
    owners = list(account.owners.filter(is_active=True))
    url = reverse("registry:detail", args=[account.pk])
    Notice.objects.bulk_create([Notice(user=u, key=key, message=message, url=url, account=account) for u in owners])
    email_people(owners, message, message, url)



def lock_account(actor: Any, account: Account, reason: str, *, incident: Any = None) -> AccountLock:
    require(actor, "account.lock", account)
    reason = _reason(reason)
    with transaction.atomic():
        Account.objects.select_for_update().get(pk=account.pk)
        if AccountLock.objects.filter(account=account, unlocked_at__isnull=True).exists():
            raise ValidationError(f"{account} is already locked.")
        lock = AccountLock.objects.create(account=account, reason=reason, locked_by=actor, incident=incident)
        held = Delivery.objects.filter(
            account=account, status__in=[Delivery.Status.SCHEDULED, Delivery.Status.PENDING]
        ).count()
        record(actor, "account.locked", account,
               after={"reason": reason, "lock": lock.pk, "held_deliveries": held, "rotation_required": True,
                      "incident": getattr(incident, "pk", None)})
        _tell_owners(
            account, f"lock:{lock.pk}",
            f"{account} was locked by {actor.label}: {reason}. Nothing will be posted from it until it is "
            f"unlocked ({held} {'post' if held == 1 else 'posts'} held). Change its password at the network and "
            f"store the new one in the vault, revoke other sessions, and check its recovery e-mail.",
        )
    return lock


def unlock_account(actor: Any, account: Account) -> AccountLock:
    require(actor, "account.lock", account)
    with transaction.atomic():
        lock = AccountLock.objects.select_for_update().filter(account=account, unlocked_at__isnull=True).first()
        if lock is None:
            raise ValidationError(f"{account} is not locked.")
        lock.unlocked_by, lock.unlocked_at = actor, timezone.now()
        lock.rotation_required = not _rotated_since(account, lock)
        lock.save(update_fields=["unlocked_by", "unlocked_at", "rotation_required"])
        record(actor, "account.unlocked", account,
               before={"reason": lock.reason, "lock": lock.pk},
               after={"credentials_rotated_since_lock": not lock.rotation_required})
        _tell_owners(account, f"unlock:{lock.pk}", f"{account} was unlocked by {actor.label}; held posts go out now.")
    _wake_publisher()
    return lock


def _rotated_since(account: Account, lock: AccountLock) -> bool:
    from townhall.registry.models import Credential

    return Credential.objects.filter(account_id=account.pk, stored_at__gt=lock.locked_at,
                                     revoked_at__isnull=True).exists()


def needs_rotation(account: Account) -> bool:
    """The account was locked and its credentials have not been stored anew since."""
    lock = AccountLock.objects.filter(account=account).first()
    return bool(lock and lock.rotation_required and not _rotated_since(account, lock))


# --- delete a published post ---------------------------------------------------------------


@dataclass
class RemovalResult:
    removed: list[PostRemoval] = field(default_factory=list)
    failed: list[PostRemoval] = field(default_factory=list)

    def summary(self) -> str:
        n = len(self.removed)
        done = f"{n} {'part' if n == 1 else 'parts'} deleted from the network"
        if not self.failed:
            return done
        first = self.failed[0]
        return f"{done}; {len(self.failed)} could not be deleted ({first.error}); try again"


def delete_published(actor: Any, post: Post, reason: str) -> RemovalResult:
    """Delete every published part of `post` from every network it went to (connector `delete()`).

    Refused for the author (another approver must decide). Each part gets a PostRemoval row
    (what, when, why, by whom) committed before the network call, so a crash or a failure on
    one part is recorded, reported and retried by calling this again; parts already removed
    are not asked twice. Audited once per request with the outcome.
    """
    from townhall.connectors.base import ConnectorError, get_connector
    from townhall.registry.vault import VaultError, read_credentials

    require(actor, "post.delete_published", post)
    reason = _reason(reason)
    deliveries = list(post.deliveries.select_related("account").filter(status=Delivery.Status.PUBLISHED))
    if not deliveries:
        raise ValidationError("Nothing of this post is published, so there is nothing to delete from the network.")
    texts = post.parts
    todo: list[tuple[PostRemoval, Delivery]] = []
    with transaction.atomic():
        for delivery in deliveries:
            parts = delivery.results or ([{"remote_id": delivery.remote_id, "url": delivery.url}]
                                         if delivery.remote_id else [])
            # Replies first, then the thread's first part, as a person would take a thread down.
            for index in reversed(range(len(parts))):
                part = parts[index]
                removal, _ = PostRemoval.objects.get_or_create(
                    delivery=delivery, remote_id=str(part["remote_id"])[:300],
                    defaults={"post": post, "url": str(part.get("url", ""))[:500], "reason": reason,
                              "text": texts[index] if index < len(texts) else "", "requested_by": actor},
                )
                if removal.removed_at is None:
                    todo.append((removal, delivery))
    if not todo:
        raise ValidationError("Every published part of this post was already deleted from the network.")
    result = RemovalResult()
    for removal, delivery in todo:
        try:
            get_connector(delivery.account.network).delete(read_credentials(delivery.account), removal.remote_id)
        except (ConnectorError, VaultError, ImportError) as exc:
            removal.error = str(getattr(exc, "reason", exc))[:2000] or type(exc).__name__
            result.failed.append(removal)
        except Exception as exc:  # a broken library must not hide which parts are still up
            log.exception("deleting %s failed", removal.remote_id)
            removal.error = f"Unexpected error ({type(exc).__name__}: {exc})"[:2000]
            result.failed.append(removal)
        else:
            removal.removed_at, removal.error = timezone.now(), ""
            result.removed.append(removal)
        removal.requested_by, removal.reason = actor, reason
        removal.save(update_fields=["removed_at", "error", "requested_by", "reason"])
    record(actor, "post.deleted_from_network", post, after={
        "reason": reason,
        "removed": [r.remote_id for r in result.removed],
        "failed": [{"remote_id": r.remote_id, "error": r.error[:300]} for r in result.failed],
    })
    return result


def removal_state(post: Post) -> str:
    """'removed', 'partly removed' or '' for a post's listing."""
    rows = list(post.removals.all())
    if not rows:
        return ""
    return "removed" if all(r.removed_at for r in rows) else "partly removed"
