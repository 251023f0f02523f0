"""Issue 10, item 13: an API token does not outlive the second factor it was issued without.

A token minted by someone who needed no second factor kept working after they were promoted to
a role that needs one, while their own password-only browser session was held at the prompt.
Now a token records whether its session passed the second factor and is refused while its owner
needs one without it; resetting the second factor or changing the password revokes every token.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.models import AuditEntry
from townhall.core.models import ApiToken

from .helpers import PASSWORD, code, sign_in


@pytest.fixture(autouse=True)
def no_backoff(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _mint(client) -> str:
    response = client.post(reverse("tokens"), {"name": "script"})
    return re.search(r"th_[\w-]+", response.content.decode()).group(0)


def _me(key: str) -> int:
    return Client().get("/api/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code


@pytest.mark.parametrize("promotion", [{"role": "admin"}, {"is_staff": True}])
def test_a_password_only_token_stops_working_after_a_promotion(make_user, promotion):
    user = make_user("staff", username="sam")
    client = Client()
    sign_in(client, "sam")
    key = _mint(client)
    assert _me(key) == 200
    for field, value in promotion.items():
        setattr(user, field, value)
    user.save()
    assert client.get("/api/me").status_code == 401  # the session is held back...
    assert _me(key) == 401  # ...and so is the token


def test_a_token_minted_under_an_opted_in_factor_ends_at_the_promotion(make_user):
    """An opted-in device was set up with the password alone (no enrolment code), so it proves
    nothing once the role requires a second factor: the promotion removes it and the tokens
    minted behind it (test_i10_18); the person enrols with an enrolment code and mints anew."""
    user = make_user("staff", username="sam")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)  # opted in
    client = Client()
    sign_in(client, "sam")
    assert client.post(reverse("mfa-verify"), {"token": code(device)}).status_code == 302
    key = _mint(client)
    assert ApiToken.objects.get().second_factor
    assert _me(key) == 200
    user.role = "admin"
    user.save()
    assert _me(key) == 401


def test_a_token_minted_before_opting_in_stops_working(make_user):
    user = make_user("staff", username="sam")
    client = Client()
    sign_in(client, "sam")
    key = _mint(client)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    assert _me(key) == 401


def test_a_second_factor_reset_revokes_the_tokens(make_user, verified_client):
    victim = make_user("digital", username="dee")
    TOTPDevice.objects.create(user=victim, name="lost phone", confirmed=True)
    _, key = ApiToken.issue(victim, "script")
    assert _me(key) == 200
    admin = make_user("admin", is_staff=True, is_superuser=True)
    verified_client(admin).post(
        "/admin/core/user/", {"action": "reset_second_factor", "_selected_action": [victim.pk]}
    )
    assert _me(key) == 401
    assert ApiToken.objects.get(user=victim).revoked
    assert AuditEntry.objects.filter(action="api_token.revoked_all", object_id=str(victim.pk)).exists()


def test_a_password_change_revokes_the_tokens(make_user):
    make_user("staff", username="sam")
    client = Client()
    sign_in(client, "sam")
    key = _mint(client)
    new = "a different horse battery 7"
    response = client.post(reverse("password-change"), {
        "old_password": PASSWORD, "new_password1": new, "new_password2": new,
    })
    assert response.status_code == 302
    assert _me(key) == 401


def test_an_administrator_setting_a_password_revokes_the_tokens(make_user, verified_client):
    victim = make_user("staff", username="sam")
    _, key = ApiToken.issue(victim, "script")
    admin = verified_client(make_user("admin", is_staff=True, is_superuser=True))
    new = "a different horse battery 7"
    response = admin.post(f"/admin/core/user/{victim.pk}/password/", {
        "password1": new, "password2": new, "usable_password": "true",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _me(key) == 401


def test_the_migration_trusts_only_tokens_newer_than_a_confirmed_device(make_user):
    import importlib
    from datetime import timedelta

    from django.apps import apps
    from django.utils import timezone

    migration = importlib.import_module("townhall.core.migrations.0005_apitoken_second_factor")
    with_device, promoted = make_user("digital"), make_user("digital")
    TOTPDevice.objects.create(user=with_device, name="phone", confirmed=True)
    TOTPDevice.objects.create(user=promoted, name="phone", confirmed=True)
    trusted, _ = ApiToken.issue(with_device, "after the device", second_factor=False)
    older, _ = ApiToken.issue(promoted, "before the device", second_factor=False)
    ApiToken.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=30))
    migration.mark_existing(apps, None)
    assert ApiToken.objects.get(pk=trusted.pk).second_factor
    assert not ApiToken.objects.get(pk=older.pk).second_factor
