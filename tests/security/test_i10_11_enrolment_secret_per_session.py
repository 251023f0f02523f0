"""Issue 10, item 11: a pending enrolment secret belongs to the session that was shown it.

First enrolment is open to a password-only session (for a role that requires a second factor),
so someone with only the password could open /mfa/setup/, copy the secret, and wait for the
person to confirm that very device. Now the pending device's id is kept in the session that
created it; a session without one gets a fresh device (new key) and the person's other
unconfirmed devices are deleted; confirming accepts only this session's device.
"""

from __future__ import annotations

import base64
import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import code, sign_in


@pytest.fixture(autouse=True)
def no_backoff(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _secret_on(page) -> str:
    return re.search(r"[A-Z2-7]{32,}", page.content.decode()).group(0)


def _code_from(secret: str, offset_steps: int = 0) -> str:
    generator = TOTP(base64.b32decode(secret), 30, 0, 6, 0)
    generator.time = time.time() + offset_steps * 30
    return f"{generator.token():06d}"


def test_a_secret_seen_by_another_session_never_verifies(make_user, present_enrolment_code):
    victim = make_user("governance", username="gil")
    attacker = Client()
    sign_in(attacker, "gil")  # password only (and, for this layer's sake, an enrolment code too)
    present_enrolment_code(attacker, victim)
    seen = _secret_on(attacker.get(reverse("mfa-setup")))
    attacker.post(reverse("logout"))

    real = Client()
    sign_in(real, "gil")
    present_enrolment_code(real, victim)
    page = real.get(reverse("mfa-setup"))
    assert seen not in page.content.decode(), "the victim was shown the secret another session saw"
    device = TOTPDevice.objects.get(user=victim)
    assert real.post(reverse("mfa-setup"), {"token": code(device)}).status_code == 302
    confirmed = TOTPDevice.objects.get(user=victim, confirmed=True)
    assert base64.b32encode(confirmed.bin_key).decode() != seen

    again = Client()
    sign_in(again, "gil")
    for offset in (-1, 0, 1):
        response = again.post(reverse("mfa-verify"), {"token": _code_from(seen, offset)})
        assert response.status_code == 200
    assert again.get("/api/me").status_code == 401


def test_a_session_confirms_only_its_own_pending_device(make_user, present_enrolment_code):
    user = make_user("admin", username="ada")
    attacker, real = Client(), Client()
    sign_in(attacker, "ada")
    present_enrolment_code(attacker, user)  # this layer holds even when both had a code
    attacker.get(reverse("mfa-setup"))
    sign_in(real, "ada")
    present_enrolment_code(real, user)
    real.get(reverse("mfa-setup"))
    # The victim's visit replaced the attacker's device; the attacker's next visit makes a new
    # one (and removes the victim's), but a device is only ever confirmed by its own session.
    theirs = TOTPDevice.objects.get(user=user, confirmed=False)
    response = attacker.post(reverse("mfa-setup"), {"token": code(theirs)})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_a_post_without_a_pending_device_confirms_nothing(make_user, present_enrolment_code):
    user = make_user("digital", username="dee")
    planted = TOTPDevice.objects.create(user=user, name="planted", confirmed=False)
    client = Client()
    sign_in(client, "dee")
    present_enrolment_code(client, user)
    response = client.post(reverse("mfa-setup"), {"token": code(planted)})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(pk=planted.pk).exists()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_reloading_the_page_keeps_the_same_secret(make_user, present_enrolment_code):
    dee = make_user("digital", username="dee")
    client = Client()
    sign_in(client, "dee")
    present_enrolment_code(client, dee)
    first = _secret_on(client.get(reverse("mfa-setup")))
    assert _secret_on(client.get(reverse("mfa-setup"))) == first
