"""The account lifecycle: request → review → active → dormant → archived, who may do each, and the audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from townhall.audit.models import AuditEntry
from townhall.audit.services import verify
from townhall.registry import services
from townhall.registry.models import Account, AccountRequest, Notice
from townhall.registry.services import HANDOVER_CHECKLIST


def _answers(units, **over):
    data = {
        "org_unit": units["physics"],
        "network": "bluesky",
        "handle": "physics-outreach.example.ac.uk",
        "purpose": "research",
        "audiences": ["researchers", "journalists"],
        "audience_presence": "Our field moved to Bluesky in 2024; most of our collaborators post there.",
        "why_not_existing": "The main account posts institution-wide news; ours is specialist.",
        "content_plan": "Two research stories a week, one behind-the-scenes post.",
        "cadence_per_week": 3,
        "runners": "Amara (lead) and Ben (cover)",
        "hours_per_week": 3,
        "used_personally": True,
        "personal_experience": "Personal account for two years.",
    }
    data.update(over)
    return data


@pytest.fixture
def request_(people, units):
    return services.submit_request(people["amara"], _answers(units), co_owners=[people["ben"]])


def _actions():
    return list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))


def test_submit_notifies_digital_team_and_is_audited(request_, people):
    assert request_.status == AccountRequest.Status.SUBMITTED
    assert "account.request.submit" in _actions()
    assert Notice.objects.filter(user=people["dana"], key=f"request:{request_.pk}").exists()
    assert not Notice.objects.filter(user=people["amara"]).exists()


def test_bad_request_names_every_problem_and_saves_nothing(people, units):
    with pytest.raises(ValueError) as err:
        services.submit_request(
            people["amara"],
            _answers(units, handle="not a handle", audiences=[], runners="", hours_per_week="lots"),
        )
    message = str(err.value)
    for words in ("space", "at least one audience", "who will run", "hours a week"):
        assert words in message
    assert not AccountRequest.objects.exists()
    assert not AuditEntry.objects.filter(object_type__startswith="registry.").exists()


def test_requester_cannot_approve_own_request(people, units):
    req = services.submit_request(people["dana"], _answers(units))  # a digital-team member asks
    with pytest.raises(PermissionDenied):
        services.review_request(people["dana"], req, "approve")
    req.refresh_from_db()
    assert req.status == AccountRequest.Status.SUBMITTED
    services.review_request(people["eli"], req, "approve")  # a colleague can


@pytest.mark.parametrize("who", ["amara", "ben", "gwen"])
def test_only_digital_team_reviews(request_, people, who):
    with pytest.raises(PermissionDenied):
        services.review_request(people[who], request_, "approve")


def test_approve_creates_pending_account_owned_by_requester_and_co_owner(request_, people):
    req = services.review_request(people["dana"], request_, "approve", "Good plan.")
    assert req.status == AccountRequest.Status.APPROVED and req.reviewed_by == people["dana"]
    account = req.account
    assert account.status == Account.Status.PENDING
    assert set(account.owners.all()) == {people["amara"], people["ben"]}
    assert account.handle == "physics-outreach.example.ac.uk"
    note = Notice.objects.get(user=people["amara"])
    assert "approved" in note.message and "Good plan." in note.message
    assert Notice.objects.filter(user=people["ben"], key=f"owner:{account.pk}").exists()
    assert {"account.request.approve", "account.create"} <= set(_actions())


@pytest.mark.parametrize("decision", ["changes", "decline"])
def test_changes_and_decline_need_a_reason_and_notify(request_, people, decision):
    with pytest.raises(ValueError, match="reason"):
        services.review_request(people["dana"], request_, decision, "  ")
    req = services.review_request(people["dana"], request_, decision, "Use the School account instead.")
    assert req.status == {"changes": "changes", "decline": "declined"}[decision]
    assert not Account.objects.exists()
    note = Notice.objects.get(user=people["amara"])
    assert "Use the School account instead." in note.message
    assert f"account.request.{decision}" in _actions()


def test_changes_then_resubmit_by_requester_only(request_, people):
    services.review_request(people["dana"], request_, "changes", "How many hours a week?")
    with pytest.raises(PermissionDenied):
        services.resubmit_request(people["ben"], request_, {"hours_per_week": 5})
    req = services.resubmit_request(people["amara"], request_, {"hours_per_week": 5})
    assert req.status == AccountRequest.Status.SUBMITTED and float(req.hours_per_week) == 5
    assert "account.request.resubmit" in _actions()


def test_cannot_review_twice(request_, people):
    services.review_request(people["dana"], request_, "decline", "No.")
    with pytest.raises(ValueError, match="not awaiting review"):
        services.review_request(people["eli"], request_, "approve")


def test_withdraw(request_, people):
    with pytest.raises(PermissionDenied):
        services.withdraw_request(people["ben"], request_)
    services.withdraw_request(people["amara"], request_)
    assert AccountRequest.objects.get().status == "withdrawn"


def test_one_owner_cannot_become_active(people, units):
    account = Account.objects.create(network="bluesky", handle="solo.example.ac.uk", org_unit=units["physics"])
    account.owners.set([people["amara"]])
    with pytest.raises(ValueError, match="at least 2"):
        services.transition(people["dana"], account, "active")
    account.refresh_from_db()
    assert account.status == "pending"
    assert not AuditEntry.objects.filter(action="account.active").exists()


def test_full_lifecycle_with_permissions(request_, people):
    account = services.review_request(people["dana"], request_, "approve").account
    # pending → active: owners and the digital team; not other staff or governance.
    for outsider in ("gwen",):
        with pytest.raises(PermissionDenied):
            services.transition(people[outsider], account, "active")
    account = services.transition(people["amara"], account, "active")
    assert account.status == "active"
    # active → dormant: owner or team.
    with pytest.raises(PermissionDenied):
        services.transition(people["gwen"], account, "dormant")
    account = services.transition(people["dana"], account, "dormant", reason="Summer break.")
    # dormant → active again.
    account = services.transition(people["ben"], account, "active")
    # active → archived needs a reason and the whole hand-over checklist.
    with pytest.raises(ValueError, match="Say why"):
        services.transition(people["amara"], account, "archived", handover={c: True for c, _ in HANDOVER_CHECKLIST})
    partial = {c: True for c, _ in HANDOVER_CHECKLIST[:-1]}
    with pytest.raises(ValueError, match="Finish the hand-over"):
        services.transition(people["amara"], account, "archived", reason="Project ended.", handover=partial)
    account = services.transition(
        people["amara"],
        account,
        "archived",
        reason="Project ended.",
        handover={c: True for c, _ in HANDOVER_CHECKLIST},
    )
    assert account.status == "archived" and account.archived_at and all(account.handover.values())
    # archived is the end.
    with pytest.raises(ValueError, match="cannot become"):
        services.transition(people["dana"], account, "active")
    actions = _actions()
    for action in ("account.active", "account.dormant", "account.archived"):
        assert action in actions
    assert verify().ok
    # Owners other than the actor were told about each change.
    assert Notice.objects.filter(user=people["ben"], account=account).exists()


def test_staff_non_owner_cannot_transition(people, units, account):
    with pytest.raises(PermissionDenied):
        services.transition(people["ben"], account, "dormant")


def test_owner_list_keeps_two_for_active(people, account):
    with pytest.raises(ValueError, match="at least 2 owners"):
        services.set_owners(people["dana"], account, [people["amara"]])
    with pytest.raises(PermissionDenied):
        services.set_owners(people["ben"], account, [people["ben"], people["amara"]])
    services.set_owners(people["amara"], account, [people["amara"], people["ben"]])
    assert set(account.owners.all()) == {people["amara"], people["ben"]}
    assert "account.owners" in _actions()


def test_archiving_revokes_vault_credentials(people, account):
    from townhall.registry import vault

    vault.store_credentials(account, "vq7t-k2mz-p9xa-4hbe", actor=people["dana"])
    services.transition(
        people["dana"],
        account,
        "archived",
        reason="Merged into the School account.",
        handover={c: True for c, _ in HANDOVER_CHECKLIST},
    )
    with pytest.raises(vault.VaultError):
        vault.read_credentials(account)


def test_update_account_validates_and_audits(people, account):
    with pytest.raises(ValueError, match="cannot be changed here"):
        services.update_account(people["amara"], account, {"status": "archived"})
    with pytest.raises(ValueError, match="recovery_email"):
        services.update_account(people["amara"], account, {"recovery_email": "not an email"})
    services.update_account(people["amara"], account, {"mfa_enabled": True, "people_with_access": 2})
    account.refresh_from_db()
    assert account.mfa_enabled and account.people_with_access == 2
    with pytest.raises(PermissionDenied):
        services.update_account(people["ben"], account, {"mfa_enabled": False})


def test_periodic_review_marks_dormant_and_reminds(people, account):
    from townhall.registry.reminders import run_reviews

    now = timezone.now()
    account.last_posted_at = now - timedelta(days=120)
    account.review_date = timezone.localdate() - timedelta(days=1)
    account.save()
    result = run_reviews(now)
    account.refresh_from_db()
    assert account.status == "dormant" and result["dormant"] == 1
    entry = AuditEntry.objects.get(action="account.dormant")
    assert entry.actor_label == "system" and "No post for 120 days" in entry.after["reason"]
    assert Notice.objects.filter(user=people["amara"], key__startswith="review:").exists()
    assert Notice.objects.filter(user=people["amara"], key=f"rotation:{account.pk}").exists()
    assert Notice.objects.filter(user=people["amara"], key=f"security:{account.pk}").exists()
    # A second run does not repeat unread reminders.
    again = run_reviews(now)
    assert again == {"dormant": 0, "review": 0, "rotation": 0, "owners": 0, "security": 0}


def test_periodic_review_flags_missing_owner_to_team(people, units):
    from townhall.registry.reminders import run_reviews

    solo = Account.objects.create(network="x", handle="PhysicsNews", org_unit=units["physics"])
    solo.owners.set([people["amara"]])
    run_reviews()
    assert Notice.objects.filter(user=people["dana"], key=f"owners:{solo.pk}").exists()
    assert Notice.objects.filter(user=people["amara"], key=f"owners:{solo.pk}").exists()


def test_recently_active_account_stays_active(people, account):
    from townhall.registry.reminders import run_reviews

    account.last_posted_at = timezone.now() - timedelta(days=3)
    account.save()
    run_reviews()
    account.refresh_from_db()
    assert account.status == "active"


def test_cadence_well_below_target_marks_dormant(people, account, monkeypatch):
    from townhall.registry import reminders

    now = timezone.now()
    account.status_changed_at = now - timedelta(days=60)
    account.cadence_per_week = 5
    account.last_posted_at = now - timedelta(days=20)
    account.save()
    monkeypatch.setattr(reminders, "published_count", lambda acc, since: 2)  # target 20 in four weeks
    assert "well below" in reminders.dormancy_reason(account, now)
    account.last_posted_at = now - timedelta(days=3)  # posted natively recently: not dormant
    assert reminders.dormancy_reason(account, now) == ""
    monkeypatch.setattr(reminders, "published_count", lambda acc, since: 10)
    account.last_posted_at = now - timedelta(days=20)
    assert reminders.dormancy_reason(account, now) == ""
