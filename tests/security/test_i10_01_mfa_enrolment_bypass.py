"""Issue 10, item 1: the second factor cannot be bypassed by enrolling a new device.

A password-only session of someone who must (role) or chose to (opt-in) use a second factor
reaches nothing but the code prompt, sign-out, static files and, only for a role that requires
it and a person without a device, first enrolment. Walked over every pattern in the URLconf.
"""

from __future__ import annotations

import re
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.audit.models import AuditEntry
from townhall.core import mfa
from townhall.core.models import ApiToken

from .helpers import code, every_path, sign_in


@pytest.fixture
def no_backoff(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _state() -> tuple:
    return (
        AuditEntry.objects.count(),
        ApiToken.objects.count(),
        sorted(TOTPDevice.objects.values_list("pk", "confirmed", "key")),
    )


def _assert_refused(response, path: str, first_enrolment: bool) -> None:
    if path.startswith("/api/"):
        assert response.status_code == 401, (path, response.status_code)
        return
    assert response.status_code == 302, (path, response.status_code)
    prompt = reverse("mfa-setup") if first_enrolment else reverse("mfa-verify")
    assert response.url.startswith(prompt), (path, response.url)


@pytest.mark.parametrize("who", ["admin_with_device", "digital_without_device", "staff_opted_in"])
def test_password_only_session_reaches_nothing_but_the_prompt(client, make_user, who):
    if who == "admin_with_device":
        user = make_user("admin", username="ada", is_staff=True, is_superuser=True)
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    elif who == "digital_without_device":
        user = make_user("digital", username="dee")
    else:
        user = make_user("staff", username="sam", is_staff=True)
        TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    first_enrolment = who == "digital_without_device"
    assert sign_in(client, user.username).status_code == 302
    allowed = {reverse("mfa-verify"), reverse("logout")}
    if first_enrolment:
        allowed.add(reverse("mfa-setup"))
    paths = every_path()
    assert len(paths) > 50 and "/admin/" in paths and "/api/me" in paths and "/mfa/setup/" in paths
    before = _state()
    for path in [*paths, "/admin/core/user/1/change/", "/api/openapi.json", "/healthz", "/me/tokens/"]:
        if path in allowed:
            continue
        _assert_refused(client.get(path), path, first_enrolment)
        _assert_refused(client.post(path, {"name": "x", "token": "123456"}), path, first_enrolment)
        for method in (client.put, client.patch, client.delete):
            _assert_refused(method(path, "{}", content_type="application/json"), path, first_enrolment)
    assert _state() == before, "a refused request changed something"
    # The prompt itself answers, and the session is still the password-only one.
    assert client.get(reverse("mfa-verify")).status_code in (200, 302)
    assert mfa.SESSION_KEY not in client.session and "otp_device_id" not in client.session


def test_re_enrolment_from_a_password_only_session_is_refused(client, make_user):
    """The reported attack: password only, open /mfa/setup/, confirm a new secret."""
    admin = make_user("admin", username="ada", is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    sign_in(client, "ada")
    response = client.get(reverse("mfa-setup"))
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-verify"))
    # No secret was shown, so none can be confirmed; a guess at one changes nothing either.
    assert not TOTPDevice.objects.filter(user=admin, confirmed=False).exists()
    client.post(reverse("mfa-setup"), {"token": "123456"})
    assert TOTPDevice.objects.filter(user=admin).count() == 1
    assert client.get("/admin/").status_code == 302
    assert client.get("/api/me").status_code == 401
    client.post(reverse("tokens"), {"name": "mine"})
    assert not ApiToken.objects.exists()


def test_the_view_itself_refuses_re_enrolment_without_the_factor(rf, make_user):
    """Defence in depth: even if the middleware were bypassed, the view asks for the factor."""
    from django.contrib.sessions.backends.db import SessionStore

    from townhall.core.views import mfa_setup

    user = make_user("staff", username="sam")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    request = rf.get("/mfa/setup/")
    request.user = user
    request.session = SessionStore()
    user.is_verified = lambda: False
    response = mfa_setup(request)
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa-verify"))
    assert not TOTPDevice.objects.filter(user=user, confirmed=False).exists()


def _verify(client, device):
    return client.post(reverse("mfa-verify"), {"token": code(device)})


def test_moving_to_a_new_app_needs_a_code_from_the_current_one(client, make_user, no_backoff):
    user = make_user("digital", username="dee")
    old = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, "dee")
    assert _verify(client, old).status_code == 302
    page = client.get(reverse("mfa-setup"))
    assert page.status_code == 200 and 'name="current_token"' in page.content.decode()
    new = TOTPDevice.objects.get(user=user, confirmed=False)
    # The new app's code alone is not enough (a hijacked session cannot swap in a phone).
    response = client.post(reverse("mfa-setup"), {"token": code(new)})
    assert response.status_code == 200
    assert TOTPDevice.objects.filter(user=user, confirmed=True).get() == old
    # A wrong current code is refused too.
    response = client.post(reverse("mfa-setup"), {"token": code(new), "current_token": "000000"})
    assert response.status_code == 200 and not TOTPDevice.objects.get(pk=new.pk).confirmed
    # With both: the new device replaces the old one, audited. (The current code must be a
    # fresh one: the one used at sign-in is spent.)
    response = client.post(reverse("mfa-setup"), {"token": code(new), "current_token": code(old, 1)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=user).values_list("pk", flat=True)) == [new.pk]
    assert AuditEntry.objects.filter(action="mfa.replaced", object_id=str(user.pk)).exists()


def test_first_enrolment_is_audited_and_rotates_the_session(client, make_user, no_backoff, present_enrolment_code):
    user = make_user("governance", username="gil")
    sign_in(client, "gil")
    present_enrolment_code(client, user)
    client.get(reverse("mfa-setup"))
    device = TOTPDevice.objects.get(user=user)
    before = client.session.session_key
    assert client.post(reverse("mfa-setup"), {"token": code(device)}).status_code == 302
    assert client.session.session_key != before  # session fixation: a new id after the factor
    assert AuditEntry.objects.filter(action="mfa.enrolled", object_id=str(user.pk)).exists()
    assert client.get("/api/me").status_code == 200


def test_verification_rotates_the_session_key(client, make_user):
    user = make_user("admin", username="ada")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, "ada")
    planted = client.session.session_key
    assert _verify(client, device).status_code == 302
    assert client.session.session_key != planted
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=planted).exists()


