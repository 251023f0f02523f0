"""The permission matrix: one table of who may do what, used by the UI, the API and the CLI.

Every rule is a small predicate over (user, obj). Global roles come from `User.role`;
object-level scopes come from the object itself:

- ownership: `obj.is_owned_by(user)` (accounts, and anything that belongs to an account);
- review scope: `obj.org_unit` inside one of `user.review_units`;
- authorship: `obj.created_by_id` (nobody approves or reviews their own work).

docs/permissions.md is the human-readable copy of this table; a test keeps them equal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied

Predicate = Callable[[Any, Any], bool]

STAFF, DIGITAL, GOVERNANCE, ADMIN = "staff", "digital", "governance", "admin"


def role(*roles: str) -> Predicate:
    return lambda user, obj: user.has_role(*roles)


def signed_in(user: Any, obj: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def owner(user: Any, obj: Any) -> bool:
    check = getattr(obj, "is_owned_by", None)
    return bool(check and check(user))


def reviewer(user: Any, obj: Any) -> bool:
    """The user reviews the object's unit; an object that spans several units (a post for
    several accounts) says itself whether the user's scope covers all of them."""
    check = getattr(obj, "is_reviewed_by", None)
    if check is not None:
        return bool(check(user))
    unit = getattr(obj, "org_unit", None)
    return bool(unit is not None and user.reviews(unit))


def unit_member(user: Any, obj: Any) -> bool:
    """The user belongs to the object's unit or a unit below it (authors draft for their School)."""
    unit = getattr(obj, "org_unit", None)
    mine = getattr(user, "org_unit", None)
    return bool(unit is not None and mine is not None and unit in mine.lineage())


def not_creator(user: Any, obj: Any) -> bool:
    return obj is None or getattr(obj, "created_by_id", None) != user.pk


def assignee(user: Any, obj: Any) -> bool:
    """The user was given the object (an incident) to handle."""
    return obj is not None and getattr(obj, "assigned_to_id", None) == user.pk


def any_of(*preds: Predicate) -> Predicate:
    return lambda user, obj: any(p(user, obj) for p in preds)


def all_of(*preds: Predicate) -> Predicate:
    return lambda user, obj: all(p(user, obj) for p in preds)


TEAM = role(DIGITAL, ADMIN)
OVERSIGHT = role(DIGITAL, GOVERNANCE, ADMIN)
GOVERN = role(GOVERNANCE, ADMIN)

RULES: dict[str, tuple[Predicate, str]] = {
    # account registry
    "account.view": (signed_in, "See the public fields of the account registry."),
    "account.view_private": (any_of(OVERSIGHT, owner), "See an account's plan, security checklist and owners."),
    "account.manage": (any_of(TEAM, owner), "Edit an account, its owners, plan and security checklist."),
    "account.credentials": (any_of(TEAM, owner), "Store or rotate an account's network credentials."),
    "account.request": (signed_in, "Ask for a new institutional account."),
    "account.review": (all_of(TEAM, not_creator), "Approve, decline or ask for changes to an account request."),
    "account.archive": (any_of(TEAM, owner), "Mark an account dormant or archive it."),
    # publishing
    "post.create": (any_of(TEAM, owner, unit_member), "Draft a post for an account."),
    "post.approve": (
        all_of(any_of(TEAM, owner, reviewer), not_creator),
        "Approve, reject or request changes to someone else's post.",
    ),
    "post.override_block": (GOVERN, "Submit a post despite a blocking policy finding (audited)."),
    "post.publish_now": (all_of(any_of(TEAM, owner), not_creator), "Publish an approved post at once."),
    # listening and inbox
    "listening.view": (OVERSIGHT, "See mentions, dashboards and spike alerts."),
    "listening.manage": (TEAM, "Create and edit saved searches and sources."),
    "inbox.view": (any_of(OVERSIGHT, owner), "See the engagement inbox for an account."),
    "inbox.reply": (any_of(TEAM, owner), "Assign and answer conversations for an account."),
    # incidents, analytics, governance
    "incident.report": (signed_in, "Report content that disparages the institution or a misuse."),
    "incident.manage": (GOVERN, "Triage, assign and close incident reports."),
    "incident.work": (any_of(GOVERN, assignee), "Open, comment on and update an incident assigned to you."),
    "publishing.pause": (OVERSIGHT, "Pause and resume all publishing across the institution (audited)."),
    "account.lock": (OVERSIGHT, "Lock or unlock an official account in an emergency (audited)."),
    "post.delete_published": (
        all_of(any_of(OVERSIGHT, owner, reviewer), not_creator),
        "Delete someone else's published post from the networks, with a reason (audited).",
    ),
    "analytics.view": (any_of(OVERSIGHT, owner), "See analytics against objectives."),
    "link.create": (any_of(TEAM, owner, unit_member), "Make a tracked short link for an account or unit."),
    "campaign.manage": (TEAM, "Create and edit campaigns that group posts, links and objectives."),
    "policy.view": (signed_in, "Read the policy rules and check a text."),
    "policy.edit": (GOVERN, "Change the institution's policy pack."),
    "policy.publish": (GOVERN, "Publish or roll back a policy version (audited)."),
    "policy.acknowledge": (signed_in, "Acknowledge a new version of the policy."),
    "policy.acknowledgements": (GOVERN, "See who acknowledged each policy version and export it."),
    "institution.manage": (role(ADMIN), "Set up the institution's names, contacts and links."),
    "audit.view": (GOVERN, "Read and verify the audit trail."),
    "users.manage": (role(ADMIN), "Create users, set roles and review scopes."),
    "system.view": (TEAM, "See the system status: worker, queues, schedule, sources, late posts."),
    "sso.manage": (role(ADMIN), "Set up single sign-on and its role rules; sign someone out everywhere."),
}


def can(user: Any, action: str, obj: Any = None) -> bool:
    """True when `user` may do `action` (a key of RULES) on `obj` (or in general, if None)."""
    if action not in RULES:
        raise KeyError(f"unknown permission {action!r}")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return RULES[action][0](user, obj)


def require(user: Any, action: str, obj: Any = None) -> None:
    """Raise PermissionDenied with the reason in words, for views, the API and the CLI alike."""
    if not can(user, action, obj):
        raise PermissionDenied(f"You may not do this: {RULES[action][1].rstrip('.').lower()}.")
