"""Single sign-on: who someone is at the identity provider, and how that maps to Townhall.

An `Identity` ties a Townhall user to a stable subject at one identity provider (OIDC `iss` +
`sub`, or a SAML IdP entity id + persistent NameID). The e-mail address is never the key: it
can be reassigned when someone leaves, and two providers may both vouch for it.

A `MappingRule` turns a claim or attribute value into a role and an org unit. Rules are read
at every sign-in so that a change at the provider (someone leaves the digital team) takes
effect the next time they sign in; someone who matches no rule is refused, never created as
staff by default.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from townhall.core.models import OrgUnit, User

# Claims every account carries (whoever it belongs to): never a reason to let someone in.
UNIVERSAL_CLAIMS = frozenset({"email_verified", "iss", "aud", "azp", "sub", "iat", "exp", "auth_time", "nonce"})


class MappingRule(models.Model):
    claim = models.CharField(
        max_length=100,
        help_text="The claim (OpenID Connect) or attribute (SAML) to look at, e.g. groups or eduPersonAffiliation.",
    )
    value = models.CharField(max_length=300, help_text="The value it must contain, e.g. comms-digital or staff.")
    role = models.CharField(max_length=20, choices=User.Role.choices)
    org_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The unit people matching this rule belong to (optional).",
    )
    priority = models.PositiveIntegerField(
        default=100, help_text="Lower numbers are tried first; the first matching rule gives the role."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["priority", "pk"]
        constraints = [models.UniqueConstraint(fields=["claim", "value"], name="sso_rule_claim_value")]
        verbose_name = "sign-in mapping rule"

    def __str__(self) -> str:
        unit = f" in {self.org_unit}" if self.org_unit_id else ""
        return f"{self.claim} contains {self.value} → {self.get_role_display()}{unit}"

    def clean(self) -> None:
        """Refuse rules on claims that every account at a provider carries: with a public provider
        (Google) a rule on ``email_verified`` lets anyone in the world in (security review of
        2026-12-06)."""
        from django.core.exceptions import ValidationError

        if self.claim.strip().lower() in UNIVERSAL_CLAIMS:
            raise ValidationError({"claim": f"Every account at a sign-in service has {self.claim!r}, so a rule on "
                                            "it would let anyone in. Use a group, an affiliation or Google's "
                                            "'hd' (your domain) instead."})


class Identity(models.Model):
    class Protocol(models.TextChoices):
        OIDC = "oidc", "OpenID Connect"
        SAML = "saml", "SAML 2.0"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities")
    protocol = models.CharField(max_length=10, choices=Protocol.choices)
    issuer = models.CharField(max_length=500)
    subject = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_issuer_subject")]
        verbose_name_plural = "identities"

    def __str__(self) -> str:
        return f"{self.user} at {self.issuer}"


class SamlRequest(models.Model):
    """An AuthnRequest this Townhall sent, so that only answers to it are accepted, once.

    Kept in the database rather than the session: the IdP posts its answer cross-site, and a
    browser does not send a SameSite=Lax session cookie with that POST. The browser is tied to
    the request by `browser_key`, carried in its own short-lived cookie (SameSite=None over HTTPS)."""

    request_id = models.CharField(max_length=100, unique=True)
    browser_key = models.CharField(max_length=64, db_index=True)
    next_url = models.CharField(max_length=500, default="/")
    # The identity provider the request went to: only an assertion it signed answers it.
    idp = models.CharField(max_length=500, default="")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)
