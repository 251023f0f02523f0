"""First enrolment needs an enrolment code handed over out of band (closes trust on first use).

Before: a person whose role requires a second factor and who had none yet (a new account, or
one reset after a lost phone) was sent to the setup page with the password alone, so whoever
held the password and got there first owned the account's second factor. Now the page asks
first for a code an administrator issued (`core.enrolment`); without it no secret is made or
shown, and nothing can be confirmed.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.models import AuditEntry
from townhall.core import enrolment
from townhall.core.models import EnrolmentCode

from .helpers import code, sign_in


@pytest.fixture
def no_backoff(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _setup(client, **data):
    return client.post(reverse("mfa-setup"), data) if data else client.get(reverse("mfa-setup"))


def _secret_on_screen(make_user):
    """gil, signed in with the password, has typed a fresh enrolment code and sees a new secret."""
    gil = make_user("governance", username="gil")
    typed, row = enrolment.issue(None, gil)
    client = Client()
    sign_in(client, "gil")
    assert _setup(client, code=typed).status_code == 302
    _setup(client)
    return gil, client, row, TOTPDevice.objects.get(user=gil, confirmed=False)


def test_the_password_alone_reaches_no_secret_and_confirms_nothing(make_user, no_backoff):
    """The attack: password only, first to the setup page."""
    victim = make_user("governance", username="gil")
    attacker = Client()
    sign_in(attacker, "gil")
    page = _setup(attacker)
    assert page.status_code == 200 and "Enrolment code from your administrator" in page.content.decode()
    assert not re.search(r"[A-Z2-7]{32,}", page.content.decode()), "a TOTP secret was shown"
    assert "otpauth" not in page.content.decode() and "data:image/svg" not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=victim).exists()
    # Posting a one-time code (or anything else) without an enrolment code confirms nothing.
    planted = TOTPDevice.objects.create(user=victim, name="planted", confirmed=False)
    for data in ({"token": code(planted)}, {"code": "AAAA-BBBB-CCCC"}, {"code": ""}, {"code": "x" * 500}):
        assert _setup(attacker, **data).status_code == 200
    assert not TOTPDevice.objects.filter(user=victim, confirmed=True).exists()
    # Every other page still answers with the way to the setup page, nothing more.
    assert attacker.get("/").url.startswith(reverse("mfa-setup"))
    assert attacker.get("/api/me").status_code == 401


def test_a_code_is_for_one_person_and_works_once(make_user, no_backoff, present_enrolment_code):
    gil, dee = make_user("governance", username="gil"), make_user("digital", username="dee")
    typed, _ = enrolment.issue(None, gil)
    other = Client()
    sign_in(other, "dee")
    assert _setup(other, code=typed).status_code == 200  # gil's code is not dee's
    mine = Client()
    sign_in(mine, "gil")
    assert _setup(mine, code=f"  {typed.lower().replace('-', ' ')} ").status_code == 302  # case, spaces
    _setup(mine)
    device = TOTPDevice.objects.get(user=gil, confirmed=False)
    assert _setup(mine, token=code(device)).status_code == 302
    entry = AuditEntry.objects.get(action="mfa.enrolled", object_id=str(gil.pk))
    assert entry.after == {"with_enrolment_code": True}
    assert EnrolmentCode.objects.get(user=gil).used_at is not None
    # Used: a second session cannot present it again (gil is reset, so would need a new one).
    TOTPDevice.objects.filter(user=gil).delete()
    again = Client()
    sign_in(again, "gil")
    assert _setup(again, code=typed).status_code == 200
    assert dee.pk  # dee was never given a code and has none
    assert not EnrolmentCode.objects.filter(user=dee).exists()


def test_a_newer_code_withdraws_the_older_and_codes_run_out(make_user, no_backoff):
    gil = make_user("governance", username="gil")
    old, _ = enrolment.issue(None, gil)
    new, row = enrolment.issue(None, gil)
    client = Client()
    sign_in(client, "gil")
    assert _setup(client, code=old).status_code == 200
    EnrolmentCode.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _setup(client, code=new)
    assert response.status_code == 200 and "has run out" in response.content.decode()


def test_a_code_that_runs_out_between_the_steps_confirms_nothing(make_user, no_backoff):
    gil, client, row, device = _secret_on_screen(make_user)
    EnrolmentCode.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    page = _setup(client, token=code(device)).content.decode()
    assert not TOTPDevice.objects.filter(user=gil, confirmed=True).exists()
    assert "Enrolment code from your administrator" in page and "has run out or was replaced" in page
    assert "This field is required" not in page


def test_the_code_is_withdrawn_while_the_secret_is_on_screen(make_user, no_backoff):
    """An administrator issues a newer code (e.g. they suspect the first was seen): the session
    that showed the old one can no longer confirm its device."""
    gil, client, _, device = _secret_on_screen(make_user)
    enrolment.issue(None, gil)
    _setup(client, token=code(device))
    assert not TOTPDevice.objects.filter(user=gil, confirmed=True).exists()


def test_guessing_codes_runs_into_the_one_back_off(make_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    gil = make_user("governance", username="gil")
    typed, _ = enrolment.issue(None, gil)
    client = Client()
    sign_in(client, "gil")
    assert _setup(client, code="ABCD-EFGH-JK23").status_code == 200
    response = _setup(client, code=typed)  # right, but inside the back-off: not even looked at
    assert response.status_code == 200 and "Wait" in response.content.decode()
    assert enrolment.check(gil, typed).wait_seconds > 0
    assert gil.mfa_throttle.failures == 1


def test_only_a_keyed_hash_is_stored(make_user):
    gil = make_user("governance", username="gil")
    typed, row = enrolment.issue(None, gil)
    bare = typed.replace("-", "")
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}", typed)
    stored = EnrolmentCode.objects.get(pk=row.pk)
    assert bare not in stored.digest and typed not in stored.digest
    import hashlib

    assert stored.digest != hashlib.sha256(bare.encode()).hexdigest()
    entry = AuditEntry.objects.get(action="mfa.enrolment_code_issued", object_id=str(gil.pk))
    assert bare not in str(entry.after) and typed not in str(entry.after)


def test_the_command_issues_a_working_code(make_user, no_backoff):
    gil = make_user("admin", username="root", is_staff=True, is_superuser=True)
    out, err = StringIO(), StringIO()
    call_command("enrolment_code", "root", stdout=out, stderr=err)
    typed = out.getvalue().strip()
    assert "in person or by phone" in err.getvalue()
    client = Client()
    sign_in(client, "root")
    assert _setup(client, code=typed).status_code == 302
    with pytest.raises(CommandError, match="no user called"):
        call_command("enrolment_code", "nobody", stdout=StringIO())
    gil.is_active = False
    gil.save()
    with pytest.raises(CommandError, match="deactivated"):
        call_command("enrolment_code", "root", stdout=StringIO())


def test_only_administrators_issue_codes_in_the_admin(make_user, verified_client):
    """A digital-team member with admin access (is_staff) may not hand themselves or anyone a code."""
    gil = make_user("governance", username="gil")
    helper = make_user("digital", username="dee", is_staff=True)
    client = verified_client(helper)
    response = client.post("/admin/core/user/", {"action": "issue_enrolment_code", "_selected_action": [gil.pk]})
    assert response.status_code in (302, 403)
    assert not EnrolmentCode.objects.exists()


def test_the_admin_shows_each_code_once_and_the_list_says_who_waits(make_user, verified_client):
    gil = make_user("governance", username="gil")
    admin = make_user("admin", is_staff=True, is_superuser=True)
    client = verified_client(admin)
    listing = client.get("/admin/core/user/").content.decode()
    assert "Not set up; needs an enrolment code" in listing
    response = client.post("/admin/core/user/", {"action": "issue_enrolment_code", "_selected_action": [gil.pk]})
    shown = re.findall(r"<code>([A-Z2-9-]{14})</code>", response.content.decode())
    assert len(shown) == 1
    assert "Not set up; enrolment code issued" in client.get("/admin/core/user/").content.decode()
    assert shown[0] not in client.get("/admin/core/user/").content.decode()
    assert shown[0] not in client.get(f"/admin/core/user/{gil.pk}/change/").content.decode()


def test_people_who_do_not_need_a_code(make_user, verified_client, no_backoff):
    """Opting in from a full session, and moving to a new phone, are not first enrolment from a
    password-only session: no code is asked (their own tests cover the rest of those paths)."""
    sam = make_user("staff", username="sam")
    client = Client()
    sign_in(client, "sam")
    page = _setup(client)
    assert "Enrolment code from your administrator" not in page.content.decode()
    assert TOTPDevice.objects.filter(user=sam, confirmed=False).exists()


def test_a_code_used_up_at_the_last_moment_confirms_nothing(make_user, no_backoff, monkeypatch):
    """The code is used up in the transaction that confirms the device: if it went between the
    page's check and that transaction, the device stays unconfirmed."""
    from townhall.core import views

    gil, client, row, device = _secret_on_screen(make_user)
    EnrolmentCode.objects.filter(pk=row.pk).update(used_at=timezone.now())
    monkeypatch.setattr(views, "_presented_code", lambda request: row.pk)  # the check saw it still open
    response = _setup(client, token=code(device))
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-setup"))
    assert not TOTPDevice.objects.filter(user=gil, confirmed=True).exists()
    assert not AuditEntry.objects.filter(action="mfa.enrolled").exists()
