"""Exactly-once publishing of one delivery.

The protocol, and why:

1. **Claim and record intent, then commit** (`_claim`): a conditional UPDATE moves the
   delivery to `publishing` only if nobody changed it since it was read (same status,
   attempt id and attempt count; exactly one row must change), gives it a new attempt id
   and a lease, and audits the attempt in the same transaction. Two workers can never
   both win the same attempt.
2. **Mark the key as sent, then call**: `key_sent_at` is committed before the network
   call, so after a crash the database knows whether a request with this key may have
   left (no mark: nothing was sent, no reconciliation needed).
3. **Reconcile before any second request** (`find_published`): the connector says whether
   the post is already there or whether a resend with the same key is safe; when it cannot
   tell (Mastodon after its one-hour key window, with a look-alike status), it raises
   `UncertainError` and the delivery fails with a reason for a person to check. It never
   adopts a post it cannot prove is its own.
4. **Record each thread part** as soon as it is known, so a crash mid-thread resumes at
   the next part.
5. **Every failure ends where a person sees it.** Network trouble (`TransientError`) and
   any unexpected exception back off and retry, up to an attempt limit per round
   (`MAX_ATTEMPTS`, `UNEXPECTED_ATTEMPTS`); then, and for `PermanentError`, the delivery
   fails with a readable reason, the author is notified and **Try again** starts a new
   round. A worker killed again and again on the same delivery reaches a limit too
   (`ABANDONED_LIMIT`): past it the delivery is only reconciled, never sent.

The lease (`TOWNHALL_PUBLISH_LEASE_SECONDS`, default 20) is renewed by a heartbeat while
the call runs, so a slow network never lets a second worker in, and a dead worker's
delivery is taken over within seconds of the lease running out.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from townhall.audit.services import record
from townhall.connectors.base import (
    ConnectorError,
    Image,
    PermanentError,
    PublishRequest,
    PublishResult,
    TransientError,
    UncertainError,
    get_connector,
)
from townhall.incidents import containment
from townhall.publishing.models import Delivery, Post

log = logging.getLogger("townhall.publishing.publisher")

MAX_ATTEMPTS = 8  # per round, for network trouble
UNEXPECTED_ATTEMPTS = 3  # per round, for exceptions nobody mapped (a bug, a broken library)
# Per round, counting attempts whose worker died before it could record anything (killed,
# out of memory): past it the delivery is only reconciled, never sent again. High enough
# that unrelated restarts (deploys, a flaky host) never trip it; low enough to end a crash loop.
ABANDONED_LIMIT = 25
BASE_BACKOFF_SECONDS = 30
MAX_BACKOFF_SECONDS = 3600
# Test hook: SIGKILL this process right after the network accepted a post and before the
# result is recorded, to prove a crash there cannot cause a second post.
CRASH_HOOK = "TOWNHALL_TEST_CRASH_AFTER_PUBLISH"


def lease_seconds() -> int:
    return max(1, int(settings.TOWNHALL_PUBLISH_LEASE_SECONDS))


def backoff(attempts: int, retry_after: float | None = None) -> timedelta:
    seconds = min(MAX_BACKOFF_SECONDS, BASE_BACKOFF_SECONDS * (2 ** max(0, attempts - 1)))
    if retry_after:
        seconds = max(seconds, retry_after)
    return timedelta(seconds=seconds)


def _due_filter(now: datetime) -> Q:
    from townhall.registry.models import Credential

    with_creds = Credential.objects.filter(revoked_at__isnull=True).exclude(ciphertext="").values("account_id")
    due = Q(status=Delivery.Status.SCHEDULED, due_at__lte=now) | Q(status=Delivery.Status.PUBLISHING) & (
        Q(lease_until__isnull=True) | Q(lease_until__lte=now)
    ) & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
    return due & Q(account_id__in=with_creds) & containment.held_filter()  # paused or locked: not picked


def due_deliveries(now: datetime | None = None, limit: int = 100) -> list[int]:
    """Deliveries ready to go: scheduled and due, or mid-publish with an expired lease.

    Accounts without stored credentials are skipped (demo posts are never sent, and a
    post for an account being reconnected simply waits).
    """
    return [pk for pk, _account, _network in due_batch(now, limit)]


def due_batch(now: datetime | None = None, limit: int = 500) -> list[tuple[int, int, str]]:
    """(delivery id, account id, network) of due deliveries, oldest first: what the dispatcher needs."""
    now = now or timezone.now()
    qs = (
        Delivery.objects.filter(_due_filter(now))
        .order_by("due_at", "pk")
        .values_list("pk", "account_id", "account__network")[:limit]
    )
    return list(qs)


def _claim(delivery_id: int) -> Delivery | None:
    """Claim the delivery with a conditional UPDATE and commit the intent; None when it is not ours now."""
    now = timezone.now()
    # The author too: the success notice goes to them, and this saves a query per delivery.
    delivery = Delivery.objects.select_related("post", "post__created_by", "account").filter(pk=delivery_id).first()
    if delivery is None:
        return None
    if delivery.status == Delivery.Status.SCHEDULED:
        if delivery.due_at is None or delivery.due_at > now:
            return None
        if delivery.post.status not in (Post.Status.SCHEDULED, Post.Status.PUBLISHING):
            return None
    elif delivery.status == Delivery.Status.PUBLISHING:
        if delivery.lease_until and delivery.lease_until > now:
            return None  # another worker holds it
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return None  # backing off
    else:
        return None
    if containment.hold_reason(delivery.account_id):
        return None  # publishing paused or the account locked (issue 14): it waits, untouched
    # The due time too: a post moved (rescheduled) after this read must not go out at the old time.
    seen = {"status": delivery.status, "attempt_id": delivery.attempt_id, "attempts": delivery.attempts,
            "due_at": delivery.due_at}
    changes: dict[str, Any] = {
        "status": Delivery.Status.PUBLISHING,
        "attempt_id": uuid.uuid4().hex,
        "attempts": delivery.attempts + 1,
        "lease_until": now + timedelta(seconds=lease_seconds()),
    }
    if delivery.status == Delivery.Status.SCHEDULED:
        # A new round (first send, or a person's "Try again"): a fresh attempt allowance.
        changes["round_base"] = delivery.attempts
        if delivery.check_reason:
            # The person was asked to check the account and pressed Try again: it is not there.
            changes["check_reason"] = ""
            changes["key_sent_at"] = None
    with transaction.atomic():
        if delivery.post.status == Post.Status.SCHEDULED:
            # The post's row first: every writer locks a post before its deliveries (`_locked_row`).
            Post.objects.filter(pk=delivery.post_id, status=Post.Status.SCHEDULED).update(
                status=Post.Status.PUBLISHING
            )
        if Delivery.objects.filter(pk=delivery.pk, **seen).update(**changes) != 1:
            transaction.set_rollback(True)  # the post's status too
            return None  # another worker claimed it (or the post was moved) between our read and our write
        for name, value in changes.items():
            setattr(delivery, name, value)
        record(
            None,
            "post.publish.attempt",
            delivery.post,
            after={
                "delivery": delivery.pk,
                "account": delivery.account_id,
                "attempt": delivery.attempts,
                "attempt_id": delivery.attempt_id,
                "idempotency_key": delivery.idempotency_key,
            },
        )
    return delivery


class _Heartbeat:
    """One thread per process that renews the leases of the deliveries being sent.

    The lease can then be short (a dead worker's delivery is taken over quickly) while a
    slow network call never lets a second worker in: the renewal only touches a row
    still carrying this attempt's id.
    """

    def __init__(self) -> None:
        self._held: dict[int, str] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @contextmanager
    def hold(self, delivery: Delivery) -> Iterator[None]:
        with self._lock:
            self._held[delivery.pk] = delivery.attempt_id
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="publish-heartbeat", daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                if self._held.get(delivery.pk) == delivery.attempt_id:
                    del self._held[delivery.pk]

    def _loop(self) -> None:
        from django.db import connection

        while True:
            time.sleep(max(0.5, lease_seconds() / 4))
            with self._lock:
                held = dict(self._held)
            if not held:
                continue
            try:
                until = timezone.now() + timedelta(seconds=lease_seconds())
                for pk, attempt_id in held.items():
                    Delivery.objects.filter(
                        pk=pk, attempt_id=attempt_id, status=Delivery.Status.PUBLISHING
                    ).update(lease_until=until)
            except Exception:  # the database may be briefly away; the next beat tries again
                log.exception("could not renew publishing leases")
            finally:
                connection.close()  # a beat every few seconds: no idle connection held between them


heartbeat = _Heartbeat()


def _request(delivery: Delivery, index: int, text: str, reply_to: str | None) -> PublishRequest:
    post = delivery.post
    images: tuple[Image, ...] = ()
    extra: dict[str, Any] = {"visibility": post.visibility}
    if index == 0:
        images = tuple(Image(bytes(i.data), i.mime_type, i.alt) for i in post.images.all())
        if post.link_card and not images:
            extra["link_card"] = post.link_card
    if reply_to and delivery.results:
        extra["thread_root"] = delivery.results[0]["remote_id"]
    return PublishRequest(text=text, idempotency_key=delivery.part_key(index), images=images,
                          reply_to=reply_to, extra=extra)


def _save_part(delivery: Delivery, result: PublishResult) -> None:
    """Record one part as published, unless another attempt already took over the delivery."""
    with transaction.atomic():
        row = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if row.attempt_id != delivery.attempt_id:
            raise _LostLease()
        row.results = [*row.results, {"remote_id": result.remote_id, "url": result.url}]
        row.lease_until = timezone.now() + timedelta(seconds=lease_seconds())
        row.key_sent_at = None  # the next part's key has not been sent yet
        row.save(update_fields=["results", "lease_until", "key_sent_at"])
        delivery.results, delivery.key_sent_at = row.results, None


def _mark_sent(delivery: Delivery, window: timedelta | None) -> None:
    """Commit that a request with the current key may leave now (before it does), and that this
    attempt still holds the delivery (its lease renewed); `_LostLease` if another took it over.

    The mark is kept from the first request while the network still remembers the key; restarted
    when the network's window has passed (reconciliation has just shown the post is not there). The
    ownership check is made either way: a worker whose lease was taken over while it stalled must
    not send a second request with the same key beside the new owner's (Mastodon's key check is
    not atomic; reliability review of 2026-12-06).
    """
    now = timezone.now()
    changes: dict[str, Any] = {"lease_until": now + timedelta(seconds=lease_seconds())}
    keep = delivery.key_sent_at is not None and (window is None or now - delivery.key_sent_at < window)
    if not keep:
        changes["key_sent_at"] = now
    owned = Delivery.objects.filter(pk=delivery.pk, attempt_id=delivery.attempt_id, status=Delivery.Status.PUBLISHING)
    if not owned.update(**changes):
        raise _LostLease()
    delivery.key_sent_at = changes.get("key_sent_at", delivery.key_sent_at)


def _other_remote_ids(delivery: Delivery) -> set[str]:
    """Remote ids recorded by the account's other deliveries since this key was sent: never ours."""
    since = (delivery.key_sent_at or timezone.now()) - timedelta(hours=1)
    rows = (
        Delivery.objects.filter(account_id=delivery.account_id)
        .exclude(pk=delivery.pk)
        .filter(Q(published_at__gte=since) | Q(status__in=[Delivery.Status.PUBLISHING, Delivery.Status.FAILED]))
        .values_list("results", flat=True)
    )
    return {str(part.get("remote_id")) for results in rows for part in (results or []) if part.get("remote_id")}


