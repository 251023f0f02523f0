"""Sign-in throttling and API tokens: plain functions, used by the login view and the API."""

from __future__ import annotations

import math
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from townhall.core import locks
from townhall.core.models import ApiToken, KnownSignIn, LoginFailure, User

# Sign-in throttling (docs/security.md, "Sign-in throttling", says what it guarantees).
# Failures are counted under three keys in the window; each key lets a number of failures
# through, then asks for a growing wait (exponential back-off) before the next try is even
# looked at. Nothing is a lock that an attacker can set for someone else indefinitely:
# - user name + address: MAX failures free, then 15 s, 30 s, ... up to the window;
# - address (all names; password spraying): 5 x MAX free, then at most a minute;
# - user name (all addresses; a botnet): 10 x MAX free, then up to the window.
# The last two do not apply where this name signed in successfully from this address in
# the last 30 days, so an attack through a campus NAT or on a person's name from elsewhere
# does not stop that person signing in from where they usually do.
BACKOFF_BASE_SECONDS = 15
ADDRESS_FACTOR, ADDRESS_CAP_SECONDS = 5, 60
NAME_FACTOR = 10
KNOWN_FOR = timedelta(days=30)


def username_key(raw: str) -> str:
    """The user name as sign-in sees it, case-folded: the throttling key.

    Django's sign-in form strips white space and applies NFKC (so "\tben" and full-width
    "ｂｅｎ" authenticate as "ben"); the key does the same and also folds case, so no spelling
    that reaches the same account escapes the count (folding only merges, never splits).
    """
    return unicodedata.normalize("NFKC", (raw or "").strip()).strip().casefold()[:150]


def _window_start():
    return timezone.now() - timedelta(seconds=settings.TOWNHALL_LOGIN_WINDOW_SECONDS)


def _wait(failures: QuerySet, free: int, cap: int) -> int:
    """Seconds still to wait for one key: 0 until `free` failures, then base x 2^extra, capped."""
    agg = failures.aggregate(n=Count("id"), last=Max("at"))
    if agg["n"] < free or agg["last"] is None:
        return 0
    delay = min(BACKOFF_BASE_SECONDS * 2 ** min(agg["n"] - free, 20), cap)
    left = (agg["last"] + timedelta(seconds=delay) - timezone.now()).total_seconds()
    return max(0, math.ceil(left))


def login_wait(username: str, ip: str | None) -> int:
    """How many seconds this name, from this address, must wait before a password is checked."""
    key = username_key(username)
    limit, window = settings.TOWNHALL_LOGIN_MAX_FAILURES, settings.TOWNHALL_LOGIN_WINDOW_SECONDS
    recent = LoginFailure.objects.filter(at__gte=_window_start())
    wait = _wait(recent.filter(username=key, ip=ip or None), limit, window)
    known = bool(ip) and KnownSignIn.objects.filter(
        username=key, ip=ip, last_at__gte=timezone.now() - KNOWN_FOR
    ).exists()
    if not known:
        if ip:
            wait = max(wait, _wait(recent.filter(ip=ip), limit * ADDRESS_FACTOR, ADDRESS_CAP_SECONDS))
        wait = max(wait, _wait(recent.filter(username=key), limit * NAME_FACTOR, window))
    return wait


def login_locked(username: str, ip: str | None) -> bool:
    """Kept for callers that only need yes or no."""
    return login_wait(username, ip) > 0


def record_login_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username_key(username), ip=ip or None)


def reserve_login_attempt(username: str, ip: str | None) -> int:
    """The wait (seconds) before this name may try from this address; or 0, having counted this
    attempt as a failure until `record_login_success` forgets it.

    Why reserve first: checking a password takes half a second, and reading the wait, checking,
    then recording let thirty requests sent together all be checked (security review of
    2026-12-06). Deciding and counting happen under one lock per name and per address (SQLite's
    transactions take the write lock at the start; PostgreSQL takes advisory locks), so requests
    sent together queue for the decision and only the free tries get their password checked."""
    key = username_key(username)
    with transaction.atomic():
        locks.hold(f"townhall-login-name:{key}", f"townhall-login-ip:{ip or ''}")
        wait = login_wait(username, ip)
        if not wait:
            LoginFailure.objects.create(username=key, ip=ip or None)
    return wait


def record_login_success(username: str, ip: str | None) -> None:
    """Forget this pair's failures (not other addresses': those may be an attacker's) and
    remember the pair as one where this person signs in."""
    key = username_key(username)
    LoginFailure.objects.filter(username=key, ip=ip or None).delete()
    if ip:
        KnownSignIn.objects.update_or_create(username=key, ip=ip, defaults={"last_at": timezone.now()})


def clear_login_failures(username: str, ip: str | None = None) -> None:
    record_login_success(username, ip)


def prune_login_failures() -> int:
    """Failures older than the window and sign-in places older than 30 days (personal data)."""
    KnownSignIn.objects.filter(last_at__lt=timezone.now() - KNOWN_FOR).delete()
    return LoginFailure.objects.filter(at__lt=_window_start()).delete()[0]


def user_for_token(key: str) -> User | None:
    """The token's owner, or None. A token issued without the second factor does not work while
    its owner needs one (promoted to a role that requires it, given admin access, or opted in),
    as the owner's own password-only session would not."""
    from townhall.core import mfa

    token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(key)).first()
    if token is None or not token.is_valid or not token.user.is_active:
        return None
    if not token.second_factor and mfa.needed(token.user):
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def revoke_tokens(actor, user: User, reason: str) -> int:
    """Revoke every live API token of `user` (audited): after a password change or a reset of the
    second factor, a token minted with the old credentials must not outlive them."""
    from townhall.audit.services import record

    count = ApiToken.objects.filter(user=user, revoked=False).update(revoked=True)
    if count:
        record(actor, "api_token.revoked_all", user, after={"reason": reason, "tokens": count})
    return count


def client_ip(request) -> str | None:
    """The peer address. Behind a reverse proxy, set it to pass REMOTE_ADDR (see README)."""
    return request.META.get("REMOTE_ADDR") or None
