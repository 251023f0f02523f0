"""Single sign-on pages: start and finish OIDC and SAML sign-ins, SP metadata, provider
sign-out, and the administrators' page (rules, values to paste, ending someone's sessions)."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from townhall.core.models import OrgUnit, User
from townhall.core.permissions import require
from townhall.sso import mfa_hook, oidc, saml, services
from townhall.sso.identity import Assertion, SignInRefused
from townhall.sso.middleware import SESSION_KEY, SIGNED_OUT_KEY
from townhall.sso.models import MappingRule

log = logging.getLogger("townhall.sso")
BACKEND = "townhall.sso.backends.PasswordBackend"
NEXT_KEY = "sso_next"


def _safe_next(request: HttpRequest, target: str | None) -> str:
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def _refused(request: HttpRequest, exc: SignInRefused) -> HttpResponse:
    log.warning("single sign-on refused: %s (%s)", exc.message, exc.detail)
    return render(request, "sso/refused.html", {"message": exc.message}, status=403)


def _sign_in(request: HttpRequest, assertion: Assertion, session_data: dict, next_url: str) -> HttpResponse:
    try:
        user = services.provision(assertion)
    except SignInRefused as exc:
        return _refused(request, exc)
    login(request, user, backend=BACKEND)
    request.session.pop(SIGNED_OUT_KEY, None)
    mfa_hook.apply(request, assertion)
    request.session[SESSION_KEY] = {"protocol": assertion.protocol, "checked_at": time.time(), **session_data}
    log.info("single sign-on: %s signed in through %s (%s)", user.username, assertion.issuer, assertion.method)
    return redirect(_safe_next(request, next_url))


def ended(request: HttpRequest) -> HttpResponse:
    """Where someone lands when the provider no longer accepts their session."""
    return render(request, "sso/refused.html", {
        "title": "You are signed out",
        "message": "Your university account no longer lets you into Townhall, so you are signed out. "
                   "If you think this is a mistake, ask IT about your university account.",
    })


def oidc_login(request: HttpRequest) -> HttpResponse:
    if not oidc.configured():
        raise Http404("OpenID Connect is not set up")
    request.session[NEXT_KEY] = _safe_next(request, request.GET.get("next"))
    try:
        return oidc.begin(request)
    except Exception as exc:  # discovery failed: say so in words rather than a server error
        return _refused(request, SignInRefused(
            "Townhall could not reach your university's sign-in service. Try again in a few minutes.", detail=str(exc)))


def oidc_callback(request: HttpRequest) -> HttpResponse:
    if not oidc.configured():
        raise Http404("OpenID Connect is not set up")
    if request.GET.get("error"):
        return _refused(request, SignInRefused(
            "Your university's sign-in service did not sign you in.", detail=request.GET.get("error", "")))
    try:
        assertion, session_data = oidc.complete(request)
    except SignInRefused as exc:
        return _refused(request, exc)
    return _sign_in(request, assertion, session_data, request.session.pop(NEXT_KEY, "/"))


def oidc_logout(request: HttpRequest) -> HttpResponse:
    """After signing out of Townhall: on to the provider's own sign-out, then back to our sign-in."""
    data = request.session.pop(SIGNED_OUT_KEY, None) or {}
    if not oidc.configured():
        return redirect("login")
    url = oidc.logout_url(data.get("id_token", ""), saml.base_url(request) + reverse("login"))
    return redirect(url) if url else redirect("login")


def saml_login(request: HttpRequest) -> HttpResponse:
    if not saml.configured():
        raise Http404("SAML is not set up")
    try:
        return saml.begin(request, _safe_next(request, request.GET.get("next")))
    except SignInRefused as exc:
        return _refused(request, exc)
    except Exception as exc:
        return _refused(request, SignInRefused(
            "Townhall could not reach your university's sign-in service. Try again in a few minutes.", detail=str(exc)))


@csrf_exempt  # the IdP posts here from its own page; the signed response, not a cookie token, is the proof
@require_POST
def saml_acs(request: HttpRequest) -> HttpResponse:
    if not saml.configured():
        raise Http404("SAML is not set up")
    try:
        assertion, next_url = saml.complete(request)
    except SignInRefused as exc:
        return _refused(request, exc)
    return _sign_in(request, assertion, {}, next_url)


def saml_metadata(request: HttpRequest) -> HttpResponse:
    if not saml.configured():
        raise Http404("SAML is not set up")
    return HttpResponse(saml.metadata_xml(request), content_type="application/samlmetadata+xml")


def _paste_values(request: HttpRequest) -> dict:
    base = saml.base_url(request)
    return {
        "redirect_uri": base + reverse("sso-oidc-callback"),
        "post_logout": base + reverse("login"),
        "entity_id": saml.entity_id(base) if saml.configured() else base + reverse("sso-saml-metadata"),
        "acs": base + reverse("sso-saml-acs"),
        "metadata_url": base + reverse("sso-saml-metadata"),
    }


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """Administrators: what to paste at the provider, the mapping rules, ending sessions."""
    require(request.user, "sso.manage")
    if request.method == "POST":
        unit = OrgUnit.objects.filter(pk=request.POST.get("unit") or 0).first()
        claim = (request.POST.get("claim") or "").strip()
        value = (request.POST.get("value") or "").strip()
        role = request.POST.get("role") or ""
        priority = (request.POST.get("priority") or "100").strip()
        if claim and value and role in User.Role.values and priority.isdigit():
            try:
                services.add_rule(request.user, claim, value, role, unit, min(int(priority), 1_000_000))
            except ValueError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "The rule is saved; it applies from each person's next sign-in.")
                return redirect("sso-manage")
        else:
            messages.error(request, "A rule needs a claim, a value, a role and an order that is a whole number.")
    return render(request, "sso/manage.html", {
        "rules": MappingRule.objects.select_related("org_unit"),
        "units": OrgUnit.objects.all(),
        "roles": User.Role.choices,
        "people": User.objects.filter(is_active=True).order_by("username"),
        "oidc": settings.TOWNHALL_OIDC,
        "saml": settings.TOWNHALL_SAML,
        "sso": settings.TOWNHALL_SSO,
        "paste": _paste_values(request),
    })


@login_required
@require_POST
def delete_rule(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "sso.manage")
    services.delete_rule(request.user, get_object_or_404(MappingRule, pk=pk))
    messages.success(request, "The rule is deleted.")
    return redirect("sso-manage")


@login_required
@require_POST
def end_sessions(request: HttpRequest) -> HttpResponse:
    require(request.user, "sso.manage")
    person = get_object_or_404(User, pk=request.POST.get("user") or 0)
    count = services.end_sessions(request.user, person, reason=(request.POST.get("reason") or "")[:200],
                                  revoke_tokens=request.POST.get("revoke_tokens") == "on")
    if person == request.user:
        return redirect("login")
    messages.success(request, f"{person.label} is signed out everywhere ({count} session{'s' if count != 1 else ''}).")
    return redirect("sso-manage")
