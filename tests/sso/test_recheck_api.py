"""The provider re-check covers the API used through the browser's session too (security review
of 2026-12-06: `/api/` was exempt, so someone disabled at the provider kept the API for the
session's eight hours while every page had already signed them out)."""

from __future__ import annotations

import pytest

from tests.sso import test_oidc, test_saml

pytestmark = [pytest.mark.django_db]


def _overdue(client) -> None:
    session = client.session
    session["sso"] = {**session["sso"], "checked_at": 0}
    session.save()


def test_a_saml_session_due_for_its_recheck_ends_at_an_api_call(client, saml_idp, rules):
    answer = saml_idp.answer(test_saml.start(client), test_saml.PEOPLE["dana"])
    assert client.post("/sso/saml/acs/", {"SAMLResponse": answer}).status_code == 302
    assert client.get("/api/me").status_code == 200  # checked moments ago
    _overdue(client)
    refused = client.get("/api/me")
    assert refused.status_code == 401
    assert "sign in again" in refused.json()["detail"]
    assert client.get("/api/me").status_code == 401  # the session has ended, not only this answer
    assert client.get("/").status_code == 302


def test_an_oidc_session_is_refreshed_at_an_api_call_and_ends_once_the_provider_refuses(
    client, oidc_settings, oidc_provider, rules
):
    client.get(test_oidc.callback_path(oidc_provider.sign_in(test_oidc.start(client), "lee", test_oidc.CALLBACK)))
    _overdue(client)
    assert client.get("/api/me").status_code == 200  # the refresh token still works
    assert client.session["sso"]["checked_at"] > 0
    oidc_provider.disable("248289761006")
    _overdue(client)
    assert client.get("/api/me").status_code == 401
    assert client.get("/").status_code == 302


def test_a_call_with_its_own_token_is_not_the_sessions_business(client, saml_idp, rules, make_user):
    from townhall.core.models import ApiToken

    answer = saml_idp.answer(test_saml.start(client), test_saml.PEOPLE["dana"])
    client.post("/sso/saml/acs/", {"SAMLResponse": answer})
    _overdue(client)
    owner = make_user("staff", username="tok")
    _, key = ApiToken.issue(owner, "script", second_factor=False)
    answer = client.get("/api/me", headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200 and answer.json()["username"] == "tok"


def test_the_recheck_reapplies_the_rules_to_the_providers_fresh_claims(client, oidc_settings, oidc_provider, rules):
    """Security review of 2026-12-06: someone taken out of the digital team's group kept the role
    until their next sign-in (up to eight hours); now the next re-check applies it."""
    from townhall.audit.models import AuditEntry
    from townhall.core.models import User

    client.get(test_oidc.callback_path(oidc_provider.sign_in(test_oidc.start(client), "max", test_oidc.CALLBACK)))
    assert User.objects.get(email="max@uni.example").role == "digital"
    oidc_provider.set_groups("248289761007", ["all-staff"])
    _overdue(client)
    assert client.get("/").status_code == 200  # still let in, as staff now
    assert User.objects.get(email="max@uni.example").role == "staff"
    assert AuditEntry.objects.filter(action="sso.user_updated").exists()
    assert "mfa" in client.session["sso"] and "fresh" not in client.session["sso"]
    oidc_provider.set_groups("248289761007", ["visitors"])  # no rule lets visitors in
    _overdue(client)
    assert client.get("/").status_code == 302
    assert client.get("/").status_code == 302  # signed out, not only this answer
