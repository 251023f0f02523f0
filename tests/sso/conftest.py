"""Real identity providers on loopback, started by the tests themselves.

- OpenID Connect: panva's OpenID Certified `oidc-provider` from npm (oidc-provider.mjs here,
  installed by bin/test and CI with `npm ci` in this folder), run as a child process.
- SAML 2.0: a pysaml2 IdP in this process, signing with xmlsec1 and a key made for the run;
  the SP (Townhall) reads its metadata from a file, as from a federation's.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests

HERE = Path(__file__).resolve().parent
CLIENT_ID, CLIENT_SECRET = "townhall-test", "townhall-test-secret-0123456789"

ACCOUNTS = {
    "dana": {"password": "pw-dana", "sub": "248289761001", "email": "dana@uni.example", "name": "Dana Digital",
             "given_name": "Dana", "family_name": "Digital", "groups": ["comms-digital", "all-staff"], "mfa": True},
    "sami": {"password": "pw-sami", "sub": "248289761002", "email": "sami@uni.example", "name": "Sami Staff",
             "given_name": "Sami", "family_name": "Staff", "groups": ["all-staff"], "mfa": False},
    "olly": {"password": "pw-olly", "sub": "248289761003", "email": "olly@uni.example", "name": "Olly Outsider",
             "given_name": "Olly", "family_name": "Outsider", "groups": ["visitors"], "mfa": True},
    "pat": {"password": "pw-pat", "sub": "248289761005", "email": "pat@uni.example", "name": "Pat Leaver",
            "given_name": "Pat", "family_name": "Leaver", "groups": ["all-staff"], "mfa": False},
    "lee": {"password": "pw-lee", "sub": "248289761006", "email": "lee@uni.example", "name": "Lee Leaver",
            "given_name": "Lee", "family_name": "Leaver", "groups": ["all-staff"], "mfa": False},
    "max": {"password": "pw-max", "sub": "248289761007", "email": "max@uni.example", "name": "Max Mover",
            "given_name": "Max", "family_name": "Mover", "groups": ["comms-digital", "all-staff"], "mfa": True},
    "dina": {"password": "pw-dina", "sub": "248289761004", "email": "dina@uni.example", "name": "Dina NoMFA",
             "given_name": "Dina", "family_name": "NoMFA", "groups": ["comms-digital"], "mfa": False},
}


def oidc_skip_reason() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed: the OpenID Connect tests need Node.js 20+"
    if not (HERE / "node_modules" / "oidc-provider").is_dir():
        return "oidc-provider is not installed: run `npm ci` in tests/sso (bin/test and CI do)"
    return None


@dataclass
class OidcProvider:
    issuer: str
    process: subprocess.Popen = field(repr=False)

    def disable(self, sub: str) -> None:
        requests.post(f"{self.issuer}/test/disable", params={"sub": sub}, timeout=5).raise_for_status()

    def set_groups(self, sub: str, groups: list[str]) -> None:
        requests.post(f"{self.issuer}/test/groups", params={"sub": sub, "groups": ",".join(groups)},
                      timeout=5).raise_for_status()

    def sign_in(self, auth_url: str, login: str, stop_at: str) -> str:
        """Act as the person's browser at the provider: log in, and return the redirect back to
        the app (the URL starting with `stop_at`) without following it."""
        browser = requests.Session()
        url, method, data = auth_url, "GET", None
        for _ in range(12):
            resp = browser.request(method, url, data=data, allow_redirects=False, timeout=10)
            if resp.status_code in (302, 303):
                url, method, data = urljoin(url, resp.headers["Location"]), "GET", None
                if url.startswith(stop_at):
                    return url
                continue
            assert resp.status_code == 200, resp.text[:500]
            assert 'name="login"' in resp.text, resp.text[:500]
            uid = urlsplit(url).path.split("/")[2]
            url, method = f"{self.issuer}/interaction/{uid}/login", "POST"
            data = {"login": login, "password": ACCOUNTS[login]["password"]}
        raise AssertionError("the provider never sent the browser back")


@pytest.fixture(scope="session")
def oidc_provider(live_server):
    reason = oidc_skip_reason()
    if reason:
        pytest.skip(reason)
    redirect_paths = ["/sso/oidc/callback/"]
    bases = ["http://testserver", live_server.url]
    config = {
        "client": {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [b + p for b in bases for p in redirect_paths],
            "post_logout_redirect_uris": [b + "/login/" for b in bases],
        },
        "accounts": {login: {**a, "login": login} for login, a in ACCOUNTS.items()},
    }
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["OIDC_TEST_CONFIG"] = json.dumps(config)
    proc = subprocess.Popen(
        ["node", str(HERE / "oidc-provider.mjs")], cwd=HERE, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    ready, _, _ = select.select([proc.stdout], [], [], 30)
    if not ready:
        proc.kill()
        pytest.fail("oidc-provider did not start within 30 s")
    info = json.loads(proc.stdout.readline())
    yield OidcProvider(issuer=info["issuer"], process=proc)
    proc.stdin.close()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def oidc_settings(settings, oidc_provider):
    settings.TOWNHALL_OIDC = {
        "ISSUER": oidc_provider.issuer, "CLIENT_ID": CLIENT_ID, "CLIENT_SECRET": CLIENT_SECRET,
        "SCOPES": ["openid", "email", "profile", "offline_access"], "GROUPS_CLAIM": "groups",
        "MFA_ACR": [], "LABEL": "Sign in with your university account",
    }
    settings.TOWNHALL_SSO = {"LOCAL_LOGIN": True, "BREAK_GLASS": [], "REQUIRE_IDP_MFA_ROLES": [],
                             "RECHECK_SECONDS": 900}
    return settings


@pytest.fixture
def rules(db, units):
    """groups comms-digital -> digital team in Physics; all-staff -> staff."""
    from townhall.sso import services

    services.add_rule("test", "groups", "comms-digital", "digital", units["physics"], priority=10)
    services.add_rule("test", "groups", "all-staff", "staff", units["history"], priority=50)


# --- SAML: a pysaml2 identity provider in this process ----------------------------------------------

IDP_ENTITY = "https://idp.uni.example/idp/shibboleth"
IDP_SSO = "https://idp.uni.example/idp/profile/SAML2/Redirect/SSO"
MFA_CONTEXT = "https://refeds.org/profile/mfa"
PASSWORD_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"


def _self_signed(folder: Path, name: str) -> tuple[str, str]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30)).sign(key, hashes.SHA256())
    )
    key_path, cert_path = folder / f"{name}.key", folder / f"{name}.crt"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


def _sp_metadata(entity_id: str, acs: str) -> str:
    from saml2 import BINDING_HTTP_POST
    from saml2.config import SPConfig
    from saml2.metadata import create_metadata_string

    conf = SPConfig()
    conf.load({"entityid": entity_id, "xmlsec_binary": shutil.which("xmlsec1"),
               "service": {"sp": {"endpoints": {"assertion_consumer_service": [(acs, BINDING_HTTP_POST)]}}}})
    return create_metadata_string(None, config=conf).decode()


@dataclass
class SamlIdP:
    server: object
    metadata_file: str
    sp_entity: str
    acs: str

    def answer(self, redirect_url: str, person: dict, *, mfa: bool = True, sign: bool = True,
               audience: str | None = None) -> str:
        """The base64 SAMLResponse the IdP posts back for the AuthnRequest in `redirect_url`."""
        from saml2 import BINDING_HTTP_REDIRECT
        from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID

        query = parse_qs(urlsplit(redirect_url).query)
        request = self.server.parse_authn_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
        identity = {k: v for k, v in person.items() if k != "persistent_id"}
        response = self.server.create_authn_response(
            identity=identity,
            in_response_to=request.message.id,
            destination=self.acs,
            sp_entity_id=audience or self.sp_entity,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=person["persistent_id"],
                           name_qualifier=IDP_ENTITY, sp_name_qualifier=audience or self.sp_entity),
            authn={"class_ref": MFA_CONTEXT if mfa else PASSWORD_CONTEXT, "authn_auth": IDP_ENTITY},
            sign_assertion=sign,
            sign_response=False,
        )
        return base64.b64encode(str(response).encode()).decode()


@pytest.fixture(scope="session")
def saml_idp_files(tmp_path_factory):
    if shutil.which("xmlsec1") is None:
        pytest.skip("xmlsec1 is not installed (apt-get install xmlsec1); bin/test installs it as root")
    return tmp_path_factory.mktemp("saml")


def make_saml_idp(settings, folder: Path, base: str, sso_url: str, name: str) -> SamlIdP:
    """A pysaml2 IdP (single sign-on at `sso_url`) that knows Townhall at `base` and one other SP;
    Townhall's settings point at its metadata file."""
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.config import IdPConfig
    from saml2.metadata import create_metadata_string
    from saml2.server import Server

    sp_entity, acs = f"{base}/sso/saml/metadata/", f"{base}/sso/saml/acs/"
    sp_meta = folder / f"sp-{name}.xml"
    sp_meta.write_text(_sp_metadata(sp_entity, acs))
    other_meta = folder / "other-sp.xml"
    other_meta.write_text(_sp_metadata("https://other.example/sp", "https://other.example/acs"))
    if not (folder / "idp.key").exists():
        _self_signed(folder, "idp")
    conf = {
        "entityid": IDP_ENTITY,
        "xmlsec_binary": shutil.which("xmlsec1"),
        "key_file": str(folder / "idp.key"),
        "cert_file": str(folder / "idp.crt"),
        "service": {"idp": {
            "endpoints": {"single_sign_on_service": [(sso_url, BINDING_HTTP_REDIRECT)]},
            "policy": {"default": {"lifetime": {"minutes": 5}, "attribute_restrictions": None,
                                   "name_form": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"}},
            "name_id_format": ["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"],
        }},
        "metadata": {"local": [str(sp_meta), str(other_meta)]},
    }
    idp_conf = IdPConfig()
    idp_conf.load(conf)
    idp_meta = folder / f"idp-{name}.xml"
    idp_meta.write_text(create_metadata_string(None, config=idp_conf).decode())
    settings.TOWNHALL_SAML = {
        "IDP_METADATA_URL": "", "IDP_METADATA_FILE": str(idp_meta), "SP_ENTITY_ID": "", "SP_KEY_FILE": "",
        "SP_CERT_FILE": "", "GROUPS_ATTRIBUTE": "groups", "MFA_CONTEXTS": [MFA_CONTEXT],
        "LABEL": "Sign in with your university account (SAML)",
    }
    settings.TOWNHALL_SSO = {"LOCAL_LOGIN": True, "BREAK_GLASS": [], "REQUIRE_IDP_MFA_ROLES": [],
                             "RECHECK_SECONDS": 900}
    return SamlIdP(server=Server(config=idp_conf), metadata_file=str(idp_meta), sp_entity=sp_entity, acs=acs)


@pytest.fixture
def saml_idp_factory(settings, saml_idp_files):
    """make(base, sso_url, name): an IdP for Townhall at `base`, single sign-on at `sso_url`."""
    return lambda base, sso_url, name: make_saml_idp(settings, saml_idp_files, base, sso_url, name)


@pytest.fixture
def saml_idp(settings, saml_idp_files):
    """The IdP for tests through Django's test client (Townhall at http://testserver)."""
    return make_saml_idp(settings, saml_idp_files, "http://testserver", IDP_SSO, "testserver")
