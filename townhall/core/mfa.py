"""The second factor: who needs it, whether this session has passed it, and checking codes.

One module decides for the middleware, the API, the views and (later) single sign-on:

- `needed(user)`: the role requires a second factor, or the person enrolled one (opt-in);
- `satisfied(request)`: this session passed it (a TOTP code, or `mark_verified()` from SSO);
- `pending(request)`: signed in with the password only while a second factor is needed; such
  a session reaches nothing but the code prompt, sign-out, static files and, only for someone
  whose role requires a second factor and who has no device yet, first enrolment (which
  also asks for an administrator's enrolment code, `core.enrolment`);
- `check_code(user, token)`: verify a code under a row lock with one per-person exponential
  back-off (`throttled`), shared by every place a code is typed (sign-in, enrolment,
  re-enrolment, and the enrolment codes of `core.enrolment`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login

from townhall.core.models import SecondFactorThrottle, User

SESSION_KEY = "townhall_mfa"
# The longest wait between two tries after many wrong codes: a person with a typo-prone
# morning is back within the hour, a guesser gets at most 24 tries a day.
MAX_WAIT_SECONDS = 3600


def has_device(user: User) -> bool:
    """A confirmed second-factor device (cached on the user object for this request)."""
    cached = getattr(user, "_townhall_has_device", None)
    if cached is None:
        cached = user_has_device(user, confirmed=True)
        user._townhall_has_device = cached
    return cached


def needed(user: Any) -> bool:
    """The role requires a second factor, or the person opted in by enrolling a device."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.mfa_required or has_device(user)


def satisfied(request: HttpRequest) -> bool:
    """This session passed a second factor for its user.

    A TOTP sign-in counts while its device exists (django-otp re-reads it on every request,
    so an administrator's reset ends such sessions); `mark_verified(request, "sso")` counts
    for the session it was called in.
    """
    user = request.user
    if not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return True
    state = request.session.get(SESSION_KEY)
    return isinstance(state, dict) and state.get("user") == user.pk and state.get("method") not in (None, "totp")


def pending(request: HttpRequest) -> bool:
    """Signed in with the password only while a second factor is needed."""
    user = getattr(request, "user", None)
    return user is not None and needed(user) and not satisfied(request)


def may_enrol_first(user: User) -> bool:
    """A password-only session may enrol only the first device, and only when the role requires one.

    Everyone else adds or replaces a device from a session that already passed the second
    factor, typing a code from the existing device as well (see `core.views.mfa_setup`). The
    password alone is not enough even here: the session must also present an enrolment code
    an administrator handed the person out of band (`core.enrolment`).
    """
    return user.mfa_required and not has_device(user)


def mark_verified(request: HttpRequest, method: str, device: Any = None) -> None:
    """Record that this session passed a second factor (`method`: "totp", or e.g. "sso").

    The session key changes here, as at sign-in, so a session id planted or seen before the
    second factor is worth nothing after it (session fixation).
    """
    request.session.cycle_key()
    if device is not None:
        otp_login(request, device)
    request.session[SESSION_KEY] = {"user": request.user.pk, "method": method, "at": int(time.time())}


@dataclass
class CodeResult:
    ok: bool
    device: Any = None
    wait_seconds: int = 0


def _wait(throttle: SecondFactorThrottle) -> int:
    """Seconds before the next try: factor x 2^(failures-1) after the last failure, capped."""
    factor = getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)
    if not throttle.failures or not throttle.last_failure_at or not factor:
        return 0
    delay = min(factor * 2 ** min(throttle.failures - 1, 30), MAX_WAIT_SECONDS)
    left = (throttle.last_failure_at + timedelta(seconds=delay) - timezone.now()).total_seconds()
    return max(0, int(left + 0.999))


def throttled(user: User, attempt: Callable[[], Any]) -> CodeResult:
    """Run `attempt` (returns what matched, or None) under the person's one back-off.

    The person's throttle row is locked for the check, so two requests racing with one code
    cannot both pass. While a back-off runs the code is not looked at (the answer says
    nothing about it) and the failure count does not grow. Every code a person types goes
    through here: one-time codes at sign-in and enrolment, and enrolment codes.
    """
    with transaction.atomic():
        SecondFactorThrottle.objects.get_or_create(user=user)
        throttle = SecondFactorThrottle.objects.select_for_update().get(user=user)
        wait = _wait(throttle)
        if wait:
            return CodeResult(False, wait_seconds=wait)
        found = attempt()
        if found is not None:
            if throttle.failures:
                throttle.failures, throttle.last_failure_at = 0, None
                throttle.save()
            return CodeResult(True, found)
        throttle.failures += 1
        throttle.last_failure_at = timezone.now()
        throttle.save()
        return CodeResult(False, wait_seconds=_wait(throttle))


def check_code(user: User, token: str, device: Any = None) -> CodeResult:
    """Check a one-time code against `device` (enrolment) or all confirmed devices (sign-in).

    Runs under `throttled`; django-otp refuses a code at or before the last accepted time
    step, so a code is good once (replay).
    """

    def attempt() -> Any:
        if device is not None:
            candidates = list(type(device).objects.select_for_update().filter(pk=device.pk, user=user))
        else:
            candidates = list(devices_for_user(user, confirmed=True, for_verify=True))
        return next((candidate for candidate in candidates if candidate.verify_token(token)), None)

    return throttled(user, attempt)


def forget_untrusted_devices(actor: Any, user: User) -> int:
    """The person now needs a second factor (promoted, or given admin access): the devices they
    enrolled while they did not were set up with the password alone, so they are removed (with
    the API tokens minted behind them) and the person enrols afresh with an enrolment code from
    an administrator, as a new digital-team member would. Audited as a reset."""
    if not list(devices_for_user(user, confirmed=None)):
        return 0
    return reset(actor, user, reason="the role now requires a second factor")


def reset(actor: Any, user: User, reason: str = "") -> int:
    """An administrator's reset: remove every second-factor device (audited).

    The person enrols afresh at the next sign-in if their role requires it; sessions that
    passed a code from a removed device stop counting as verified at once, and their API
    tokens are revoked.
    """
    from townhall.audit.services import record
    from townhall.core.services import revoke_tokens

    removed = 0
    with transaction.atomic():
        for device in list(devices_for_user(user, confirmed=None)):
            device.delete()
            removed += 1
        SecondFactorThrottle.objects.filter(user=user).delete()
        record(actor, "mfa.reset", user, after={"devices_removed": removed, **({"reason": reason} if reason else {})})
        revoke_tokens(actor, user, "second factor reset")
    return removed
