"""SAML 2.0 sign-in through pysaml2 (SP-initiated, HTTP-Redirect out, HTTP-POST back).

pysaml2 checks the XML signature with xmlsec1 against the IdP's certificate from its metadata,
the audience (our entity id), the validity window (NotBefore/NotOnOrAfter), the destination
and InResponseTo. We require signed assertions, refuse unsolicited responses (only the request
ids this browser started, recorded in SamlRequest, are accepted, and each once), and take the
persistent NameID as the stable subject.

Only one identity provider is trusted: the metadata's only one, or the one
TOWNHALL_SAML_IDP_ENTITY_ID names in a federation's metadata. pysaml2 accepts an assertion signed
by *any* provider in the metadata, and the response's outer Issuer is not signed (only the
assertion is; Google signs nothing else), so we take the issuer from the signed assertion and
require it to be the provider the request went to (security review of 2026-12-06: a federation
member could otherwise sign in as anyone, with their role and without Townhall's code).
"""

from __future__ import annotations

import secrets
import shutil
import time
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAMEID_FORMAT_PERSISTENT

from townhall.sso.identity import Assertion, SignInRefused
from townhall.sso.models import SamlRequest

COOKIE = "townhall_saml"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]"}
REQUEST_TTL = 600  # seconds an AuthnRequest may stay unanswered
ENTRA_METHODS = "http://schemas.microsoft.com/claims/authnmethodsreferences"
# SAML's Subject ID attributes (OASIS SAML V2.0 Subject Identifier Attributes Profile), taken
# when the NameID is not persistent.
SUBJECT_ATTRIBUTES = ("pairwise-id", "subject-id", "urn:oasis:names:tc:SAML:attribute:pairwise-id",
                      "urn:oasis:names:tc:SAML:attribute:subject-id")


def configured() -> bool:
    return bool(getattr(settings, "TOWNHALL_SAML", None))


def base_url(request: HttpRequest | None) -> str:
    if request is None or settings.PRODUCTION:
        return settings.TOWNHALL_BASE_URL
    return request.build_absolute_uri("/").rstrip("/")


def entity_id(base: str) -> str:
    return settings.TOWNHALL_SAML["SP_ENTITY_ID"] or base + reverse("sso-saml-metadata")


def _config_dict(base: str) -> dict:
    cfg = settings.TOWNHALL_SAML
    metadata = {"local": [cfg["IDP_METADATA_FILE"]]} if cfg["IDP_METADATA_FILE"] else {
        "remote": [{"url": cfg["IDP_METADATA_URL"]}]}
    sp = {
        "name": "Townhall",
        "endpoints": {"assertion_consumer_service": [(base + reverse("sso-saml-acs"), BINDING_HTTP_POST)]},
        "allow_unsolicited": False,
        "want_assertions_signed": True,
        "want_response_signed": False,
        "authn_requests_signed": bool(cfg["SP_KEY_FILE"]),
        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
        "name_id_format_allow_create": True,
        "only_use_keys_in_metadata": True,
    }
    conf = {
        "entityid": entity_id(base),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "service": {"sp": sp},
        "metadata": metadata,
        "accepted_time_diff": 60,
        "allow_unknown_attributes": True,
    }
    if cfg["SP_KEY_FILE"] and cfg["SP_CERT_FILE"]:
        conf["key_file"], conf["cert_file"] = cfg["SP_KEY_FILE"], cfg["SP_CERT_FILE"]
    return conf


@lru_cache(maxsize=4)
def _client(base: str, _settings_key: str, _hour: int) -> Saml2Client:
    """A client per base URL and configuration; remote IdP metadata is fetched again each hour."""
    if not shutil.which("xmlsec1"):
        raise SignInRefused("SAML sign-in is not available on this server (xmlsec1 is not installed).")
    config = SPConfig()
    config.load(_config_dict(base))
    return Saml2Client(config=config)


