"""Sign-in, multi-factor enrolment and verification, API tokens."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.services import record
from townhall.core.forms import OTPForm, SettingsForm, ThrottledLoginForm
from townhall.core.models import ApiToken


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "core/login.html"
    redirect_authenticated_user = True


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
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Authenticator app", confirmed=False)
    form = OTPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            record(request.user, "mfa.enrolled", request.user)
            messages.success(request, "Two-factor sign-in is on for your account.")
            return redirect(_next(request))
        form.add_error("token", "That code did not match. Check your phone's clock and try again.")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "core/mfa_setup.html",
        {"form": form, "qr": _qr_svg(device.config_url), "secret": secret, "next": _next(request)},
    )


@login_required
def mfa_verify(request: HttpRequest) -> HttpResponse:
    form = OTPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next(request))
        form.add_error("token", "That code did not match. Try the newest code in your app.")
    return render(request, "core/mfa_verify.html", {"form": form, "next": _next(request)})


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    new_key = None
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()[:100] or "API token"
        token, new_key = ApiToken.issue(request.user, name)
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
        messages.success(self.request, "Your password is changed; other sessions are signed out.")
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
