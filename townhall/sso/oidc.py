"""OpenID Connect sign-in through Authlib (authorization code + PKCE S256, state and nonce).

Authlib does the protocol: discovery, PKCE, state kept in the session, the token request, and
the ID token's signature (against the issuer's JWKS) with iss, aud, exp, iat, nonce and at_hash
checked. This module only builds the client from settings and turns a verified ID token into
an `Assertion` (identity.py) that the provisioning service understands.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from functools import lru_cache

from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from joserfc.errors import JoseError

from townhall.config import DEFAULT_OIDC_MFA_AMR
from townhall.sso.identity import Assertion, SignInRefused

log = logging.getLogger("townhall.sso")
NAME = "townhall"
_DEFAULT_AMR_RULES = DEFAULT_OIDC_MFA_AMR.split()


def amr_means_mfa(amr: list[str], rules: list[str]) -> bool:
    """Whether the `amr` values satisfy one of the rules (TOWNHALL_OIDC_MFA_AMR, docs/sso.md):
    a rule `pwd|pin+otp|hwk` needs one of pwd, pin *and* one of otp, hwk; `mfa` needs mfa."""
    present = set(amr)
    return any(all(present.intersection(part.split("|")) for part in rule.split("+")) for rule in rules)


def configured() -> bool:
    return bool(getattr(settings, "TOWNHALL_OIDC", None))


@lru_cache(maxsize=4)
def _client(issuer: str, client_id: str, client_secret: str, scopes: tuple[str, ...]):
    """One Authlib client per configuration (it caches the discovery document and the JWKS)."""
    oauth = OAuth()
    return oauth.register(
        NAME,
        client_id=client_id,
        client_secret=client_secret or None,
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={
            "scope": " ".join(scopes),
            "code_challenge_method": "S256",
            "token_endpoint_auth_method": "client_secret_post" if client_secret else "none",
            "timeout": 10,
        },
    )


def client():
    cfg = settings.TOWNHALL_OIDC
    return _client(cfg["ISSUER"], cfg["CLIENT_ID"], cfg["CLIENT_SECRET"], tuple(cfg["SCOPES"]))


def redirect_uri(request: HttpRequest) -> str:
    """The address to register at the provider (docs/sso.md): the base URL, not the Host header."""
    base = settings.TOWNHALL_BASE_URL if settings.PRODUCTION else request.build_absolute_uri("/").rstrip("/")
    return base + reverse("sso-oidc-callback")


def begin(request: HttpRequest) -> HttpResponse:
    """Redirect to the provider; Authlib stores state, nonce and the PKCE verifier in the session."""
    return client().authorize_redirect(request, redirect_uri(request))


def complete(request: HttpRequest) -> tuple[Assertion, dict]:
    """Finish the code flow. Returns the assertion and what the session keeps for later
    (refresh token for the periodic re-check, ID token as the logout hint)."""
    if not request.GET.get("state"):
        raise SignInRefused("The answer from your university's sign-in service was incomplete.")
    try:
        token = client().authorize_access_token(request)
    except OAuthError as exc:
        if exc.error == "mismatching_state":
            raise SignInRefused(
                "This sign-in link was not started in this browser, or was already used.", detail=str(exc)
            ) from exc
        raise SignInRefused("Your university's sign-in service refused the sign-in.", detail=str(exc)) from exc
    except JoseError as exc:  # bad signature, wrong issuer or audience, expired, nonce mismatch
        raise SignInRefused("The sign-in could not be verified.", detail=str(exc)) from exc
    claims = token.get("userinfo")
    if not claims:
        raise SignInRefused("The sign-in could not be verified.", detail="no ID token in the token response")
    assertion = assertion_from_claims(dict(claims))
    return assertion, {
        "refresh_token": token.get("refresh_token", ""),
        "id_token": token.get("id_token", ""),
        "scope": token.get("scope", ""),
        # Who signed in, and how, for the re-check (which re-applies the rules to fresh claims).
        "iss": assertion.issuer, "sub": assertion.subject, "mfa": assertion.mfa, "method": assertion.method,
    }


def assertion_from_claims(claims: dict) -> Assertion:
    cfg = settings.TOWNHALL_OIDC
    amr = claims.get("amr") or []
    acr = claims.get("acr") or ""
    groups = claims.get(cfg["GROUPS_CLAIM"]) or []
    attributes = {key: _as_list(value) for key, value in claims.items()}
    attributes["groups"] = _as_list(groups)
    return Assertion(
        protocol="oidc",
        issuer=claims["iss"],
        subject=claims["sub"],
        email=claims.get("email", "") or "",
        given_name=claims.get("given_name", "") or "",
        family_name=claims.get("family_name", "") or "",
        name=claims.get("name", "") or "",
        username_hint=claims.get("preferred_username", "") or claims.get("email", "") or "",
        attributes=attributes,
        mfa=amr_means_mfa(_as_list(amr), cfg.get("MFA_AMR", _DEFAULT_AMR_RULES))
        or (bool(acr) and acr in cfg["MFA_ACR"]),
        method=("amr:" + "+".join(_as_list(amr))) if amr else (f"acr:{acr}" if acr else "password"),
    )


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def fresh_assertion(session_data: dict, token: dict) -> Assertion | None:
    """The person's claims as the provider gives them now (its userinfo endpoint, with the new
    access token), for the rules: someone taken out of the admin group loses the role at the next
    re-check, not at their next sign-in up to eight hours later (security review of 2026-12-06).
    The second factor is the sign-in's: userinfo does not say how anyone signed in. None when the
    provider gives no usable answer (the rules are then re-applied at the next re-check)."""
    if not session_data.get("sub"):
        return None  # a session from before this was kept
    try:
        claims = dict(client().userinfo(token=token))
    except Exception as exc:
        log.warning("single sign-on re-check: no fresh claims from the provider (%s)", exc)
        return None
    if str(claims.get("sub", "")) != session_data["sub"]:
        log.warning("single sign-on re-check: userinfo answered for another subject")
        return None
    claims["iss"] = session_data["iss"]
    return replace(assertion_from_claims(claims), mfa=bool(session_data.get("mfa")),
                   method=session_data.get("method", ""))


def still_valid(session_data: dict) -> tuple[bool, dict]:
    """Ask the provider again with the refresh token: False when it refuses (the account was
    disabled or the grant revoked). Returns the updated session data, with the provider's fresh
    claims under "fresh" (an `Assertion`, not kept in the session) when it gave them."""
    refresh_token = session_data.get("refresh_token")
    if not refresh_token:
        log.info("single sign-on re-check: no refresh token in the session")
        return False, session_data
    try:
        # Ask for the scopes granted (the provider may have dropped some asked for, e.g. offline_access).
        token = client().fetch_access_token(
            grant_type="refresh_token", refresh_token=refresh_token, scope=session_data.get("scope") or None
        )
    except (OAuthError, JoseError, OSError) as exc:
        log.info("single sign-on re-check refused: %s", exc)
        return False, session_data
    except Exception as exc:  # requests' errors (connection refused, timeouts) stay inside Authlib's session
        if exc.__class__.__module__.startswith(("requests", "urllib3")):
            log.warning("single sign-on re-check could not reach the provider: %s", exc)
            return False, session_data
        raise
    if "error" in token or "access_token" not in token:
        return False, session_data
    updated = dict(session_data)
    updated["refresh_token"] = token.get("refresh_token") or refresh_token
    updated["checked_at"] = time.time()
    updated["fresh"] = fresh_assertion(session_data, token)
    return True, updated


def logout_url(id_token: str, post_logout: str) -> str | None:
    """The provider's end-session address (RP-initiated logout), where it has one."""
    try:
        metadata = client().load_server_metadata()
    except Exception:  # a provider that is down must not stop someone signing out of Townhall
        return None
    endpoint = metadata.get("end_session_endpoint")
    if not endpoint:
        return None
    from urllib.parse import urlencode

    params = {"client_id": settings.TOWNHALL_OIDC["CLIENT_ID"], "post_logout_redirect_uri": post_logout}
    if id_token:
        params["id_token_hint"] = id_token
    return f"{endpoint}?{urlencode(params)}"