def client(request: HttpRequest | None) -> Saml2Client:
    return _client(base_url(request), repr(sorted(settings.TOWNHALL_SAML.items())), int(time.time() // 3600))


def metadata_xml(request: HttpRequest | None) -> str:
    """Our SP metadata (entity id, ACS, NameID format, certificate if any) for the IdP's admin."""
    config = SPConfig()
    config.load(_config_dict(base_url(request)) | {"metadata": {}})
    return create_metadata_string(None, config=config, valid=24 * 7).decode()


def trusted_idp(saml: Saml2Client) -> str:
    """The entity id of the one identity provider Townhall trusts (see the module's docstring)."""
    idps = list(saml.metadata.identity_providers())
    named = settings.TOWNHALL_SAML.get("IDP_ENTITY_ID", "")
    unavailable = "SAML sign-in is not set up correctly on this server; use another way to sign in and tell IT."
    if named:
        if named not in idps:
            raise SignInRefused(unavailable, detail=f"TOWNHALL_SAML_IDP_ENTITY_ID {named!r} is not in the metadata")
        return named
    if not idps:
        raise SignInRefused("The university's SAML sign-in service is not described in Townhall's settings.")
    if len(idps) > 1:
        raise SignInRefused(unavailable, detail=f"the metadata lists {len(idps)} identity providers: "
                            "set TOWNHALL_SAML_IDP_ENTITY_ID to the university's")
    return idps[0]


def begin(request: HttpRequest, next_url: str) -> HttpResponse:
    saml = client(request)
    idp = trusted_idp(saml)
    request_id, info = saml.prepare_for_authenticate(entityid=idp, relay_state="", binding=BINDING_HTTP_REDIRECT)
    browser_key = request.get_signed_cookie(COOKIE, default="", salt=COOKIE, max_age=REQUEST_TTL) or \
        secrets.token_urlsafe(32)
    SamlRequest.objects.filter(created_at__lt=timezone.now() - timedelta(seconds=REQUEST_TTL)).delete()
    SamlRequest.objects.create(request_id=request_id, browser_key=browser_key, next_url=next_url[:500], idp=idp)
    response = HttpResponseRedirect(dict(info["headers"])["Location"])
    # The IdP posts back cross-site, so the cookie must be SameSite=None, which browsers only
    # accept with Secure: over HTTPS, and on loopback (browsers treat it as a secure context).
    secure = request.is_secure() or settings.PRODUCTION or request.get_host().split(":")[0] in LOOPBACK
    response.set_signed_cookie(
        COOKIE, browser_key, salt=COOKIE, max_age=REQUEST_TTL, httponly=True, secure=secure,
        samesite="None" if secure else "Lax", path=reverse("sso-saml-acs"),
    )
    return response


def complete(request: HttpRequest) -> tuple[Assertion, str]:
    """Check the posted SAMLResponse; returns the assertion and where to go next."""
    raw = request.POST.get("SAMLResponse", "")
    if not raw:
        raise SignInRefused("The answer from your university's sign-in service was incomplete.")
    browser_key = request.get_signed_cookie(COOKIE, default="", salt=COOKIE, max_age=REQUEST_TTL)
    fresh = timezone.now() - timedelta(seconds=REQUEST_TTL)
    pending = SamlRequest.objects.filter(browser_key=browser_key, used_at__isnull=True, created_at__gte=fresh) \
        if browser_key else SamlRequest.objects.none()
    outstanding = {r.request_id: r.next_url for r in pending}
    sent_to = {r.request_id: r.idp for r in pending}
    try:
        response = client(request).parse_authn_request_response(raw, BINDING_HTTP_POST, outstanding=outstanding)
    except SignInRefused:
        raise
    except Exception as exc:  # pysaml2 raises many classes (signature, lifetime, audience, unsolicited)
        raise SignInRefused("The sign-in could not be verified.", detail=f"{type(exc).__name__}: {exc}") from exc
    if response is None or response.assertion is None:
        raise SignInRefused("The sign-in could not be verified.", detail="pysaml2 returned no valid assertion")
    signed_issuer = _text(response.assertion.issuer)
    outer_issuer = response.issuer()
    expected = sent_to.get(response.in_response_to, "")
    if not signed_issuer or signed_issuer != expected or (outer_issuer and outer_issuer != signed_issuer):
        raise SignInRefused(
            "The sign-in could not be verified.",
            detail=f"assertion issuer {signed_issuer!r}, response issuer {outer_issuer!r}, "
                   f"request sent to {expected!r}",
        )
    # Each request is answered once: the update that marks it used must be the one that wins.
    claimed = SamlRequest.objects.filter(
        request_id=response.in_response_to, browser_key=browser_key, used_at__isnull=True
    ).update(used_at=timezone.now())
    if claimed != 1:
        raise SignInRefused("This sign-in answer was already used.", detail=f"replayed {response.in_response_to}")
    return assertion_from_response(response), outstanding.get(response.in_response_to, "/")


def _text(element) -> str:
    return (getattr(element, "text", None) or "").strip()


def assertion_from_response(response) -> Assertion:
    cfg = settings.TOWNHALL_SAML
    ava = {key: [str(v) for v in values] for key, values in (response.ava or {}).items()}
    name_id = response.name_id
    subject = ""
    if name_id is not None and name_id.format == NAMEID_FORMAT_PERSISTENT and name_id.text:
        subject = name_id.text.strip()
    else:
        subject = next((ava[a][0] for a in SUBJECT_ATTRIBUTES if ava.get(a)), "")
    if not subject:
        raise SignInRefused(
            "Your university's sign-in service did not send a lasting identifier for you, so Townhall cannot "
            "recognise you next time. Ask IT to release a persistent NameID or subject-id to Townhall.",
            detail=f"NameID format {getattr(name_id, 'format', None)}",
        )
    contexts = [info[0] for info in response.authn_info() if info and info[0]]
    # Entra ID says "MFA was done" in an attribute, not in the AuthnContextClassRef.
    contexts += ava.get(ENTRA_METHODS, [])
    ava["groups"] = ava.get(cfg["GROUPS_ATTRIBUTE"], ava.get("groups", []))

    def first(*names: str) -> str:
        return next((ava[n][0] for n in names if ava.get(n)), "")

    return Assertion(
        protocol="saml",
        issuer=_text(response.assertion.issuer),  # signed; the outer Issuer is not
        subject=subject,
        email=first("mail", "email", "emailAddress"),
        given_name=first("givenName", "given_name"),
        family_name=first("sn", "surname", "family_name"),
        name=first("displayName", "cn", "name"),
        username_hint=first("uid", "eduPersonPrincipalName", "mail", "email"),
        attributes=ava,
        mfa=any(c in cfg["MFA_CONTEXTS"] for c in contexts),
        method="context:" + ",".join(contexts) if contexts else "",
    )
