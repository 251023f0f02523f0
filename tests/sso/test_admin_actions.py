"""Mapping rules from the command line, ending someone's sessions, and break-glass passwords."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from townhall.audit.models import AuditEntry
from townhall.sso.models import MappingRule

pytestmark = [pytest.mark.django_db]


def test_sso_map_command_creates_an_audited_rule(db):
    from townhall.core.models import OrgUnit

    OrgUnit.objects.create(name="Communications", slug="comms", kind="service")
    call_command("sso", "map", "--claim", "groups", "--value", "comms-digital", "--role", "digital", "--unit", "comms")
    rule = MappingRule.objects.get()
    assert (rule.claim, rule.value, rule.role, rule.org_unit.slug) == ("groups", "comms-digital", "digital", "comms")
    assert AuditEntry.objects.filter(action="sso.rule_saved").exists()


def test_an_admin_ends_all_of_someones_sessions(make_user, verified_client):
    person = make_user("staff", username="sam")
    first, second = Client(), Client()
    first.force_login(person)
    second.force_login(person)
    assert first.get("/").status_code == 200
    admin = make_user("admin", username="ada", is_staff=True)
    resp = verified_client(admin).post("/sso/end-sessions", {"user": person.pk, "reason": "lost laptop"})
    assert resp.status_code == 302
    assert first.get("/").status_code == 302 and second.get("/").status_code == 302
    entry = AuditEntry.objects.get(action="user.sessions_ended")
    assert entry.after == {"sessions": 2, "reason": "lost laptop"}


def test_only_admins_may_end_sessions(make_user, verified_client):
    person = make_user("staff", username="sam")
    digital = make_user("digital", username="dee")
    assert verified_client(digital).post("/sso/end-sessions", {"user": person.pk}).status_code == 403


def test_local_passwords_off_except_for_break_glass(settings, make_user, client):
    settings.TOWNHALL_SSO = {"LOCAL_LOGIN": False, "BREAK_GLASS": ["root"], "REQUIRE_IDP_MFA_ROLES": [],
                             "RECHECK_SECONDS": 900}
    make_user("staff", username="sam")
    make_user("admin", username="root", is_staff=True)
    resp = client.post("/login/", {"username": "sam", "password": "correct horse battery 9"})
    assert resp.status_code == 200 and "_auth_user_id" not in client.session
    page = client.get("/login/").content.decode()
    assert "Emergency administrator sign-in" in page
    resp = client.post("/login/", {"username": "root", "password": "correct horse battery 9"})
    assert resp.status_code == 302 and "_auth_user_id" in client.session


def test_a_rule_on_a_claim_every_account_has_is_refused_everywhere(make_user, verified_client):
    """Security review of 2026-12-06: a rule on Google's `email_verified` lets in anyone in the world."""
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="anyone"):
        call_command("sso", "map", "--claim", "email_verified", "--value", "True", "--role", "staff")
    admin = make_user("admin", username="ada", is_staff=True, is_superuser=True)
    client = verified_client(admin)
    page = client.post("/sso/", {"claim": "email_verified", "value": "true", "role": "staff"}, follow=True)
    assert "would let anyone in" in page.content.decode()
    page = client.post("/sso/", {"claim": "groups", "value": "x", "role": "staff", "priority": "soon"},
                       follow=True)
    assert "whole number" in page.content.decode()
    form = client.post("/admin/sso/mappingrule/add/", {"claim": "ISS", "value": "x", "role": "staff",
                                                       "priority": 100})
    assert form.status_code == 200 and "would let anyone in" in form.content.decode()
    assert not MappingRule.objects.exists()
    assert not AuditEntry.objects.filter(action="sso.rule_saved").exists()


def test_signing_out_everywhere_can_switch_off_api_tokens_too(make_user, verified_client):
    """Security review of 2026-12-06: a lost laptop may hold a token, which a session's end does not stop."""
    from townhall.core.models import ApiToken

    person = make_user("staff", username="sam")
    _, key = ApiToken.issue(person, "laptop script")
    _, kept = ApiToken.issue(person, "server script")
    api = Client()
    assert api.get("/api/me", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    admin = make_user("admin", username="ada", is_staff=True)
    verified_client(admin).post("/sso/end-sessions", {"user": person.pk, "reason": "lost laptop"})
    assert api.get("/api/me", headers={"Authorization": f"Bearer {kept}"}).status_code == 200  # not asked
    verified_client(admin).post("/sso/end-sessions", {"user": person.pk, "reason": "lost laptop",
                                                     "revoke_tokens": "on"})
    assert api.get("/api/me", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    assert api.get("/api/me", headers={"Authorization": f"Bearer {kept}"}).status_code == 401
    assert AuditEntry.objects.filter(action="api_token.revoked_all").count() == 1
    call_command("sso", "end-sessions", "sam", "--revoke-tokens")
