"""Local passwords, which an institution on single sign-on can switch off for all but a few."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import make_password


class PasswordBackend(ModelBackend):
    """Django's password check, refused when TOWNHALL_LOCAL_LOGIN is off and the user name is
    not one of TOWNHALL_BREAK_GLASS_USERS (the administrators who can still get in when the
    identity provider is down)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not local_login_allowed(username):
            # As much work as checking a password (Django's ModelBackend hashes for an unknown
            # name too), so the answer's timing does not tell which names are break-glass ones.
            if username is not None and password is not None:
                model = get_user_model()
                model._default_manager.filter(**{model.USERNAME_FIELD: username}).exists()  # the look-up too
                make_password(password)
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def local_login_allowed(username: str | None) -> bool:
    sso = settings.TOWNHALL_SSO
    return bool(sso["LOCAL_LOGIN"] or (username and username in sso["BREAK_GLASS"]))
