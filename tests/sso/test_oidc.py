"""OpenID Connect sign-in against the real `oidc-provider` on loopback (Django test client as
the app's side, a requests session as the person's browser at the provider)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from townhall.audit.models import AuditEntry
from townhall.core.models import User
from townhall.sso.models import Identity

pytestmark = [pytest.mark.django_db]

CALLBACK = "http://testserver/sso/oidc/callback/"


def start(client) -> str:
    resp = client.get("/sso/oidc/login/")
    assert resp.status_code == 302, resp.content[:300]
    return resp["Location"]


def callback_path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_first_sign_in_creates_the_user_from_claims_and_maps_role_and_unit(client, oidc_settings, oidc_provider,
                                                                          rules, units):
    auth_url = start(client)
    query = parse_qs(urlsplit(auth_url).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["nonce"][0] and query["state"][0]
    back = oidc_provider.sign_in(auth_url, "dana", CALLBACK)
    resp = client.get(callback_path(back))
    assert resp.status_code == 302 and resp["Location"] == "/"
    user = User.objects.get(email="dana@uni.example")
    assert (user.role, user.org_unit, user.get_full_name()) == ("digital", units["physics"], "Dana Digital")
    assert not user.has_usable_password()
    identity = Identity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (oidc_provider.issuer, "248289761001")
    assert AuditEntry.objects.filter(action="sso.user_created", object_id=str(user.pk)).exists()
    # MFA asserted by the provider (amr otp): the digital team's TOTP rule is satisfied, no prompt.
    home = client.get("/")
    assert home.status_code == 200


def test_without_mfa_at_the_provider_the_totp_rule_still_applies(client, oidc_settings, oidc_provider, rules):
    back = oidc_provider.sign_in(start(client), "dina", CALLBACK)
    assert client.get(callback_path(back)).status_code == 302
    home = client.get("/")
    assert home.status_code == 302 and "/mfa/setup/" in home["Location"]


def test_staff_without_mfa_sign_straight_in(client, oidc_settings, oidc_provider, rules):
    back = oidc_provider.sign_in(start(client), "sami", CALLBACK)
    client.get(callback_path(back))
    assert client.get("/").status_code == 200
    assert User.objects.get(email="sami@uni.example").role == "staff"


def test_privileged_roles_can_be_made_to_need_mfa_at_the_provider(client, oidc_settings, oidc_provider, rules):
    oidc_settings.TOWNHALL_SSO = {**oidc_settings.TOWNHALL_SSO, "REQUIRE_IDP_MFA_ROLES": ["digital"]}
    back = oidc_provider.sign_in(start(client), "dina", CALLBACK)
    resp = client.get(callback_path(back))
    assert resp.status_code == 403 and b"second factor" in resp.content
    assert not User.objects.filter(email="dina@uni.example").exists()


def test_someone_matching_no_rule_is_refused_and_nothing_is_created(client, oidc_settings, oidc_provider, rules):
    before = User.objects.count()
    back = oidc_provider.sign_in(start(client), "olly", CALLBACK)
    resp = client.get(callback_path(back))
    assert resp.status_code == 403
    assert b"no rule that gives your account a role" in resp.content
    assert User.objects.count() == before and not Identity.objects.exists()
    assert client.get("/").status_code == 302  # not signed in


def test_rules_are_reapplied_and_changes_audited_at_every_sign_in(client, oidc_settings, oidc_provider, rules, units):
    from townhall.sso import services
    from townhall.sso.models import MappingRule

    client.get(callback_path(oidc_provider.sign_in(start(client), "dana", CALLBACK)))
    client.logout()
    MappingRule.objects.filter(value="comms-digital").delete()
    services.add_rule("test", "groups", "comms-digital", "governance", units["school"], priority=10)
    client.get(callback_path(oidc_provider.sign_in(start(client), "dana", CALLBACK)))
    user = User.objects.get(email="dana@uni.example")
    assert (user.role, user.org_unit) == ("governance", units["school"])
    change = AuditEntry.objects.get(action="sso.user_updated", object_id=str(user.pk))
    assert change.before["role"] == "digital" and change.after["role"] == "governance"
    assert Identity.objects.filter(user=user).count() == 1


def test_state_mismatch_is_refused(client, oidc_settings, oidc_provider, rules):
    back = oidc_provider.sign_in(start(client), "dana", CALLBACK)
    parts = urlsplit(back)
    query = parse_qs(parts.query)
    resp = client.get(parts.path, {"code": query["code"][0], "state": "forged-state"})
    assert resp.status_code == 403
    assert not User.objects.exists()


def test_a_callback_from_another_browser_is_refused(client, django_user_model, oidc_settings, oidc_provider, rules):
    from django.test import Client

    back = oidc_provider.sign_in(start(client), "dana", CALLBACK)
    resp = Client().get(callback_path(back))  # right state and code, but not this browser's sign-in
    assert resp.status_code == 403
    assert not User.objects.exists()


def test_nonce_mismatch_is_refused(client, oidc_settings, oidc_provider, rules):
    auth_url = start(client)
    state = parse_qs(urlsplit(auth_url).query)["state"][0]
    session = client.session
    key = f"_state_townhall_{state}"
    stored = session[key]
    stored["data"]["nonce"] = "not-the-nonce-sent"
    session[key] = stored
    session.save()
    back = oidc_provider.sign_in(auth_url, "dana", CALLBACK)
    resp = client.get(callback_path(back))
    assert resp.status_code == 403 and b"could not be verified" in resp.content
    assert not User.objects.exists()


def test_a_replayed_code_is_refused(client, oidc_settings, oidc_provider, rules):
    from django.test import Client

    first = oidc_provider.sign_in(start(client), "dana", CALLBACK)
    assert client.get(callback_path(first)).status_code == 302  # used once, correctly
    User.objects.all().delete()
    Identity.objects.all().delete()
    # An attacker replays the code in a fresh sign-in of their own (valid state of their session).
    other = Client()
    own_state = parse_qs(urlsplit(start(other)).query)["state"][0]
    code = parse_qs(urlsplit(first).query)["code"][0]
    resp = other.get("/sso/oidc/callback/", {"code": code, "state": own_state})
    assert resp.status_code == 403
    assert not User.objects.exists()


def test_an_id_token_for_another_client_is_refused(client, oidc_settings, oidc_provider, rules):
    # Wrong audience: Townhall configured with another client id than the token is issued to. The
    # provider only issues tokens to registered clients, so we check the verifier directly.
    from townhall.sso import oidc

    back = oidc_provider.sign_in(start(client), "dana", CALLBACK)
    app = oidc.client()
    original = app.client_id
    app.client_id = "someone-else"
    try:
        resp = client.get(callback_path(back))
    finally:
        app.client_id = original
    assert resp.status_code == 403
    assert not User.objects.exists()


def test_a_disabled_account_is_signed_out_at_the_next_recheck(client, oidc_settings, oidc_provider, rules):
    client.get(callback_path(oidc_provider.sign_in(start(client), "pat", CALLBACK)))
    assert client.get("/").status_code == 200
    session = client.session
    session["sso"] = {**session["sso"], "checked_at": 0}  # the re-check interval has passed
    session.save()
    assert client.get("/").status_code == 200  # still enabled: refresh token works
    assert client.session["sso"]["checked_at"] > 0
    oidc_provider.disable("248289761005")
    session = client.session
    session["sso"] = {**session["sso"], "checked_at": 0}
    session.save()
    resp = client.get("/")
    assert resp.status_code == 302 and resp["Location"] == "/sso/ended/"
    assert client.get("/").status_code == 302


def test_sign_out_offers_the_providers_logout(client, oidc_settings, oidc_provider, rules):
    client.get(callback_path(oidc_provider.sign_in(start(client), "sami", CALLBACK)))
    resp = client.post("/logout/")
    assert resp.status_code == 302
    page = client.get("/login/")
    assert b"Also sign out of your university account" in page.content
    out = client.get("/sso/oidc/logout/")
    assert out.status_code == 302 and out["Location"].startswith(oidc_provider.issuer + "/session/end")
    assert "id_token_hint=" in out["Location"]


def test_an_id_token_not_signed_by_the_issuers_key_is_refused(client, oidc_settings, oidc_provider, rules):
    # The JWKS Townhall fetches holds a different key under the provider's key id: the ID token's
    # signature no longer verifies (as when a token is forged or a JWKS answer is tampered with).
    import requests
    from joserfc.jwk import RSAKey

    from townhall.sso import oidc

    real = requests.get(f"{oidc_provider.issuer}/jwks", timeout=5).json()
    forged = {"keys": [RSAKey.generate_key(2048, parameters={"kid": k["kid"], "alg": "RS256", "use": "sig"})
                       .as_dict(private=False) for k in real["keys"] if k["kty"] == "RSA"]}
    back = oidc_provider.sign_in(start(client), "dana", CALLBACK)
    app = oidc.client()
    original = app.fetch_jwk_set
    app.fetch_jwk_set = lambda force=False: forged
    try:
        resp = client.get(callback_path(back))
    finally:
        app.fetch_jwk_set = original
    assert resp.status_code == 403
    assert not User.objects.exists()
