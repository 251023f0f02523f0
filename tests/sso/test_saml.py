"""SAML 2.0 sign-in against a real pysaml2 IdP (signing with xmlsec1): the happy path, and every
forged or stale response refused with nothing created."""

from __future__ import annotations

import base64
from unittest import mock

import pytest

from townhall.core.models import User
from townhall.sso.models import Identity

pytestmark = [pytest.mark.django_db]

PEOPLE = {
    "dana": {"persistent_id": "AAdzZWNyZXQxFmDana", "uid": ["dana"], "mail": ["dana@uni.example"],
             "givenName": ["Dana"], "sn": ["Digital"], "groups": ["comms-digital"]},
    "olly": {"persistent_id": "AAdzZWNyZXQxFmOlly", "uid": ["olly"], "mail": ["olly@uni.example"],
             "givenName": ["Olly"], "sn": ["Outsider"], "groups": ["visitors"]},
}


def start(client) -> str:
    resp = client.get("/sso/saml/login/")
    assert resp.status_code == 302, resp.content[:300]
    return resp["Location"]


def test_metadata_is_served_at_a_stable_address(client, saml_idp):
    resp = client.get("/sso/saml/metadata/")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/samlmetadata+xml")
    body = resp.content.decode()
    assert 'entityID="http://testserver/sso/saml/metadata/"' in body
    assert "http://testserver/sso/saml/acs/" in body and 'WantAssertionsSigned="true"' in body


def test_sign_in_maps_the_group_and_counts_the_idps_mfa(client, saml_idp, rules, units):
    saml_response = saml_idp.answer(start(client), PEOPLE["dana"], mfa=True)
    resp = client.post("/sso/saml/acs/", {"SAMLResponse": saml_response})
    assert resp.status_code == 302, resp.content[:500]
    user = User.objects.get(email="dana@uni.example")
    assert (user.role, user.org_unit) == ("digital", units["physics"])
    identity = Identity.objects.get(user=user)
    assert identity.subject == "AAdzZWNyZXQxFmDana" and identity.protocol == "saml"
    assert client.get("/").status_code == 200  # no TOTP prompt: the IdP asserted MFA


def test_without_mfa_context_the_totp_rule_applies(client, saml_idp, rules):
    client.post("/sso/saml/acs/", {"SAMLResponse": saml_idp.answer(start(client), PEOPLE["dana"], mfa=False)})
    resp = client.get("/")
    assert resp.status_code == 302 and "/mfa/setup/" in resp["Location"]


def test_no_matching_rule_is_refused(client, saml_idp, rules):
    resp = client.post("/sso/saml/acs/", {"SAMLResponse": saml_idp.answer(start(client), PEOPLE["olly"])})
    assert resp.status_code == 403 and b"no rule" in resp.content
    assert not User.objects.exists()


def refused(client, saml_response: str) -> None:
    resp = client.post("/sso/saml/acs/", {"SAMLResponse": saml_response})
    assert resp.status_code == 403, resp.content[:300]
    assert not User.objects.exists() and not Identity.objects.exists()
    assert client.get("/").status_code == 302


def test_a_tampered_response_is_refused(client, saml_idp, rules):
    xml = base64.b64decode(saml_idp.answer(start(client), PEOPLE["olly"])).decode()
    assert "visitors" in xml
    refused(client, base64.b64encode(xml.replace("visitors", "comms-digital").encode()).decode())


def test_an_unsigned_assertion_is_refused(client, saml_idp, rules):
    refused(client, saml_idp.answer(start(client), PEOPLE["dana"], sign=False))


def test_an_assertion_for_another_service_is_refused(client, saml_idp, rules):
    refused(client, saml_idp.answer(start(client), PEOPLE["dana"], audience="https://other.example/sp"))


def test_an_expired_assertion_is_refused(client, saml_idp, rules):
    import saml2.time_util

    saml_response = saml_idp.answer(start(client), PEOPLE["dana"])
    later = saml2.time_util.utc_now() + 3600  # used an hour later (the IdP gave it five minutes)
    with mock.patch("saml2.time_util.utc_now", return_value=later):
        refused(client, saml_response)


def test_an_unsolicited_or_replayed_response_is_refused(client, saml_idp, rules):
    from django.test import Client

    saml_response = saml_idp.answer(start(client), PEOPLE["dana"])
    refused(Client(), saml_response)  # another browser never asked for it
    assert client.post("/sso/saml/acs/", {"SAMLResponse": saml_response}).status_code == 302
    User.objects.all().delete()
    client.logout()
    refused(client, saml_response)  # the same response a second time


def test_entra_ids_mfa_attribute_counts_as_mfa(client, settings, saml_idp, rules):
    multipleauthn = "http://schemas.microsoft.com/claims/multipleauthn"
    settings.TOWNHALL_SAML = {**settings.TOWNHALL_SAML, "MFA_CONTEXTS": [multipleauthn]}  # Entra's word for MFA
    person = {**PEOPLE["dana"], "http://schemas.microsoft.com/claims/authnmethodsreferences": [
        "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password",
        multipleauthn]}
    client.post("/sso/saml/acs/", {"SAMLResponse": saml_idp.answer(start(client), person, mfa=False)})
    assert client.get("/").status_code == 200


def test_a_saml_session_goes_back_through_the_idp_at_the_recheck(client, saml_idp, rules):
    client.post("/sso/saml/acs/", {"SAMLResponse": saml_idp.answer(start(client), PEOPLE["dana"])})
    assert client.get("/posts/").status_code in (200, 302)
    session = client.session
    session["sso"] = {**session["sso"], "checked_at": 0}
    session.save()
    resp = client.get("/")
    assert resp.status_code == 302 and resp["Location"].startswith("/sso/saml/login/?next=")
    assert "_auth_user_id" not in client.session


def test_idp_metadata_can_come_from_a_url(client, settings, saml_idp, rules):
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from pathlib import Path

    folder = Path(saml_idp.metadata_file).parent

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/{Path(saml_idp.metadata_file).name}"
        settings.TOWNHALL_SAML = {**settings.TOWNHALL_SAML, "IDP_METADATA_FILE": "", "IDP_METADATA_URL": url}
        resp = client.post("/sso/saml/acs/", {"SAMLResponse": saml_idp.answer(start(client), PEOPLE["dana"])})
    finally:
        server.shutdown()
    assert resp.status_code == 302, resp.content[:300]
    assert User.objects.filter(email="dana@uni.example").exists()
