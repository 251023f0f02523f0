"""E-mail copies of in-app notifications.

Every app keeps its own notifications (publishing, registry notices, listening alerts) because
each links to its own objects; this module is the one place that turns them into e-mail. The
message is sent by the task worker after the transaction commits, so a slow or broken mail
server never delays or undoes the action that caused it, and a rolled-back action sends nothing.
Each person gets their own message (no shared To: line: addresses are personal data).
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction

log = logging.getLogger("townhall.mail")

MAX_SUBJECT = 120


def email_people(users: Iterable[Any], subject: str, body: str, url: str = "", *, security: bool = False) -> int:
    """Queue an e-mail copy for each active person who has an address and wants e-mail.

    ``security``: a notice about the person's own sign-in (a second factor added, an API token
    made) goes whatever their e-mail preference, since it is how they learn that someone else
    holds their password. Returns how many were queued (0 when e-mail is not set up:
    TOWNHALL_SMTP_URL)."""
    if not settings.TOWNHALL_EMAIL_NOTIFICATIONS:
        return 0
    ids = sorted({u.pk for u in users
                  if u is not None and u.pk and u.is_active and u.email and (security or u.notify_by_email)})
    if not ids:
        return 0
    from townhall.core.tasks import send_notification_email

    # Plain strings: the task's arguments are stored as JSON, and a lazy translation or another
    # str-like object would fail to enqueue only after the action had committed.
    subject = " ".join(str(subject).split())[:MAX_SUBJECT]
    body, url = str(body), str(url or "")
    transaction.on_commit(lambda: send_notification_email.enqueue(ids, subject, body, url, security=security))
    return len(ids)


def email_address(address: str, subject: str, body: str, url: str = "") -> None:
    """Queue one message to an address that is not a Townhall user (the Director of Governance's
    contact), after commit, sent by the worker and tried again if the mail server is down.

    Why not sent at once: it used to go out from the request after commit with errors silenced,
    so a mail server hiccup lost the Director's copy of an escalation without a trace."""
    if not getattr(settings, "TOWNHALL_EMAIL_NOTIFICATIONS", False) or not address:
        return
    from townhall.core.tasks import send_address_email

    subject, body, url = str(subject)[:MAX_SUBJECT], str(body), str(url)
    transaction.on_commit(lambda: send_address_email.enqueue(address, subject, body, url))


def send_to_address(address: str, subject: str, body: str, url: str = "", *, task_id: Any = None) -> int:
    """Send ``email_address``'s message (the worker calls this): once per task, Retry on SMTP failure."""
    link = absolute(url)
    message = EmailMessage(subject=f"[Townhall] {subject}", body=f"{body}\n\n{link}\n" if link else f"{body}\n",
                           to=[address])
    return _deliver([("mail:address", message)], task_id)


def absolute(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.TOWNHALL_BASE_URL + "/" + url.lstrip("/")


def send_now(user_ids: list[int], subject: str, body: str, url: str = "", *, security: bool = False,
             task_id: Any = None) -> int:
    """Send one message per person (the worker calls this); returns how many went out.

    With ``task_id`` each message is sent once for that task however often it runs (a retry
    skips the people already mailed), and an SMTP failure raises `core.worker.Retry`."""
    from townhall.core.models import User

    people = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    if not security:
        people = people.filter(notify_by_email=True)
    link = absolute(url)
    text = f"{body}\n\n{link}\n" if link else f"{body}\n"
    footer = (
        "\n--\nTownhall sends this because it is about how you sign in; it is sent whatever your e-mail "
        "settings." if security else
        "\n--\nTownhall sends this because you are involved. Your administrator can switch e-mail "
        "copies off for you; the notification is also in the app."
    )
    messages = [
        (f"mail:{person.pk}", EmailMessage(subject=f"[Townhall] {subject}", body=text + footer, to=[person.email]))
        for person in people
    ]
    if not messages:
        return 0
    sent = _deliver(messages, task_id)
    log.info("sent %s notification e-mail(s): %s", sent, subject)
    return sent


def _deliver(messages: list[tuple[str, EmailMessage]], task_id: Any) -> int:
    """Send (step, message) pairs; returns how many went out. With ``task_id`` each step is sent once
    for that task however often it runs (a retry skips what went), and an SMTP failure raises
    `core.worker.Retry`, so the worker tries again later rather than losing the rest."""
    if task_id is None:
        with mailers.default as connection:
            return connection.send_messages([m for _step, m in messages]) or 0
    from townhall.core.worker import Retry, once

    sent = 0
    try:
        with mailers.default as connection:
            for step, message in messages:
                sent += once(task_id, step, lambda message=message: connection.send_messages([message]))
    except (OSError, smtplib.SMTPException) as exc:  # the mail server is down or hung up: later
        log.warning("sent %s e-mail(s) of %s, then: %s", sent, len(messages), exc)
        raise Retry(f"the mail server failed: {exc}") from exc
    return sent
