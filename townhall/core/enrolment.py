"""Enrolment codes: what a password-only session must show to set up the first second factor.

A person whose role requires a second factor and who has none yet (a new account, or one an
administrator reset after a lost phone) signs in with the password and is sent to set up an
authenticator app. If the password were all that page needed, whoever held the password and
got there first would own the account's second factor (trust on first use): a phished
password would become a permanent foothold. So the page first asks for an enrolment code that
an administrator issued (Django admin action, or `townhall enrolment_code USERNAME` on the
server) and gave the person in person or by phone.

- `issue(actor, user)`: a new code (any unused one of the person's is withdrawn), audited;
  the code itself is returned once and stored only as a keyed hash.
- `check(user, typed)`: the person's valid code matching `typed`, under the person's one
  back-off (`core.mfa.throttled`), so guessing is as slow as guessing one-time codes.
- `consume(user, code_id)`: mark it used, once, in the transaction that confirms the device.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from townhall.core import mfa
from townhall.core.models import EnrolmentCode, User

# No 0/O, 1/I/L: read aloud over the phone or copied from a note without doubt. Twelve
# characters of 31 are about 59 bits; with the back-off and the lifetime nobody guesses one.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
# Long enough to reach someone on leave over a weekend, short enough that a forgotten note is
# worthless soon.
LIFETIME = timedelta(days=3)


def normalise(typed: str) -> str:
    """What the person meant: case, spaces and dashes do not matter."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


def _digest(code: str) -> str:
    # Keyed by SECRET_KEY: someone who reads the database cannot test guesses offline.
    return salted_hmac("townhall.core.enrolment", normalise(code), algorithm="sha256").hexdigest()


def issue(actor: Any, user: User) -> tuple[str, EnrolmentCode]:
    """A fresh code for `user` and its row; the person's unused codes stop working."""
    from townhall.audit.services import record

    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    now = timezone.now()
    with transaction.atomic():
        EnrolmentCode.objects.filter(user=user, used_at__isnull=True).delete()
        row = EnrolmentCode.objects.create(
            user=user,
            digest=_digest(code),
            issued_by=actor if getattr(actor, "pk", None) else None,
            created_at=now,
            expires_at=now + LIFETIME,
        )
        record(actor, "mfa.enrolment_code_issued", user, after={"valid_until": row.expires_at.isoformat()})
    return "-".join(code[i : i + 4] for i in range(0, LENGTH, 4)), row


def check(user: User, typed: str) -> mfa.CodeResult:
    """The person's unused, unexpired code that `typed` names (`.device` holds the row)."""
    digest = _digest(typed) if len(normalise(typed)) == LENGTH else None

    def attempt() -> EnrolmentCode | None:
        if digest is None:
            return None
        return EnrolmentCode.objects.filter(
            user=user, digest=digest, used_at__isnull=True, expires_at__gt=timezone.now()
        ).first()

    return mfa.throttled(user, attempt)


def consume(user: User, code_id: Any) -> bool:
    """Use the code up; False if it expired, was used or was withdrawn meanwhile (call inside
    the transaction that confirms the device, so a device is never confirmed without it)."""
    if not isinstance(code_id, int):
        return False
    now = timezone.now()
    return bool(
        EnrolmentCode.objects.filter(pk=code_id, user=user, used_at__isnull=True, expires_at__gt=now).update(
            used_at=now
        )
    )


def open_code(user: User) -> EnrolmentCode | None:
    """The person's code waiting to be used, if any (for the admin's list)."""
    return (
        EnrolmentCode.objects.filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-created_at")
        .first()
    )
