"""The owner is told by e-mail when a second factor is added or an API token is made (security
review of 2026-12-06): a staff member who has not opted in has only a password, and whoever holds
it could add their own authenticator app (locking the owner out of the factor) or make a token,
unseen. The notice goes whatever the person's e-mail preference."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import code, sign_in

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def email_on(email_on, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_a_staff_member_hears_of_an_authenticator_and_a_token_made_with_their_password(email_on, make_user):
    make_user("staff", username="sam", email="sam@example.ac.uk", notify_by_email=False)
    thief = Client()
    sign_in(thief, "sam")
    thief.get(reverse("mfa-setup"))
    device = TOTPDevice.objects.get(user__username="sam", confirmed=False)
    assert thief.post(reverse("mfa-setup"), {"token": code(device)}).status_code == 302
    thief.post(reverse("tokens"), {"name": "scraper"})
    call_command("worker", burst=True, no_schedule=True, interval=0)
    subjects = sorted(m.subject for m in mail.outbox)
    assert [m.to for m in mail.outbox] == [["sam@example.ac.uk"]] * 2
    assert any("authenticator app was added" in s for s in subjects)
    assert any("API token called" in s and "scraper" in s for s in subjects)
    assert all("change it now" in m.body and "https://townhall.example.ac.uk/me/" in m.body for m in mail.outbox)
