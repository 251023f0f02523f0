"""Multi-factor enforcement for privileged roles.

Digital team, governance and admin users must pass a TOTP second factor before any page
other than sign-in/out and MFA enrolment/verification. Staff may enrol voluntarily.
"""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user

EXEMPT_PREFIXES = ("/static/", "/api/", "/healthz")


class MFARequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.mfa_required and not user.is_verified():
            exempt = {reverse("mfa-setup"), reverse("mfa-verify"), reverse("logout")}
            if request.path not in exempt and not request.path.startswith(EXEMPT_PREFIXES):
                has_device = any(True for _ in devices_for_user(user, confirmed=True))
                target = "mfa-verify" if has_device else "mfa-setup"
                return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
