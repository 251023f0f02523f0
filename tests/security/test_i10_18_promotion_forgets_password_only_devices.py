"""A device enrolled while no second factor was required does not carry over a promotion.

Found by the review of 2026-12-05: a staff member (no second factor required) may opt in from a
password-only session, with no enrolment code; so could someone holding their stolen password.
When an administrator later made them digital team, that device passed the second factor, and
the admin list said "On", so no enrolment code was ever asked for. Now a save that makes the
second factor required removes such devices (and the tokens minted behind them), audited, and
the person enrols with an enrolment code like any new member of the team.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.models import AuditEntry
from townhall.core.models import ApiToken

from .helpers import code, sign_in


@pytest.fixture(autouse=True)
def no_backoff(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _opt_in(client, user) -> TOTPDevice:
    client.get(reverse("mfa-setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(reverse("mfa-setup"), {"token": code(device)}).status_code == 302
    return device


@pytest.mark.parametrize("promote", ["role", "is_staff"])
def test_a_password_only_device_stops_counting_at_promotion(make_user, promote):
    victim = make_user("staff", username="sam")
    attacker = Client()
    sign_in(attacker, "sam")
    device = _opt_in(attacker, victim)  # stolen password, no code asked: staff may opt in
    ApiToken.issue(victim, "attacker's", second_factor=True)
    if promote == "role":
        victim.role = "digital"
    else:
        victim.is_staff = True
    victim.save()
    assert not TOTPDevice.objects.filter(user=victim).exists()
    assert not ApiToken.objects.filter(user=victim, revoked=False).exists()
    entry = AuditEntry.objects.get(action="mfa.reset", object_id=str(victim.pk))
    assert entry.after["reason"] == "the role now requires a second factor"
    later = Client()
    sign_in(later, "sam")
    later.post(reverse("mfa-verify"), {"token": code(device, 1)})
    assert later.get("/api/me").status_code == 401
    response = later.get("/")
    assert response.url.startswith(reverse("mfa-setup"))
    assert "Enrolment code from your administrator" in later.get(response.url).content.decode()


def test_saves_that_do_not_promote_keep_the_device(make_user, present_enrolment_code):
    digital = make_user("digital", username="dee")
    client = Client()
    sign_in(client, "dee")
    present_enrolment_code(client, digital)
    _opt_in(client, digital)
    digital.first_name = "Dee"
    digital.save()
    digital.role = "governance"  # still requires one: nothing changes
    digital.save()
    digital.last_login = None
    digital.save(update_fields=["last_login"])
    assert TOTPDevice.objects.filter(user=digital, confirmed=True).count() == 1
    staff = make_user("staff", username="sam")
    other = Client()
    sign_in(other, "sam")
    _opt_in(other, staff)
    staff.first_name = "Sam"
    staff.save()
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).count() == 1


def test_the_device_admin_cannot_confirm_a_device(make_user, verified_client):
    """Review of 2026-12-05: the authenticator-app admin let an administrator tick 'confirmed'."""
    gil = make_user("governance", username="gil")
    pending = TOTPDevice.objects.create(user=gil, name="someone's phone", confirmed=False)
    admin = make_user("admin", is_staff=True, is_superuser=True)
    client = verified_client(admin)
    url = f"/admin/otp_totp/totpdevice/{pending.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="confirmed"' not in page
    client.post(url, {"name": "x", "confirmed": "on", "step": 30, "t0": 0, "digits": 6, "tolerance": 1})
    assert not TOTPDevice.objects.get(pk=pending.pk).confirmed
