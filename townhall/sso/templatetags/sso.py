"""What the sign-in page offers: the university sign-in buttons, and whether passwords are on."""

from __future__ import annotations

from django import template
from django.conf import settings

from townhall.sso.middleware import SIGNED_OUT_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def sso_sign_in(context) -> dict:
    request = context.get("request")
    oidc_cfg, saml_cfg = settings.TOWNHALL_OIDC, settings.TOWNHALL_SAML
    signed_out = request.session.get(SIGNED_OUT_KEY) if request is not None else None
    return {
        "oidc_label": oidc_cfg["LABEL"] if oidc_cfg else "",
        "saml_label": saml_cfg["LABEL"] if saml_cfg else "",
        "local_login": settings.TOWNHALL_SSO["LOCAL_LOGIN"],
        "offer_provider_logout": bool(signed_out and oidc_cfg),
        "any": bool(oidc_cfg or saml_cfg),
    }
