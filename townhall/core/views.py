"""Sign-in, multi-factor enrolment and verification, API tokens."""

from __future__ import annotations

import base64
import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.services import record
from townhall.core import mfa
from townhall.core.forms import EnrolForm, OTPForm, SettingsForm, ThrottledLoginForm
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
    second factor (the middleware lets nothing else through). Anyone who already has a device
    must have passed it in this session *and* type a current code from it again, so a stolen
    password or an unattended session cannot swap in the attacker's phone. Every code goes
    through `mfa.check_code` (one back-off per person, one use per code).
    """
    user = request.user
    replacing = mfa.has_device(user)
    if replacing and not mfa.satisfied(request):
        return redirect(f"{reverse('mfa-verify')}?{urlencode({'next': reverse('mfa-setup')})}")
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
        if result.ok and _confirm(request, device, replacing):
            messages.success(request, "Two-factor sign-in is on for your account.")
            return redirect(_next(request))
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


def _confirm(request: HttpRequest, device: TOTPDevice, replacing: bool) -> bool:
    """Confirm the new device (once, even if two confirmations race) and retire the old ones."""
    with transaction.atomic():
        if not TOTPDevice.objects.filter(pk=device.pk, confirmed=False).update(confirmed=True):
            return False
        removed = 0
        if replacing:
            for old in TOTPDevice.objects.filter(user=request.user, confirmed=True).exclude(pk=device.pk):
                old.delete()
                removed += 1
        record(request.user, "mfa.replaced" if replacing else "mfa.enrolled", request.user,
               after={"devices_replaced": removed} if replacing else None)
    device.refresh_from_db()
    request.session.pop(PENDING_DEVICE_KEY, None)
    mfa.mark_verified(request, "totp", device)
    return True


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