class _LostLease(Exception):
    pass


class _GaveUp(Exception):
    pass


def run(delivery_id: int) -> str:
    """Publish one delivery if it is due; returns what happened, in a word.

    Never raises for a delivery's own trouble: whatever a connector throws ends in a
    retry with back-off or a failure a person sees, so a sweep always goes on.
    """
    delivery = _claim(delivery_id)
    if delivery is None:
        return "skipped"
    with heartbeat.hold(delivery):
        try:
            _send(delivery)
        except _LostLease:
            return "lost-lease"
        except containment.Held as exc:
            containment.release_held(delivery, exc.reason)
            return "held"
        except _GaveUp:
            _fail(delivery, _gave_up_reason(delivery))
            return "failed"
        except UncertainError as exc:
            _fail(delivery, exc.reason, needs_check=True)
            return "needs-check"
        except TransientError as exc:
            return _retry_later(delivery, exc)
        except (PermanentError, ConnectorError) as exc:
            _fail(delivery, exc.reason)
            return "failed"
        except ImportError as exc:
            network = delivery.account.get_network_display()
            _fail(delivery, f"The connector for {network} is not installed ({exc}).")
            return "failed"
        except Exception as exc:
            log.exception("delivery %s: unexpected error while publishing", delivery.pk)
            reason = f"Townhall hit an unexpected error while posting ({type(exc).__name__}: {exc})"
            return _retry_later(delivery, TransientError(reason[:500]), limit=UNEXPECTED_ATTEMPTS)
    _succeed(delivery)
    return "published"