def test_a_code_is_accepted_once(client, make_user, django_user_model):
    """Replay: the code that signed one session in cannot sign a second one in."""
    from django.test import Client

    user = make_user("digital", username="dee")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    token = code(device)
    sign_in(client, "dee")
    assert client.post(reverse("mfa-verify"), {"token": token}).status_code == 302
    other = Client()
    sign_in(other, "dee")
    response = other.post(reverse("mfa-verify"), {"token": token})
    assert response.status_code == 200 and other.get("/api/me").status_code == 401


def test_the_back_off_applies_to_enrolment_confirmation(client, make_user, settings, present_enrolment_code):
    settings.OTP_TOTP_THROTTLE_FACTOR = 30  # first wait 30 s, then 60, 120...
    user = make_user("admin", username="ada")
    sign_in(client, "ada")
    present_enrolment_code(client, user)
    client.get(reverse("mfa-setup"))
    device = TOTPDevice.objects.get(user=user)
    assert client.post(reverse("mfa-setup"), {"token": "000000"}).status_code == 200
    response = client.post(reverse("mfa-setup"), {"token": code(device)})
    assert response.status_code == 200 and "Wait" in response.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    # The same per-person back-off holds at the sign-in prompt (one count for every place).
    assert mfa.check_code(user, code(device), device=device).wait_seconds > 0


def test_a_stale_device_object_cannot_pass_a_spent_code(make_user, no_backoff):
    """Two confirmations racing: each re-reads the device under a lock, so one code passes once."""
    user = make_user("admin")
    device = TOTPDevice.objects.create(user=user, name="new", confirmed=False)
    stale = TOTPDevice.objects.get(pk=device.pk)
    token = code(device)
    assert mfa.check_code(user, token, device=device).ok
    assert not mfa.check_code(user, token, device=stale).ok


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_confirmations_with_one_code(make_user, no_backoff):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite runs one writer at a time; the stale-object test covers it there")
    user = make_user("admin")
    device = TOTPDevice.objects.create(user=user, name="new", confirmed=False)
    token = code(device)
    barrier, results = threading.Barrier(4), []

    def confirm():
        from django.db import connections

        barrier.wait()
        try:
            results.append(mfa.check_code(user, token, device=device).ok)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, False, False, True]


def test_an_admin_reset_is_audited_and_ends_verified_sessions(client, make_user, verified_client, no_backoff):
    from django.test import Client

    victim = make_user("digital", username="dee")
    device = TOTPDevice.objects.create(user=victim, name="lost phone", confirmed=True)
    theirs = Client()
    sign_in(theirs, "dee")
    assert _verify(theirs, device).status_code == 302
    assert theirs.get("/api/me").status_code == 200
    admin = make_user("admin", is_staff=True, is_superuser=True)
    admin_client = verified_client(admin)
    response = admin_client.post(
        "/admin/core/user/", {"action": "reset_second_factor", "_selected_action": [victim.pk]}
    )
    # The next page shows the enrolment code the person needs for their new phone, once.
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]  # the admin never caches
    handed_over = re.search(r"<code>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})</code>", response.content.decode()).group(1)
    assert not TOTPDevice.objects.filter(user=victim).exists()
    entry = AuditEntry.objects.get(action="mfa.reset", object_id=str(victim.pk))
    assert entry.actor_label == admin.username and entry.after == {"devices_removed": 1}
    assert AuditEntry.objects.filter(action="mfa.enrolment_code_issued", object_id=str(victim.pk)).exists()
    assert handed_over.replace("-", "") not in str(list(AuditEntry.objects.values_list("after", flat=True)))
    # The old session no longer counts as verified: back to first enrolment, which takes the code.
    response = theirs.get("/")
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-setup"))
    assert theirs.post(reverse("mfa-setup"), {"code": handed_over.lower()}).status_code == 302
    theirs.get(reverse("mfa-setup"))
    new_phone = TOTPDevice.objects.get(user=victim, confirmed=False)
    assert theirs.post(reverse("mfa-setup"), {"token": code(new_phone)}).status_code == 302
    assert theirs.get("/api/me").status_code == 200
