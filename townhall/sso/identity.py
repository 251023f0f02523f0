"""What a sign-in at an identity provider tells Townhall, whatever the protocol."""

from __future__ import annotations

from dataclasses import dataclass, field


class SignInRefused(Exception):
    """A sign-in that must not go ahead; `message` is shown to the person, `detail` is logged."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


@dataclass(frozen=True)
class Assertion:
    protocol: str  # "oidc" or "saml"
    issuer: str  # OIDC iss, or the SAML IdP's entity id
    subject: str  # OIDC sub, or the persistent NameID: stable, never the e-mail address
    email: str = ""
    given_name: str = ""
    family_name: str = ""
    name: str = ""
    username_hint: str = ""
    attributes: dict[str, list[str]] = field(default_factory=dict)
    mfa: bool = False  # the provider says it did a second factor
    method: str = ""  # how, in the provider's words (amr, acr or AuthnContextClassRef), for the audit
