"""Sessions that began at the identity provider are checked with it again now and then.

Every TOWNHALL_SSO_RECHECK_SECONDS an OpenID Connect session uses its refresh token: if the
provider refuses (account disabled, grant revoked) the Townhall session ends at that request.
A SAML session has no refresh token, so it is sent back through the IdP (silent when the IdP's
own session is alive), which also re-applies the role rules.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "sso"
SIGNED_OUT_KEY = "sso_signed_out"
EXEMPT_PREFIXES = ("/static/", "/api/", "/healthz", "/sso/")


class SSORecheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        data = request.session.get(SESSION_KEY) if request.user.is_authenticated else None
        if data and not request.path.startswith(EXEMPT_PREFIXES):
            due = time.time() - data.get("checked_at", 0) > settings.TOWNHALL_SSO["RECHECK_SECONDS"]
            if due:
                refused = self._recheck(request, data)
                if refused is not None:
                    return refused
        response = self.get_response(request)
        signed_out = getattr(request, "_sso_signed_out", None)
        if signed_out:
            request.session[SIGNED_OUT_KEY] = signed_out
        return response

    def _recheck(self, request, data):
        from townhall.sso import oidc

        if data.get("protocol") == "oidc" and oidc.configured():
            ok, updated = oidc.still_valid(data)
            if ok:
                request.session[SESSION_KEY] = updated
                return None
            logout(request)
            return redirect("sso-ended")
        logout(request)
        return redirect(f"{reverse('sso-saml-login')}?next={request.get_full_path()}")