GAVE_UP = "Gave up after"


def next_part_may_be_out(delivery: Delivery) -> bool:
    """Whether the failed delivery's next part may have reached the network: a request with its
    key left (`key_sent_at`) and the failure was not the network's refusal (it needs a check, or
    the attempts ran out on errors that leave it open: time-outs, a dying worker)."""
    if delivery.key_sent_at is None:
        return False
    return bool(delivery.check_reason) or delivery.last_error.startswith(GAVE_UP)


def _gave_up_reason(delivery: Delivery) -> str:
    tries = delivery.attempts - delivery.round_base - 1
    last = f" The last problem: {delivery.last_error}" if delivery.last_error else ""
    return (f"{GAVE_UP} {tries} attempts (the worker stopped or failed each time); the post was not sent "
            f"again.{last} Press Try again to send it.")


def _send(delivery: Delivery) -> None:
    """Reconcile and send each part not yet recorded (steps 2-4 of the module's protocol)."""
    from townhall.registry.vault import read_credentials

    connector = get_connector(delivery.account.network)
    creds = read_credentials(delivery.account)
    window = getattr(connector, "idempotency_window", None)
    # Past the limit (a worker that keeps dying on this delivery): reconcile only, never send.
    exhausted = delivery.attempts - delivery.round_base > ABANDONED_LIMIT
    parts = delivery.post.parts
    for index in range(len(delivery.results), len(parts)):
        reply_to = delivery.results[-1]["remote_id"] if index > 0 else (delivery.post.in_reply_to or None)
        request = _request(delivery, index, parts[index], reply_to)
        result = None
        if delivery.key_sent_at is not None:  # a request with this key may have reached the network
            result = connector.find_published(
                creds, request.idempotency_key, request=request,
                sent_since=delivery.key_sent_at, exclude_ids=_other_remote_ids(delivery),
            )
            if result is not None:
                log.info("delivery %s part %s was already published: %s", delivery.pk, index, result.remote_id)
        if result is None:
            if exhausted and not _resend_is_reconciliation(delivery, window):
                raise _GaveUp()
            containment.check_before_send(delivery)  # a pause/lock during a burst stops what is not sent
            _mark_sent(delivery, window)
            result = connector.publish(creds, request)
            if os.environ.get(CRASH_HOOK):
                os.kill(os.getpid(), signal.SIGKILL)
        _save_part(delivery, result)


