"""Issue 10, item 2: staff who opted into two-factor sign-in are asked for it (pages and API)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.core import mfa

from .helpers import code, sign_in


@pytest.fixture(autouse=True)
def _no_backoff(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_staff_opt_in_then_are_asked_at_every_sign_in(client, make_user):
    user = make_user("staff", username="sam")
    sign_in(client, "sam")
    assert client.get(reverse("home")).status_code == 200  # not required: no prompt yet
    page = client.get(reverse("mfa-setup"))
    assert page.status_code == 200 and 'name="current_token"' not in page.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert client.post(reverse("mfa-setup"), {"token": code(device)}).status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))

    sign_in(client, "sam")
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-verify"))
    assert client.get("/api/me").status_code == 401
    assert client.get(reverse("tokens")).status_code == 302
    assert client.post(reverse("mfa-verify"), {"token": code(device, 1)}).status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/api/me").json()["role"] == "staff"


def test_staff_without_a_device_are_not_asked(client, make_user):
    make_user("staff", username="sam")
    sign_in(client, "sam")
    assert client.get("/api/me").status_code == 200
    assert client.get(reverse("web:policy")).status_code == 200


def test_needed_follows_the_role_rule_or_a_device(make_user):
    staff = make_user("staff")
    assert not mfa.needed(staff)
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    staff = type(staff).objects.get(pk=staff.pk)
    assert mfa.needed(staff)
    assert mfa.needed(make_user("governance"))
    unconfirmed = make_user("staff")
    TOTPDevice.objects.create(user=unconfirmed, name="half-done", confirmed=False)
    assert not mfa.needed(unconfirmed)


def test_mark_verified_is_the_one_call_for_other_factors(rf, make_user):
    """What single sign-on calls when the identity provider did the second factor."""
    from django.contrib.sessions.backends.db import SessionStore

    user = make_user("admin")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    request = rf.get("/")
    request.user, request.session = user, SessionStore()
    request.session.create()
    user.is_verified = lambda: False
    assert mfa.pending(request)
    key = request.session.session_key
    mfa.mark_verified(request, "sso")
    assert not mfa.pending(request) and request.session.session_key != key
