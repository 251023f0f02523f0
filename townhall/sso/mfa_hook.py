"""The one place single sign-on tells the second-factor check that the identity provider did it.

It calls core's `townhall.core.mfa.mark_verified(request, method)` (which also rotates the
session key); without the provider's MFA nothing is marked and the role's TOTP rule applies
exactly as for a local account.
"""

from __future__ import annotations

from django.http import HttpRequest

from townhall.core import mfa
from townhall.sso.identity import Assertion


def apply(request: HttpRequest, assertion: Assertion) -> None:
    """After login(): count the provider's MFA as Townhall's second factor."""
    if assertion.mfa:
        mfa.mark_verified(request, f"sso: {assertion.method}"[:200])
