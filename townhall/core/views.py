"""Sign-in, multi-factor enrolment and verification, API tokens."""

from __future__ import annotations

import base64
import io
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.services import record
from townhall.core import enrolment, mfa
from townhall.core.forms import EnrolForm, EnrolmentCodeForm, OTPForm, SettingsForm, ThrottledLoginForm
from townhall.core.models import ApiToken


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        # The admin sends a signed-in person without admin access to its login page, and this
        # view would send them straight back (a redirect loop): say no in words instead.
        user = request.user
        match = request.resolver_match
        admin_login = bool(match and match.url_name == "admin-login")
        if admin_login and user.is_authenticated and not (user.is_active and user.is_staff):
            return render(request, "core/admin_refused.html", status=403)
        return super().dispatch(request, *args, **kwargs)


def _next(request: HttpRequest) -> str:
    target = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return "/"
    return target


def _qr_svg(uri: str) -> str:
    img = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buf = io.BytesIO()
    img.save(buf)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode()


@login_required
def mfa_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app, or move to a new one.

    A first device may be enrolled from a password-only session only when the role requires a
    second factor (the middleware lets nothing else through), and only after the session showed
    an enrolment code an administrator gave the person (`core.enrolment`), so a stolen password
    cannot claim an account's second factor before its owner does. Anyone who already has a
    device must have passed it in this session *and* type a current code from it again, so a
    stolen password or an unattended session cannot swap in the attacker's phone. Every code
    goes through `mfa.throttled` (one back-off per person, one use per code).
    """
    user = request.user
    replacing = mfa.has_device(user)
    if replacing and not mfa.satisfied(request):
        return redirect(f"{reverse('mfa-verify')}?{urlencode({'next': reverse('mfa-setup')})}")
    code_id = None
    if not replacing and mfa.pending(request):
        code_id = _presented_code(request)
        if code_id is None:
            return _enrolment_code_step(request)
    device = _pending_device(request)
    fresh = device is None
    if fresh:
        device = _new_pending_device(request)
    form = EnrolForm(request.POST or None, replacing=replacing)
    if request.method == "POST" and fresh:
        # The secret this session showed is gone (or it never showed one): nothing to confirm.
        form.is_valid()
        form.add_error("token", "Scan this new code with your app first, then type the code it shows.")
    elif request.method == "POST" and form.is_valid():
        result = mfa.CodeResult(True)
        if replacing:
            result = mfa.check_code(user, form.cleaned_data["current_token"])
            if not result.ok:
                form.add_error("current_token", _code_error(result, "your current app"))
        if result.ok:
            result = mfa.check_code(user, form.cleaned_data["token"], device=device)
            if not result.ok:
                form.add_error("token", _code_error(result, "the new app"))
        if result.ok:
            outcome = _confirm(request, device, replacing, code_id)
            if outcome == "confirmed":
                messages.success(request, "Two-factor sign-in is on for your account.")
                return redirect(_next(request))
            if outcome == "code gone":
                _code_gone(request)
                return redirect(f"{reverse('mfa-setup')}?{urlencode({'next': _next(request)})}")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "core/mfa_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": secret,
            "next": _next(request),
            "replacing": replacing,
            "required": user.mfa_required,
        },
    )


PENDING_DEVICE_KEY = "townhall_mfa_pending_device"
ENROLMENT_CODE_KEY = "townhall_mfa_enrolment_code"


def _presented_code(request: HttpRequest) -> int | None:
    """The enrolment code this session showed, while it is still good for this person."""
    state = request.session.get(ENROLMENT_CODE_KEY)
    if not (isinstance(state, dict) and state.get("user") == request.user.pk and isinstance(state.get("code"), int)):
        return None
    waiting = enrolment.open_code(request.user)
    if waiting is None or waiting.pk != state["code"]:
        _code_gone(request)
        return None
    return state["code"]


def _code_gone(request: HttpRequest) -> None:
    request.session.pop(ENROLMENT_CODE_KEY, None)
    messages.error(
        request,
        "Your enrolment code has run out or was replaced by a newer one. "
        "Type the newest code your administrator gave you.",
    )


def _enrolment_code_step(request: HttpRequest) -> HttpResponse:
    """First enrolment from a password-only session: the administrator's code comes first.

    No secret is made or shown before it, so the password alone never reaches a QR code.
    """
    form = EnrolmentCodeForm(request.POST if "code" in request.POST else None)
    if request.method == "POST" and form.is_valid():
        result = enrolment.check(request.user, form.cleaned_data["code"])
        if result.ok:
            request.session[ENROLMENT_CODE_KEY] = {"user": request.user.pk, "code": result.device.pk}
            return redirect(f"{reverse('mfa-setup')}?{urlencode({'next': _next(request)})}")
        problem = "That code did not match, has run out or was replaced by a newer one."
        if result.wait_seconds > 1:
            problem += f" Wait {result.wait_seconds} seconds before the next try."
        form.add_error("code", problem)
    return render(request, "core/mfa_enrolment_code.html", {"form": form, "next": _next(request)})


def _pending_device(request: HttpRequest) -> TOTPDevice | None:
    """The unconfirmed device this session created and showed the secret of, if it still exists."""
    pk = request.session.get(PENDING_DEVICE_KEY)
    if not isinstance(pk, int):
        return None
    return TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first()


def _new_pending_device(request: HttpRequest) -> TOTPDevice:
    """A fresh device (new key) tied to this session; any other unconfirmed device of the person
    goes, so a secret shown to another session (one with only the password) can never be confirmed."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=request.user, name="Authenticator app", confirmed=False)
    request.session[PENDING_DEVICE_KEY] = device.pk
    return device


