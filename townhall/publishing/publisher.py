"""Exactly-once publishing of one delivery.

The protocol, and why:

1. **Claim and record intent, then commit** (`_claim`): in one short transaction the
   delivery is locked, moved to `publishing`, given an attempt id and a lease, and its
   attempt counter is bumped. Only after this commit does anything talk to the network,
   so after a crash the database always knows a call *may* have happened.
2. **Reconcile before any second attempt**: when a delivery was already attempted
   (`attempts > 1`), the connector is asked whether the post already exists
   (`find_published`, by the idempotency key: Bluesky uses it as the record key, so it is
   a direct lookup). Only if it does not is the call made again — and then with the same
   key, so the network itself refuses a duplicate (Bluesky: same record key; Mastodon:
   `Idempotency-Key`).
3. **Record the result**: each thread part's result is saved as soon as it is known, so a
   crash between parts resumes at the next part.
4. Transient errors and rate limits back off (exponential, or the network's
   `retry_after`) and keep the delivery in `publishing`; a permanent error fails the
   delivery with the network's reason, which the author sees; nothing is deleted.

The lease (TOWNHALL_PUBLISH_LEASE_SECONDS, default 300) stops two workers from working on
the same delivery; a worker that died leaves a lease that simply runs out.
"""

from __future__ import annotations

import logging
import os
import signal
import uuid
from datetime import timedelta
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
    get_connector,
)
from townhall.publishing.models import Delivery, Post

log = logging.getLogger("townhall.publishing.publisher")

MAX_ATTEMPTS = 8
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


def _has_credentials(account) -> bool:
    from townhall.registry import vault

    return vault.has_credentials(account)


def due_deliveries(now=None, limit: int = 100) -> list[int]:
    """Deliveries ready to go: scheduled and due, or mid-publish with an expired lease.

    Accounts without stored credentials are skipped (demo posts are never sent, and a
    post for an account being reconnected simply waits).
    """
    now = now or timezone.now()
    from townhall.registry.models import Credential

    with_creds = Credential.objects.filter(revoked_at__isnull=True).exclude(ciphertext="").values("account_id")
    qs = (
        Delivery.objects.filter(
            Q(status=Delivery.Status.SCHEDULED, due_at__lte=now)
            | Q(status=Delivery.Status.PUBLISHING)
            & (Q(lease_until__isnull=True) | Q(lease_until__lte=now))
            & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        )
        .filter(account_id__in=with_creds)
        .order_by("due_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return list(qs)


def _claim(delivery_id: int) -> Delivery | None:
    """Lock the delivery, record the attempt and commit; None when it is not ours to send now."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update().select_related("post", "account").filter(pk=delivery_id).first()
        )
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
        delivery.status = Delivery.Status.PUBLISHING
        delivery.attempt_id = uuid.uuid4().hex
        delivery.attempts += 1
        delivery.lease_until = now + timedelta(seconds=lease_seconds())
        delivery.save(update_fields=["status", "attempt_id", "attempts", "lease_until"])
        if delivery.post.status == Post.Status.SCHEDULED:
            Post.objects.filter(pk=delivery.post_id).update(status=Post.Status.PUBLISHING)
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
        row.save(update_fields=["results", "lease_until"])
        delivery.results = row.results


class _LostLease(Exception):
    pass


def run(delivery_id: int) -> str:
    """Publish one delivery if it is due; returns what happened, in a word."""
    delivery = _claim(delivery_id)
    if delivery is None:
        return "skipped"
    from townhall.registry.vault import read_credentials

    try:
        connector = get_connector(delivery.account.network)
        creds = read_credentials(delivery.account)
        parts = delivery.post.parts
        for index in range(len(delivery.results), len(parts)):
            reply_to = delivery.results[-1]["remote_id"] if index > 0 else (delivery.post.in_reply_to or None)
            request = _request(delivery, index, parts[index], reply_to)
            result = None
            if delivery.attempts > 1:
                result = connector.find_published(creds, request.idempotency_key, request=request)
                if result is not None:
                    log.info("delivery %s part %s was already published: %s", delivery.pk, index, result.remote_id)
            if result is None:
                result = connector.publish(creds, request)
                if os.environ.get(CRASH_HOOK):
                    os.kill(os.getpid(), signal.SIGKILL)
            _save_part(delivery, result)
    except _LostLease:
        return "lost-lease"
    except TransientError as exc:
        _retry_later(delivery, exc)
        return "retry"
    except (PermanentError, ConnectorError) as exc:
        _fail(delivery, exc.reason)
        return "failed"
    except ImportError as exc:
        _fail(delivery, f"The connector for {delivery.account.network} is not installed ({exc}).")
        return "failed"
    _succeed(delivery)
    return "published"


def _succeed(delivery: Delivery) -> None:
    from townhall.publishing.services import notify, refresh_status

    now = timezone.now()
    with transaction.atomic():
        row = Delivery.objects.select_for_update().select_related("account").get(pk=delivery.pk)
        if row.attempt_id != delivery.attempt_id:
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
    refresh_status(delivery.post_id)
    notify([delivery.post.created_by], delivery.post, f"“{str(delivery.post)[:80]}” is out on {delivery.account}.")


def _retry_later(delivery: Delivery, exc: ConnectorError) -> None:
    if delivery.attempts >= MAX_ATTEMPTS:
        _fail(delivery, f"Gave up after {delivery.attempts} attempts; last error: {exc.reason}")
        return
    wait = backoff(delivery.attempts, exc.retry_after)
    with transaction.atomic():
        row = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if row.attempt_id != delivery.attempt_id:
            return
        row.lease_until = None
        row.next_attempt_at = timezone.now() + wait
        row.last_error = f"Temporary problem, retrying in {int(wait.total_seconds())} s: {exc.reason}"
        row.save(update_fields=["lease_until", "next_attempt_at", "last_error"])
        record(None, "post.publish.retry", delivery.post, after={"delivery": row.pk, "reason": exc.reason})
    log.warning("delivery %s: transient error, retry in %s: %s", delivery.pk, wait, exc.reason)
    from townhall.publishing.tasks import publish_delivery

    try:
        publish_delivery.using(run_after=timezone.now() + wait).enqueue(delivery.pk)
    except Exception:
        log.exception("could not enqueue the retry; the sweep will pick it up")


def _fail(delivery: Delivery, reason: str) -> None:
    from townhall.publishing.services import notify, refresh_status

    with transaction.atomic():
        row = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if row.attempt_id != delivery.attempt_id:
            return
        row.status = Delivery.Status.FAILED
        row.last_error = reason[:2000]
        row.lease_until = None
        row.save(update_fields=["status", "last_error", "lease_until"])
        record(None, "post.publish.failed", delivery.post, after={"delivery": row.pk, "reason": reason[:500]})
    refresh_status(delivery.post_id)
    notify(
        [delivery.post.created_by],
        delivery.post,
        f"“{str(delivery.post)[:60]}” could not be posted to {delivery.account}: {reason[:300]}",
    )
