"""Reads for single sign-on: which rule applies to an assertion, whose sessions are open."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.utils import timezone

from townhall.sso.identity import Assertion
from townhall.sso.models import MappingRule


def matching_rules(assertion: Assertion) -> list[MappingRule]:
    """Rules whose claim holds their value, in priority order. Values compare exactly (group
    names are identifiers; a case-folded match could let `Comms-Digital` stand for another group)."""
    return [
        rule
        for rule in MappingRule.objects.select_related("org_unit")
        if rule.value in assertion.attributes.get(rule.claim, [])
    ]


def session_keys_of(user_id: int) -> list[str]:
    """Keys of the unexpired sessions signed in as this user (sessions live in the database)."""
    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user_id):
            keys.append(session.session_key)
    return keys
