"""SAML: only the identity provider Townhall trusts can sign anyone in (security review of 2026-12-06).

pysaml2 accepts an assertion signed by any provider in the metadata, and the response's outer
<Issuer> is not signed. With a federation's metadata (hundreds of providers), another member
could sign an assertion with someone's NameID, rewrite the outer issuer to the university's, and
be signed in as that person, their role and their provider-MFA included. These tests play that
member with a second pysaml2 IdP whose metadata sits beside the university's.
"""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from tests.sso.conftest import IDP_ENTITY, MFA_CONTEXT, _self_signed, make_saml_idp
from townhall.core.models import User
from townhall.sso.models import Identity

pytestmark = [pytest.mark.django_db]

DANA = {"persistent_id": "AAdzZWNyZXQxFmDana", "uid": ["dana"], "mail": ["dana@uni.example"],
        "givenName": ["Dana"], "sn": ["Digital"], "groups": ["comms-digital"]}
MEMBER = "https://idp.other-uni.example/idp/shibboleth"


def _start(client: Client) -> str:
    response = client.get("/sso/saml/login/")
    assert response.status_code == 302, response.content[:300]
    return response["Location"]


def _member_idp(folder: Path, sp_metadata: Path):
    """Another federation member's IdP: its own key, it knows Townhall's SP metadata."""
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.config import IdPConfig
    from saml2.metadata import create_metadata_string
    from saml2.server import Server

    if not (folder / "member.key").exists():
        _self_signed(folder, "member")
    conf = IdPConfig()
    conf.load({
        "entityid": MEMBER, "xmlsec_binary": shutil.which("xmlsec1"),
        "key_file": str(folder / "member.key"), "cert_file": str(folder / "member.crt"),
        "service": {"idp": {
            "endpoints": {"single_sign_on_service": [("https://idp.other-uni.example/sso", BINDING_HTTP_REDIRECT)]},
            "policy": {"default": {"lifetime": {"minutes": 5}, "attribute_restrictions": None,
                                   "name_form": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"}},
            "name_id_format": ["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"],
        }},
        "metadata": {"local": [str(sp_metadata)]},
    })
    return Server(config=conf), create_metadata_string(None, config=conf).decode()


def _member_answer(server, redirect_url: str, person: dict, home) -> str:
    """The member's signed answer (assertion signed, response not) to Townhall's AuthnRequest, as XML."""
    from saml2.s_utils import decode_base64_and_inflate
    from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID
    from saml2.samlp import authn_request_from_string

    query = parse_qs(urlsplit(redirect_url).query)
    request_id = authn_request_from_string(decode_base64_and_inflate(query["SAMLRequest"][0])).id
    response = server.create_authn_response(
        identity={k: v for k, v in person.items() if k != "persistent_id"}, in_response_to=request_id,
        destination=home.acs, sp_entity_id=home.sp_entity,
        name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=person["persistent_id"]),
        authn={"class_ref": MFA_CONTEXT, "authn_auth": MEMBER}, sign_assertion=True, sign_response=False,
    )
    return str(response)


def _outer_issuer_as(xml: str, old: str, new: str) -> str:
    """Rewrite the response's outer <Issuer> (the part no signature covers), not the assertion's."""
    head, sep, rest = xml.partition(":Assertion ")
    cut = head.rfind("<")
    head, opener = head[:cut], head[cut:]
    assert old in head
    return head.replace(old, new) + opener + sep + rest


def _post(client: Client, xml: str):
    return client.post("/sso/saml/acs/", {"SAMLResponse": base64.b64encode(xml.encode()).decode()})


@pytest.fixture
def federation(settings, saml_idp_files):
    """Townhall reads a federation's metadata: the university's IdP and another member's."""
    home = make_saml_idp(settings, saml_idp_files, "http://testserver", "https://idp.uni.example/sso", "testserver")
    folder = Path(saml_idp_files)
    member, member_meta = _member_idp(folder, folder / "sp-testserver.xml")

    def body(xml: str) -> str:
        return xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml

    aggregate = folder / "federation.xml"
    aggregate.write_text('<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">'
                         + body(Path(home.metadata_file).read_text()) + body(member_meta) + "</md:EntitiesDescriptor>")
    settings.TOWNHALL_SAML = {**settings.TOWNHALL_SAML, "IDP_METADATA_FILE": str(aggregate),
                              "IDP_ENTITY_ID": IDP_ENTITY}
    from townhall.sso import saml

    saml._client.cache_clear()
    return home, member


def test_federation_metadata_without_a_named_provider_refuses_to_start(client, federation, settings):
    settings.TOWNHALL_SAML = {**settings.TOWNHALL_SAML, "IDP_ENTITY_ID": ""}
    response = client.get("/sso/saml/login/")
    assert response.status_code == 403
    assert b"not set up correctly" in response.content


def test_named_provider_missing_from_the_metadata_refuses_to_start(client, federation, settings):
    settings.TOWNHALL_SAML = {**settings.TOWNHALL_SAML, "IDP_ENTITY_ID": "https://idp.typo.example/"}
    assert client.get("/sso/saml/login/").status_code == 403


def test_the_named_provider_still_signs_people_in(client, federation, rules):
    home, _ = federation
    response = client.post("/sso/saml/acs/", {"SAMLResponse": home.answer(_start(client), DANA)})
    assert response.status_code == 302
    assert Identity.objects.get(user__email="dana@uni.example").issuer == IDP_ENTITY


def test_another_member_cannot_sign_in_as_someone_by_rewriting_the_outer_issuer(client, federation, rules):
    home, member = federation
    assert client.post("/sso/saml/acs/", {"SAMLResponse": home.answer(_start(client), DANA)}).status_code == 302
    dana = User.objects.get(email="dana@uni.example")

    attacker = Client()
    xml = _outer_issuer_as(_member_answer(member, _start(attacker), DANA, home), MEMBER, IDP_ENTITY)
    response = _post(attacker, xml)
    assert response.status_code == 403
    assert "_auth_user_id" not in attacker.session
    assert attacker.get("/").status_code == 302  # to the sign-in page
    assert Identity.objects.filter(user=dana).count() == 1


def test_another_member_cannot_sign_in_its_own_people_with_the_rules_roles(client, federation, rules):
    home, member = federation
    attacker = Client()
    person = {**DANA, "persistent_id": "someone-else", "mail": ["x@other-uni.example"]}
    response = _post(attacker, _member_answer(member, _start(attacker), person, home))
    assert response.status_code == 403
    assert not User.objects.filter(email="x@other-uni.example").exists()
    assert not Identity.objects.filter(issuer=MEMBER).exists()


def test_a_rewritten_outer_issuer_is_refused_even_with_one_provider(client, saml_idp, rules):
    """The identity is keyed on the issuer, so an unsigned issuer must never become one."""
    xml = base64.b64decode(saml_idp.answer(_start(client), DANA)).decode()
    response = _post(client, _outer_issuer_as(xml, IDP_ENTITY, "https://login.example/anything"))
    assert response.status_code == 403
    assert not Identity.objects.exists()
