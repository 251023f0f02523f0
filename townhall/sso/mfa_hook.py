"""The one place single sign-on tells the second-factor check that the identity provider did it.

townhall.core.mfa.mark_verified(request, method) is core's hook for this (issue 10). Until it is
there, a django-otp device that stands for the provider's MFA (IdPVerifiedDevice) does the same
job: django-otp's middleware then counts the session as verified, and MFARequiredMiddleware lets
it through without a TOTP prompt.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_otp import login as otp_login

from townhall.sso.identity import Assertion
from townhall.sso.models import IdPVerifiedDevice


def _core_hook():
    try:
        from townhall.core.mfa import mark_verified
    except ImportError:
        return None
    return mark_verified


def apply(request: HttpRequest, assertion: Assertion) -> None:
    """After login(): count the provider's MFA as Townhall's second factor, or leave the TOTP
    rule for the role to apply as for a local account."""
    hook = _core_hook()
    if hook is not None:
        if assertion.mfa:
            hook(request, f"identity provider ({assertion.method})")
        return
    user = request.user
    if assertion.mfa:
        device, _ = IdPVerifiedDevice.objects.get_or_create(
            user=user, defaults={"name": "University sign-in with a second factor", "confirmed": True}
        )
        otp_login(request, device)
    else:
        # Otherwise a stale provider device would send someone with no TOTP to the code prompt.
        IdPVerifiedDevice.objects.filter(user=user).delete()