def _resend_is_reconciliation(delivery: Delivery, window: timedelta | None) -> bool:
    """True while the network still answers a resend with the first post (Mastodon's key window)."""
    return (window is not None and delivery.key_sent_at is not None
            and timezone.now() - delivery.key_sent_at < window)


def _locked_row(delivery: Delivery) -> Delivery | None:
    """The delivery's row locked for this attempt's outcome, or None when another attempt took it over.

    The post is locked first, as the workflow services lock it (post, then its deliveries), so an
    outcome recorded while a person acts on the post waits instead of deadlocking. Call inside a
    transaction that also derives the post's status (`services.refresh_status`): recorded apart, a
    worker dying between the two left the post "publishing" for ever, a failed delivery could not
    be tried again and nobody was told (reliability review of 2026-12-06).
    """
    Post.objects.select_for_update().filter(pk=delivery.post_id).values_list("pk", flat=True).first()
    row = Delivery.objects.select_for_update().select_related("account").get(pk=delivery.pk)
    return row if row.attempt_id == delivery.attempt_id else None


def _succeed(delivery: Delivery) -> None:
    from townhall.publishing import services

    now = timezone.now()
    with transaction.atomic():
        row = _locked_row(delivery)
        if row is None:
            return
        first = row.results[0] if row.results else {"remote_id": "", "url": ""}
        row.status = Delivery.Status.PUBLISHED
        row.remote_id, row.url = first["remote_id"][:300], first.get("url", "")[:500]
        row.published_at, row.lease_until, row.next_attempt_at, row.last_error = now, None, None, ""
        row.save()
        type(row.account).objects.filter(pk=row.account_id).update(last_posted_at=now)
        record(
            None,
            "post.published",
            delivery.post,
            after={"delivery": row.pk, "account": row.account_id, "remote_id": row.remote_id, "url": row.url},
        )
        services.refresh_status(delivery.post_id)
        services.notify([delivery.post.created_by], delivery.post,
                        f"“{str(delivery.post)[:80]}” is out on {delivery.account}.")


