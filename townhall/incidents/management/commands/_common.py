"""Shared by the containment commands: who is acting, and refusals as one line with exit status 1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError

from townhall.core.models import User


def actor(username: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"There is no active user called {username!r}.")
    return user


def refused_as_error(call: Callable[[], Any]) -> Any:
    """Run a service call; a refusal becomes a CommandError (exit 1) carrying the reason in words."""
    try:
        return call()
    except (PermissionDenied, ValidationError, ValueError) as exc:
        messages = getattr(exc, "messages", None) or [str(exc)]
        raise CommandError(" ".join(messages)) from None
