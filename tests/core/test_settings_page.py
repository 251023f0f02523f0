"""People's own settings page: e-mail, time zone, e-mail copies, password; nothing else."""

from __future__ import annotations

import pytest

from townhall.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get("/me/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_change_email_time_zone_and_email_copies(make_user, verified_client):
    user = make_user("staff", email="old@example.ac.uk")
    client = verified_client(user)
    page = client.get("/me/")
    assert page.status_code == 200 and "Your settings" in page.content.decode()
    response = client.post("/me/", {"email": "new@example.ac.uk", "time_zone": "America/New_York",
                                    "role": "admin", "is_superuser": "on"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.email, user.time_zone, user.notify_by_email) == ("new@example.ac.uk", "America/New_York", False)
    assert user.role == "staff" and not user.is_superuser  # not theirs to change
    entry = AuditEntry.objects.get(action="user.settings_changed")
    assert set(entry.after["fields"]) == {"email", "time_zone", "notify_by_email"}
    assert "new@example.ac.uk" not in str(entry.after)  # which fields changed, not the personal data


def test_a_bad_time_zone_or_email_is_refused_and_nothing_changes(make_user, verified_client):
    user = make_user("digital", email="dana@example.ac.uk")
    client = verified_client(user)
    response = client.post("/me/", {"email": "not an address", "time_zone": "Mars/Olympus_Mons",
                                    "notify_by_email": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address" in html and "Select a valid choice" in html
    user.refresh_from_db()
    assert (user.email, user.time_zone) == ("dana@example.ac.uk", "Europe/London")


def test_password_change_asks_for_the_old_one_and_is_audited(make_user, client):
    user = make_user("staff")
    client.force_login(user)
    wrong = client.post("/me/password/", {"old_password": "nope", "new_password1": "a much longer passphrase 42",
                                          "new_password2": "a much longer passphrase 42"})
    assert wrong.status_code == 200 and "incorrectly" in wrong.content.decode()
    ok = client.post("/me/password/", {"old_password": "correct horse battery 9",
                                       "new_password1": "a much longer passphrase 42",
                                       "new_password2": "a much longer passphrase 42"})
    assert ok.status_code == 302 and ok["Location"] == "/me/"
    user.refresh_from_db()
    assert user.check_password("a much longer passphrase 42")
    assert AuditEntry.objects.filter(action="user.password_changed").exists()