def _code_error(result: mfa.CodeResult, where: str) -> str:
    if result.wait_seconds:
        return f"Too many wrong codes. Wait {result.wait_seconds} seconds, then type the newest code from {where}."
    return f"That code did not match. Check your phone's clock and type the newest code from {where}."


def _tell_owner(user: Any, what: str) -> None:
    """E-mail the person about a change to how they sign in (security review of 2026-12-06):
    someone holding only a staff member's password could otherwise add their own authenticator
    app, or make an API token, unseen."""
    from townhall.core.mail import email_people

    try:
        zone = ZoneInfo(getattr(user, "time_zone", "") or "Europe/London")
    except (ValueError, KeyError):
        zone = ZoneInfo("Europe/London")
    when = timezone.localtime(timezone.now(), zone)
    email_people([user], what, f"{what} on {when:%d %B %Y at %H:%M} ({when.tzname()}). If this was you, "
                 "there is nothing to do. If it was not, someone knows your password: change it now and tell "
                 "an administrator, who can reset your two-factor sign-in.", "/me/", security=True)


def _confirm(request: HttpRequest, device: TOTPDevice, replacing: bool, code_id: int | None) -> str:
    """Confirm the new device (once, even if two confirmations race) and retire the old ones.

    A first enrolment from a password-only session uses up its enrolment code in the same
    transaction, so a device is never confirmed on a code that ran out or was used meanwhile.
    Returns "confirmed", "code gone" or "raced" (another request confirmed it first).
    """
    with transaction.atomic():
        if code_id is not None and not enrolment.consume(request.user, code_id):
            return "code gone"
        if not TOTPDevice.objects.filter(pk=device.pk, confirmed=False).update(confirmed=True):
            transaction.set_rollback(True)
            return "raced"
        removed = 0
        if replacing:
            for old in TOTPDevice.objects.filter(user=request.user, confirmed=True).exclude(pk=device.pk):
                old.delete()
                removed += 1
        after = {"devices_replaced": removed} if replacing else None
        if code_id is not None:
            after = {"with_enrolment_code": True}
        record(request.user, "mfa.replaced" if replacing else "mfa.enrolled", request.user, after=after)
        _tell_owner(request.user, "An authenticator app was " + ("set up to replace your old one" if replacing
                                                                   else "added") + " for your Townhall sign-in")
    device.refresh_from_db()
    request.session.pop(PENDING_DEVICE_KEY, None)
    request.session.pop(ENROLMENT_CODE_KEY, None)
    mfa.mark_verified(request, "totp", device)
    return "confirmed"


@login_required
def mfa_verify(request: HttpRequest) -> HttpResponse:
    """The second-factor prompt: the one page a password-only session may use."""
    if not mfa.pending(request):
        return redirect(_next(request))
    if not mfa.has_device(request.user):
        return redirect(f"{reverse('mfa-setup')}?{urlencode({'next': _next(request)})}")
    form = OTPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = mfa.check_code(request.user, form.cleaned_data["token"])
        if result.ok:
            mfa.mark_verified(request, "totp", result.device)
            return redirect(_next(request))
        form.add_error("token", _code_error(result, "your app"))
    return render(request, "core/mfa_verify.html", {"form": form, "next": _next(request)})


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    new_key = None
    if mfa.pending(request):  # the middleware stops this first; a token must never outlive a half sign-in
        return HttpResponse("Finish two-factor sign-in first.", status=403)
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()[:100] or "API token"
        token, new_key = ApiToken.issue(request.user, name, second_factor=mfa.satisfied(request))
        _tell_owner(request.user, f"An API token called \u201c{name[:60]}\u201d was made for your Townhall account")
        record(request.user, "api_token.issued", token, after={"name": name, "prefix": token.prefix})
    items = request.user.api_tokens.filter(revoked=False).order_by("-created_at")
    return render(request, "core/tokens.html", {"tokens": items, "new_key": new_key})


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Your own settings: e-mail, time zone, e-mail copies; links to password, MFA and tokens."""
    from django.conf import settings

    form = SettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            form.save()
            record(request.user, "user.settings_changed", request.user, after={"fields": form.changed_data})
        messages.success(request, "Your settings are saved.")
        return redirect("settings")
    return render(request, "core/settings.html", {"form": form, "email_enabled": settings.TOWNHALL_EMAIL_NOTIFICATIONS})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change (current password asked, validators applied), audited."""

    template_name = "core/password_change.html"
    success_url = "/me/"

    def form_valid(self, form):
        response = super().form_valid(form)
        record(self.request.user, "user.password_changed", self.request.user)
        revoked = getattr(form.user, "tokens_revoked", 0)  # User.save revoked them with the old password
        messages.success(
            self.request,
            "Your password is changed; other sessions are signed out"
            + (f" and your {revoked} API token{'s' if revoked != 1 else ''} revoked." if revoked else "."),
        )
        return response


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = request.user.api_tokens.filter(pk=pk).first()
    if token:
        token.revoked = True
        token.save(update_fields=["revoked"])
        record(request.user, "api_token.revoked", token, after={"prefix": token.prefix})
        messages.success(request, f"Token {token.prefix}… revoked.")
    return redirect("tokens")
