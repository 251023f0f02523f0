"""On sign-out, remember (for the next page) that the provider offers its own sign-out."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from townhall.sso.middleware import SESSION_KEY


@receiver(user_logged_out)
def offer_provider_logout(sender, request, user, **kwargs):
    data = request.session.get(SESSION_KEY) if request is not None else None
    if data and data.get("protocol") == "oidc":
        # The session is flushed after this signal; the middleware writes this into the new one.
        request._sso_signed_out = {"protocol": "oidc", "id_token": data.get("id_token", "")}
