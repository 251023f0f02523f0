"""Sign-in throttling and API tokens: plain functions, used by the login view and the API."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from townhall.core.models import ApiToken, LoginFailure, User


def _window_start():
    return timezone.now() - timedelta(seconds=settings.TOWNHALL_LOGIN_WINDOW_SECONDS)


def login_locked(username: str, ip: str | None) -> bool:
    """Too many recent failures for this user name, or from this address (password spraying)."""
    limit = settings.TOWNHALL_LOGIN_MAX_FAILURES
    recent = LoginFailure.objects.filter(at__gte=_window_start())
    if recent.filter(username__iexact=username).count() >= limit:
        return True
    return bool(ip) and recent.filter(ip=ip).count() >= limit * 5


def record_login_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip=ip or None)


def clear_login_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()


def prune_login_failures() -> int:
    return LoginFailure.objects.filter(at__lt=_window_start()).delete()[0]


def user_for_token(key: str) -> User | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(key)).first()
    if token is None or not token.is_valid or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def client_ip(request) -> str | None:
    """The peer address. Behind a reverse proxy, set it to pass REMOTE_ADDR (see README)."""
    return request.META.get("REMOTE_ADDR") or None
