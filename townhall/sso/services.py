"""Writes for single sign-on: provisioning on sign-in, mapping rules, ending sessions.

Every change of someone's role or unit made by a rule is audited, as is every rule change
and every "end all sessions".
"""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from townhall.audit.services import record
from townhall.core.models import OrgUnit, User
from townhall.sso.identity import Assertion, SignInRefused
from townhall.sso.models import Identity, MappingRule
from townhall.sso.selectors import matching_rules, session_keys_of

NO_RULE = (
    "Your university account signed you in, but Townhall has no rule that gives your account a role here. "
    "Nothing has been created. Ask the digital team to add you (tell them which team you are in)."
)


def decide(assertion: Assertion) -> tuple[str, OrgUnit | None, MappingRule]:
    """The role and unit for this assertion: the first matching rule gives the role; the unit
    comes from the first matching rule that names one. No rule: refused."""
    rules = matching_rules(assertion)
    if not rules:
        raise SignInRefused(NO_RULE, detail=f"no mapping rule for {assertion.issuer} {assertion.subject}")
    unit = next((r.org_unit for r in rules if r.org_unit_id), None)
    return rules[0].role, unit, rules[0]


def _username(assertion: Assertion) -> str:
    base = (assertion.username_hint or assertion.email or assertion.subject).split("@")[0]
    base = re.sub(r"[^\w.+-]", "", base)[:140] or "person"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


@transaction.atomic
def provision(assertion: Assertion) -> User:
    """The Townhall user for this sign-in: found by (issuer, subject), else created; role and
    unit re-applied from the rules each time. Raises SignInRefused (nothing written) when no
    rule matches, the person is disabled here, or privileged roles need the provider's MFA."""
    role, unit, rule = decide(assertion)
    required = set(settings.TOWNHALL_SSO["REQUIRE_IDP_MFA_ROLES"])
    if role in required and not assertion.mfa:
        raise SignInRefused(
            "Your role in Townhall needs your university sign-in to use a second factor (for example the "
            "authenticator app), and this sign-in did not. Sign out of your university account and sign in again "
            "with your second factor.",
            detail=f"role {role} requires MFA at the identity provider",
        )
    identity = (
        Identity.objects.select_for_update().select_related("user")
        .filter(issuer=assertion.issuer, subject=assertion.subject).first()
    )
    now = timezone.now()
    if identity is None:
        user = User(
            username=_username(assertion),
            email=assertion.email,
            first_name=assertion.given_name[:150] or assertion.name.split(" ")[0][:150],
            last_name=assertion.family_name[:150] or " ".join(assertion.name.split(" ")[1:])[:150],
            role=role,
            org_unit=unit,
            is_staff=role == User.Role.ADMIN,
        )
        user.set_unusable_password()  # signs in through the provider only
        user.save()
        identity = Identity.objects.create(
            user=user, protocol=assertion.protocol, issuer=assertion.issuer, subject=assertion.subject,
            last_sign_in_at=now,
        )
        record(
            "single sign-on", "sso.user_created", user,
            after={"issuer": assertion.issuer, "role": role, "unit": str(unit or ""), "rule": str(rule)},
        )
        return user
    user = identity.user
    if not user.is_active:
        raise SignInRefused(
            "Your Townhall account is switched off. Ask the digital team if you think this is a mistake.",
            detail=f"user {user.pk} is inactive",
        )
    before = {"role": user.role, "unit": str(user.org_unit or ""), "email": user.email}
    user.role, user.org_unit, user.is_staff = role, unit, role == User.Role.ADMIN or user.is_superuser
    if assertion.email:
        user.email = assertion.email
    after = {"role": user.role, "unit": str(user.org_unit or ""), "email": user.email}
    user.save()
    identity.last_sign_in_at = now
    identity.save(update_fields=["last_sign_in_at"])
    if before != after:
        record("single sign-on", "sso.user_updated", user, before=before, after={**after, "rule": str(rule)})
    return user


def add_rule(actor, claim: str, value: str, role: str, unit: OrgUnit | None = None, priority: int = 100) -> MappingRule:
    """Create or change the rule for (claim, value); audited."""
    if role not in User.Role.values:
        raise ValueError(f"{role!r} is not a role; choose one of {', '.join(User.Role.values)}.")
    rule = MappingRule.objects.filter(claim=claim, value=value).first()
    before = None
    if rule is None:
        rule = MappingRule(claim=claim, value=value)
    else:
        before = rule_summary(rule)
    rule.role, rule.org_unit, rule.priority = role, unit, priority
    try:
        rule.clean()
    except ValidationError as exc:
        raise ValueError(" ".join(exc.messages)) from exc
    rule.save()
    record(actor, "sso.rule_saved", rule, before=before, after=rule_summary(rule))
    return rule


def delete_rule(actor, rule: MappingRule) -> None:
    record(actor, "sso.rule_deleted", rule, before=rule_summary(rule))
    rule.delete()


def rule_summary(rule: MappingRule) -> dict:
    return {
        "claim": rule.claim, "value": rule.value, "role": rule.role,
        "unit": rule.org_unit.slug if rule.org_unit_id else "", "priority": rule.priority,
    }


def end_sessions(actor, user: User, reason: str = "", *, revoke_tokens: bool = False) -> int:
    """Sign someone out everywhere at once: every session of theirs is deleted, and with
    ``revoke_tokens`` their API tokens too (a lost laptop may hold one; a session's end does not
    stop a token). Audited."""
    from townhall.core.services import revoke_tokens as revoke

    keys = session_keys_of(user.pk)
    Session.objects.filter(session_key__in=keys).delete()
    record(actor, "user.sessions_ended", user, after={"sessions": len(keys), "reason": reason})
    if revoke_tokens:
        revoke(actor, user, reason or "signed out everywhere")
    return len(keys)
