"""A password changed by any route revokes the person's API tokens (session follow-up to I10-13).

Why: the settings page and the admin revoked tokens, but ``manage.py changepassword`` and code that
calls ``set_password`` did not, so a token minted under a leaked password outlived the reset an
operator made from the command line."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from townhall.core.models import ApiToken, User
from townhall.core.services import user_for_token


def _user_with_token() -> tuple[User, str]:
    user = User.objects.create_user("rita", password="first-Pass-123", role="staff")
    _token, key = ApiToken.issue(user, "script")
    assert user_for_token(key) == user
    return user, key


@pytest.mark.django_db
def test_set_password_in_code_revokes_tokens() -> None:
    user, key = _user_with_token()
    user.set_password("second-Pass-456")
    user.save()
    assert user_for_token(key) is None


@pytest.mark.django_db
def test_changepassword_command_revokes_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    _user, key = _user_with_token()
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "third-Pass-789!")
    call_command("changepassword", "rita")
    assert user_for_token(key) is None


@pytest.mark.django_db
def test_saving_without_a_password_change_keeps_tokens() -> None:
    user, key = _user_with_token()
    user.first_name = "Rita"
    user.save()
    assert user_for_token(key) == user


@pytest.mark.django_db
def test_an_administrator_setting_the_password_revokes_tokens(make_user, verified_client) -> None:
    user, key = _user_with_token()
    admin = make_user("admin", is_staff=True, is_superuser=True)
    new = "a brand new horse battery 9"
    response = verified_client(admin).post(
        f"/admin/core/user/{user.pk}/password/", {"password1": new, "password2": new, "usable_password": "true"}
    )
    assert response.status_code == 302
    assert user_for_token(key) is None


@pytest.mark.django_db
def test_the_settings_page_says_how_many_tokens_went(client) -> None:
    user, key = _user_with_token()
    client.force_login(user)  # an author: no second factor asked
    new = "yet another horse battery 8"
    response = client.post(
        "/me/password/", {"old_password": "first-Pass-123", "new_password1": new, "new_password2": new}, follow=True
    )
    assert user_for_token(key) is None
    assert "1 API token revoked" in response.content.decode()
