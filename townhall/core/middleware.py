"""Second-factor enforcement: a password-only session reaches nothing but the code prompt.

Who needs a second factor and whether the session passed it is decided in `core.mfa`
(role rule or opt-in). While it is pending, every path answers a redirect to the prompt
(or 401 JSON under /api/) except: the prompt itself, sign-out, static files, and first
enrolment for someone whose role requires a second factor and who has no device yet. The
list is of exact paths, so nothing added to the URLconf later is reachable by accident.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from townhall.core import mfa


class MFARequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if mfa.pending(request):
            refusal = self.refuse(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        path = request.path_info
        first_enrolment = mfa.may_enrol_first(request.user)
        allowed = {reverse("mfa-verify"), reverse("logout")}
        if first_enrolment:
            allowed.add(reverse("mfa-setup"))
        static = "/" + settings.STATIC_URL.lstrip("/")
        if path in allowed or path.startswith(static):
            return None
        if path.startswith("/api/"):
            if "HTTP_AUTHORIZATION" in request.META:
                return None  # a personal token is its own credential; the session is not used
            return JsonResponse({"detail": "Finish two-factor sign-in first."}, status=401)
        target = reverse("mfa-setup" if first_enrolment else "mfa-verify")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
