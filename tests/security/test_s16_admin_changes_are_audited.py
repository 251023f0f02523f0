"""Review 16: a change to the registry made in Django's admin is in the audit trail like any other.

The registry's pages, API, CLI and CSV import audit every change to an account (owners, plan,
status, server address), but the admin saved and deleted accounts, account requests and stored
credentials without an entry: an administrator could add themselves as an owner, move an
account's server address (where its credential is sent at the next publish) or delete the
vault's record, and the trail said nothing.
"""

from __future__ import annotations

import json

import pytest
from django import forms
from django.contrib.admin.sites import site
from django.test import RequestFactory

from townhall.audit.models import AuditEntry
from townhall.audit.services import verify
from townhall.registry.models import Account, AccountRequest, Credential

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_request(make_user):
    user = make_user(role="admin", is_staff=True, is_superuser=True)
    request = RequestFactory().post("/admin/")
    request.user = user
    return request


@pytest.fixture
def account(units, make_user):
    a = Account.objects.create(
        network="bluesky",
        handle="physics.example.ac.uk",
        org_unit=units["physics"],
        status="active",
        service_url="https://bsky.social",
    )
    a.owners.set([make_user(), make_user()])
    return a


def _save_in_admin(request, obj, data: dict):
    model_admin = site._registry[type(obj)]
    form_class = model_admin.get_form(request, obj, change=True)
    form = form_class({**_initial(obj, form_class), **data}, instance=obj)
    assert form.is_valid(), form.errors
    saved = model_admin.save_form(request, form, change=True)
    model_admin.save_model(request, saved, form, change=True)
    model_admin.save_related(request, form, [], change=True)
    return saved


def _initial(obj, form_class) -> dict:
    from django.forms.models import model_to_dict

    data = model_to_dict(obj, fields=list(form_class.base_fields))
    out = {}
    for name, value in data.items():
        if isinstance(form_class.base_fields[name], forms.JSONField):
            out[name] = json.dumps(value)
            continue
        if isinstance(value, list) and value and hasattr(value[0], "pk"):
            value = [v.pk for v in value]
        if value is None:
            value = ""
        widget = form_class.base_fields[name].widget
        if hasattr(widget, "decompress"):  # the admin's split date and time
            for i, part in enumerate(widget.decompress(value)):
                out[f"{name}_{i}"] = part
            continue
        out[name] = value
    return out


def test_s16_account_saved_in_the_admin_is_audited(admin_request, account):
    before = AuditEntry.objects.count()
    _save_in_admin(
        admin_request, account, {"service_url": "https://pds.attacker.example", "owners": [admin_request.user.pk]}
    )
    entries = list(AuditEntry.objects.order_by("seq")[before:])
    assert entries, "an admin change to an account left no audit entry"
    entry = entries[-1]
    assert entry.actor_id == admin_request.user.pk and entry.object_id == str(account.pk)
    assert entry.before["service_url"] == "https://bsky.social"
    assert entry.after["service_url"] == "https://pds.attacker.example"
    assert entry.after["owners"] == [admin_request.user.pk]
    assert verify().ok


def test_s16_account_deleted_in_the_admin_is_audited(admin_request, account):
    model_admin = site._registry[Account]
    model_admin.delete_queryset(admin_request, Account.objects.filter(pk=account.pk))
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action.startswith("account.") and entry.object_id == str(account.pk)
    assert entry.before["handle"] == "physics.example.ac.uk"


def test_s16_credential_deleted_in_the_admin_is_audited_without_the_secret(admin_request, account):
    from townhall.registry.vault import store_credentials

    secret = "vq7t-k2mz-p9xa-4hbe"
    store_credentials(account, secret, actor=admin_request.user)
    cred = Credential.objects.get(account=account)
    before = AuditEntry.objects.count()
    site._registry[Credential].delete_model(admin_request, cred)
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-seq").first()
    assert entry.action.startswith("account.credentials") and entry.object_id == str(account.pk)
    assert entry.actor_id == admin_request.user.pk
    assert secret not in str(entry.before) + str(entry.after)
    assert cred.ciphertext not in str(entry.before) + str(entry.after)


def test_s16_account_request_saved_in_the_admin_is_audited(admin_request, units, make_user):
    req = AccountRequest.objects.create(
        requested_by=make_user(),
        org_unit=units["history"],
        network="bluesky",
        purpose="communications",
        audiences=["students"],
        audience_presence="x",
        why_not_existing="y",
        content_plan="z",
        runners="me",
        hours_per_week=2,
    )
    before = AuditEntry.objects.count()
    _save_in_admin(admin_request, req, {"content_plan": "changed behind the requester's back"})
    entries = list(AuditEntry.objects.order_by("seq")[before:])
    assert entries and entries[-1].after["content_plan"] == "changed behind the requester's back"
