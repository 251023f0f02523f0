"""Sign-in throttling, two-factor enforcement for privileged roles, sessions, headers, tokens."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.core.models import ApiToken, LoginFailure

PASSWORD = "correct horse battery 9"


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_staff_sign_in_without_second_factor(client, make_user):
    make_user("staff", username="sam")
    response = sign_in(client, "sam")
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_repeated_failures_lock_the_user_name_even_for_the_right_password(client, make_user, settings):
    make_user("staff", username="sam")
    for _ in range(settings.TOWNHALL_LOGIN_MAX_FAILURES):
        assert sign_in(client, "sam", "wrong password").status_code == 200
    response = sign_in(client, "sam")
    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_expire_with_the_window(client, make_user, settings):
    from datetime import timedelta

    from django.utils import timezone

    make_user("staff", username="sam")
    for _ in range(settings.TOWNHALL_LOGIN_MAX_FAILURES):
        sign_in(client, "sam", "nope")
    old = timezone.now() - timedelta(seconds=settings.TOWNHALL_LOGIN_WINDOW_SECONDS + 5)
    LoginFailure.objects.update(at=old)
    assert sign_in(client, "sam").status_code == 302


def test_success_clears_earlier_failures(client, make_user):
    make_user("staff", username="sam")
    sign_in(client, "sam", "nope")
    sign_in(client, "sam")
    assert not LoginFailure.objects.filter(username="sam").exists()


@pytest.mark.parametrize("role", ["digital", "governance", "admin"])
def test_privileged_roles_must_enrol_in_two_factor(client, make_user, role, settings, present_enrolment_code):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows retries after a wrong code
    pat = make_user(role, username="pat")
    sign_in(client, "pat")
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-setup"))
    # The API through the session is closed too until the second factor is done.
    assert client.get("/api/me").status_code == 401
    # Enrol: the administrator's enrolment code first; then the setup page creates an
    # unconfirmed device, and a correct code from it confirms it.
    present_enrolment_code(client, pat)
    client.get(reverse("mfa-setup"))
    device = TOTPDevice.objects.get(user__username="pat")
    assert client.post(reverse("mfa-setup"), {"token": "000000"}).status_code == 200
    response = client.post(reverse("mfa-setup"), {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/api/me").json()["role"] == role


def test_enrolled_user_is_asked_for_a_code_at_next_sign_in(client, make_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = make_user("digital", username="dee")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, "dee")
    response = client.get("/accounts/")
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-verify"))
    assert client.post(reverse("mfa-verify"), {"token": "123456"}).status_code == 200
    response = client.post(reverse("mfa-verify") + "?next=/policy/", {"token": current_code(device)})
    assert response.status_code == 302 and response.url == "/policy/"


def test_staff_are_not_forced_into_two_factor(client, make_user):
    make_user("staff", username="sam")
    sign_in(client, "sam")
    assert client.get(reverse("web:policy")).status_code == 200


def test_open_redirect_after_mfa_is_refused(client, make_user):
    user = make_user("digital", username="dee")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, "dee")
    response = client.post(
        reverse("mfa-verify") + "?next=https://evil.example/", {"token": current_code(device)}
    )
    assert response.url == "/"


def test_security_headers_and_csp(client):
    response = client.get(reverse("login"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_csrf_is_enforced_on_sign_in(make_user):
    from django.test import Client

    make_user("staff", username="sam")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("login"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 403


def test_api_token_auth_uses_the_same_permissions(client, make_user):
    staff = make_user("staff")
    gov = make_user("governance")
    _, staff_key = ApiToken.issue(staff, "script")
    _, gov_key = ApiToken.issue(gov, "script")
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {staff_key}").json()["role"] == "staff"
    assert client.get("/api/audit", HTTP_AUTHORIZATION=f"Bearer {staff_key}").status_code == 403
    assert client.get("/api/audit", HTTP_AUTHORIZATION=f"Bearer {gov_key}").status_code == 200
    assert client.get("/api/me", HTTP_AUTHORIZATION="Bearer th_not-a-token").status_code == 401
    assert client.get("/api/me").status_code == 401


def test_revoked_and_expired_tokens_are_refused(client, make_user):
    from datetime import timedelta

    from django.utils import timezone

    user = make_user("staff")
    token, key = ApiToken.issue(user, "old")
    token.revoked = True
    token.save()
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    token2, key2 = ApiToken.issue(user, "expired")
    ApiToken.objects.filter(pk=token2.pk).update(expires_at=timezone.now() - timedelta(days=1))
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {key2}").status_code == 401


def test_only_a_hash_of_the_token_is_stored(make_user):
    token, key = ApiToken.issue(make_user(), "x")
    assert key not in (token.key_hash, token.prefix)
    assert ApiToken.objects.filter(key_hash=ApiToken.hash_key(key)).exists()


def test_token_page_issues_and_revokes_with_audit(verified_client, make_user):
    from townhall.audit.models import AuditEntry

    user = make_user("staff")
    client = verified_client(user)
    response = client.post(reverse("tokens"), {"name": "reporting"})
    assert "th_" in response.content.decode()
    token = ApiToken.objects.get(user=user)
    client.post(reverse("revoke-token", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions[-2:] == ["api_token.issued", "api_token.revoked"]


def test_openapi_schema_is_served(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert "/api/policy/check" in response.json()["paths"]