def _retry_later(delivery: Delivery, exc: ConnectorError, limit: int = MAX_ATTEMPTS) -> str:
    """Back off and try again later ("retry"), or fail once the round's attempts are spent ("failed")."""
    tries = delivery.attempts - delivery.round_base
    if tries >= limit:
        _fail(delivery, f"{GAVE_UP} {tries} attempts; the last problem: {exc.reason}")
        return "failed"
    wait = backoff(tries, exc.retry_after)
    with transaction.atomic():
        row = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if row.attempt_id != delivery.attempt_id:
            return "lost-lease"
        row.lease_until = None
        row.next_attempt_at = timezone.now() + wait
        row.last_error = f"Temporary problem, retrying in {int(wait.total_seconds())} s: {exc.reason}"[:2000]
        row.save(update_fields=["lease_until", "next_attempt_at", "last_error"])
        record(None, "post.publish.retry", delivery.post, after={"delivery": row.pk, "reason": exc.reason[:500]})
    log.warning("delivery %s: transient error, retry in %s: %s", delivery.pk, wait, exc.reason)
    from townhall.publishing.tasks import publish_delivery

    try:
        publish_delivery.using(run_after=timezone.now() + wait).enqueue(delivery.pk)
    except Exception:
        log.exception("could not enqueue the retry; the sweep will pick it up")
    return "retry"


def _fail(delivery: Delivery, reason: str, *, needs_check: bool = False) -> None:
    from townhall.publishing import services

    with transaction.atomic():
        row = _locked_row(delivery)
        if row is None:
            return
        row.status = Delivery.Status.FAILED
        row.last_error = reason[:2000]
        row.check_reason = reason[:2000] if needs_check else ""
        row.lease_until = None
        row.save(update_fields=["status", "last_error", "check_reason", "lease_until"])
        record(
            None, "post.publish.failed", delivery.post,
            after={"delivery": row.pk, "reason": reason[:500], "needs_check": needs_check},
        )
        services.refresh_status(delivery.post_id)
        services.notify(
            [delivery.post.created_by],
            delivery.post,
            f"“{str(delivery.post)[:60]}” could not be posted to {delivery.account}: {reason[:300]}",
        )
