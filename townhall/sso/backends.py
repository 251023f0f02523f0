"""Local passwords, which an institution on single sign-on can switch off for all but a few."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """Django's password check, refused when TOWNHALL_LOCAL_LOGIN is off and the user name is
    not one of TOWNHALL_BREAK_GLASS_USERS (the administrators who can still get in when the
    identity provider is down)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not local_login_allowed(username):
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def local_login_allowed(username: str | None) -> bool:
    sso = settings.TOWNHALL_SSO
    return bool(sso["LOCAL_LOGIN"] or (username and username in sso["BREAK_GLASS"]))
