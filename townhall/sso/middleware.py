"""Sessions that began at the identity provider are checked with it again now and then.

Every TOWNHALL_SSO_RECHECK_SECONDS an OpenID Connect session uses its refresh token: if the
provider refuses (account disabled, grant revoked) the Townhall session ends at that request.
A SAML session (or an OIDC one without a refresh token) is sent back through the provider (silent
while the provider's own session is alive), which also re-applies the role rules.

The API is checked too when it is used through the browser's session (security review of
2026-12-06: someone disabled at the provider kept the API for the session's eight hours); it
cannot follow a redirect, so a session due for the provider answers 401 and ends. A request
with its own API token (an Authorization header) is the token's business, not the session's.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

SESSION_KEY = "sso"
SIGNED_OUT_KEY = "sso_signed_out"
EXEMPT_PREFIXES = ("/static/", "/healthz", "/sso/oidc/", "/sso/saml/", "/sso/ended/")


class SSORecheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        data = request.session.get(SESSION_KEY) if request.user.is_authenticated else None
        token_call = request.path.startswith("/api/") and "HTTP_AUTHORIZATION" in request.META
        if data and not token_call and not request.path.startswith(EXEMPT_PREFIXES):
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

        if data.get("protocol") == "oidc" and oidc.configured() and data.get("refresh_token"):
            ok, updated = oidc.still_valid(data)
            fresh = updated.pop("fresh", None)
            if ok and fresh is not None:
                ok = self._rules_still_let_in(request, fresh)
            if ok:
                request.session[SESSION_KEY] = updated
                return None
            logout(request)
            return self._api_refusal() if self._api(request) else redirect("sso-ended")
        if self._api(request):
            logout(request)
            return self._api_refusal()
        # No refresh token (SAML, or a provider that gives none, like Google without offline access):
        # through the provider again, silently while its own session lasts, rules re-applied.
        logout(request)
        target = "sso-oidc-login" if data.get("protocol") == "oidc" else "sso-saml-login"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def _rules_still_let_in(request, fresh) -> bool:
        """Re-apply the mapping rules to the provider's fresh claims (role and unit follow the
        groups); False when they no longer let the person in (no rule matches, switched off here)."""
        from townhall.sso import services
        from townhall.sso.identity import SignInRefused

        try:
            user = services.provision(fresh)
        except SignInRefused:
            return False
        if user.pk != request.user.pk:
            return False
        request.user.refresh_from_db()
        return True

    @staticmethod
    def _api(request) -> bool:
        return request.path.startswith("/api/")

    @staticmethod
    def _api_refusal():
        return JsonResponse(
            {"detail": "Your single sign-on session has to be checked with your university again: sign in again."},
            status=401,
        )
