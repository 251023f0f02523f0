"""Issue 10, item 12: Django admin access needs the second factor; the admin shows no secret.

`User.mfa_required` looked only at the role, so someone with role "staff" and `is_staff`
reached /admin/ with the password alone, and the TOTP device admin showed every device's key
(and a QR code page). Now admin access (is_staff or is_superuser) requires the second factor,
and the device admin pages show neither keys nor backup codes.
"""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.models import AuditEntry

from .helpers import sign_in


@pytest.mark.parametrize("flags", [{"is_staff": True}, {"is_superuser": True}])
def test_admin_access_requires_a_second_factor_whatever_the_role(make_user, flags):
    user = make_user("staff", username="ops", **flags)
    assert user.mfa_required
    client = Client()
    assert sign_in(client, "ops").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-setup"))
    assert client.get("/api/me").status_code == 401


def test_plain_staff_still_need_no_second_factor(make_user):
    assert not make_user("staff").mfa_required


def _admin_with_device_permissions(make_user, verified_client):
    ops = make_user("staff", username="ops", is_staff=True)
    ops.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_totpdevice", "change_totpdevice", "add_totpdevice",
                      "view_staticdevice", "change_staticdevice", "add_staticdevice"]))
    return verified_client(ops)


def test_the_totp_admin_shows_no_key(make_user, verified_client):
    client = _admin_with_device_permissions(make_user, verified_client)
    boss = make_user("admin", username="boss")
    device = TOTPDevice.objects.create(user=boss, name="phone", confirmed=True)
    secrets = (device.key, base64.b32encode(device.bin_key).decode())
    for path in (
        "/admin/otp_totp/totpdevice/",
        f"/admin/otp_totp/totpdevice/{device.pk}/change/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not any(s in response.content.decode() for s in secrets), path
    for path in (f"/admin/otp_totp/totpdevice/{device.pk}/config/", f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/"):
        response = client.get(path)
        assert response.status_code in (302, 403, 404), path
        assert not any(s in response.content.decode() for s in secrets), path
    # No add form (it would show a fresh key and let an administrator choose one).
    assert client.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    # A change posted with a key changes no key.
    before = device.key
    client.post(f"/admin/otp_totp/totpdevice/{device.pk}/change/", {
        "user": boss.pk, "name": "phone", "confirmed": "on", "step": 30, "t0": 0, "digits": 6,
        "tolerance": 1, "key": "00" * 20,
    })
    device.refresh_from_db()
    assert device.key == before


def test_the_backup_code_admin_shows_no_code(make_user, verified_client):
    client = _admin_with_device_permissions(make_user, verified_client)
    boss = make_user("admin", username="boss")
    device = StaticDevice.objects.create(user=boss, name="backup", confirmed=True)
    StaticToken.objects.create(device=device, token="zq7xk3mv")
    response = client.get(f"/admin/otp_static/staticdevice/{device.pk}/change/")
    assert response.status_code == 200 and "zq7xk3mv" not in response.content.decode()
    assert client.get("/admin/otp_static/staticdevice/add/").status_code == 403


def test_the_reset_action_still_works(make_user, verified_client):
    victim = make_user("digital", username="dee")
    TOTPDevice.objects.create(user=victim, name="lost phone", confirmed=True)
    admin = make_user("admin", is_staff=True, is_superuser=True)
    client = verified_client(admin)
    response = client.post("/admin/core/user/", {"action": "reset_second_factor", "_selected_action": [victim.pk]})
    assert response.status_code == 200 and "Enrolment code" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=victim).exists()
    assert AuditEntry.objects.filter(action="mfa.reset", object_id=str(victim.pk)).exists()
