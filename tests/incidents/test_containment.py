"""Containment (issue 14): pause all publishing, lock an account, delete a published post."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from townhall.audit.models import AuditEntry
from townhall.audit.services import verify
from townhall.incidents import containment
from townhall.incidents.models import PostRemoval
from townhall.publishing import publisher, services
from townhall.publishing.models import Delivery, Post
from townhall.registry.models import Notice

SAFE = "Open day this Saturday at the physics lab! https://example.ac.uk/open"


def approved(people, account, settings, text: str = SAFE, thread: list[str] | None = None) -> Post:
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], text, thread=thread or [])
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    return post


def test_pause_holds_due_posts_and_resume_sends_each_once(people, account, settings, mastodon_server):
    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    containment.pause(people["digital"], "Major incident on campus: say nothing for now")
    assert publisher.due_deliveries() == []  # not even picked
    assert publisher.run(delivery.pk) == "skipped"  # nor claimed
    assert mastodon_server.posts_by("physics") == []
    containment.resume(people["governance"])
    assert publisher.due_deliveries() == [delivery.pk]
    assert publisher.run(delivery.pk) == "published"
    assert publisher.run(delivery.pk) == "skipped"
    assert len(mastodon_server.posts_by("physics")) == 1
    actions = list(AuditEntry.objects.filter(action__startswith="publishing.").values_list("action", flat=True))
    assert sorted(actions) == ["publishing.paused", "publishing.resumed"]
    assert verify().ok


def test_a_pause_during_a_burst_stops_what_is_not_yet_sent(people, account, settings, mastodon_server, monkeypatch):
    """Claimed before the pause, checked again right before the network call: handed back, sent later."""
    post = approved(people, account, settings)
    delivery = post.deliveries.get()
    claim = publisher._claim

    def claim_then_pause(pk):
        claimed = claim(pk)
        containment.pause(people["digital"], "Stop everything")
        return claimed

    monkeypatch.setattr(publisher, "_claim", claim_then_pause)
    assert publisher.run(delivery.pk) == "held"
    monkeypatch.setattr(publisher, "_claim", claim)
    delivery.refresh_from_db()
    assert delivery.status == "scheduled" and delivery.attempts == 0 and "paused" in delivery.last_error
    assert mastodon_server.create_calls == 0
    containment.resume(people["digital"])
    assert publisher.run(delivery.pk) == "published"
    assert len(mastodon_server.posts_by("physics")) == 1


def test_only_oversight_roles_pause_and_it_needs_a_reason(people):
    with pytest.raises(PermissionDenied):
        containment.pause(people["owner"], "I want to")
    with pytest.raises(ValidationError, match="reason"):
        containment.pause(people["digital"], " ")
    containment.pause(people["digital"], "Crisis")
    with pytest.raises(ValidationError, match="already paused"):
        containment.pause(people["governance"], "Again")
    with pytest.raises(PermissionDenied):
        containment.resume(people["author"])


def test_lock_holds_posts_refuses_approval_tells_owners_and_unlock_sends_once(
    people, account, settings, mastodon_server
):
    post = approved(people, account, settings)
    waiting = services.create_post(people["author"], [account], "Lab tours all week, book at the desk.")
    services.submit(waiting, people["author"])
    containment.lock_account(people["governance"], account, "Password seen in a phishing kit")
    assert publisher.run(post.deliveries.get().pk) == "skipped"
    with pytest.raises(ValueError, match="is locked"):
        services.approve(waiting, people["owner"])
    notice = Notice.objects.get(user=people["owner"])
    assert "locked" in notice.message and "password" in notice.message
    assert containment.needs_rotation(account)
    entry = AuditEntry.objects.get(action="account.locked")
    assert entry.after["held_deliveries"] == 2 and entry.after["rotation_required"] is True
    containment.unlock_account(people["digital"], account)
    assert publisher.run(post.deliveries.get().pk) == "published"
    assert publisher.run(post.deliveries.get().pk) == "skipped"
    assert len(mastodon_server.posts_by("physics")) == 1
    type(account).objects.filter(pk=account.pk).update(min_gap_minutes=0)  # cadence is not under test here
    services.approve(waiting, people["owner"])  # approvals are possible again


def test_delete_published_removes_every_part_and_keeps_a_record(people, account, settings, mastodon_server):
    post = approved(people, account, settings, thread=["Second part of the thread.", "Third part."])
    assert publisher.run(post.deliveries.get().pk) == "published"
    assert len(mastodon_server.posts_by("physics")) == 3
    with pytest.raises(PermissionDenied):  # the author may not decide alone
        containment.delete_published(people["author"], post, "Oops")
    with pytest.raises(ValidationError, match="reason"):
        containment.delete_published(people["digital"], post, "")
    result = containment.delete_published(people["digital"], post, "Named a student without consent")
    assert len(result.removed) == 3 and not result.failed
    assert mastodon_server.posts_by("physics") == []
    rows = PostRemoval.objects.filter(post=post)
    assert rows.count() == 3 and all(r.removed_at and r.reason.startswith("Named") for r in rows)
    assert {r.text for r in rows} == set(post.parts)
    assert containment.removal_state(post) == "removed"
    assert AuditEntry.objects.get(action="post.deleted_from_network").after["failed"] == []
    with pytest.raises(ValidationError, match="already deleted"):
        containment.delete_published(people["digital"], post, "Again")


def test_a_failed_part_is_reported_and_retried(people, account, settings, mastodon_server):
    post = approved(people, account, settings, thread=["Second part."])
    publisher.run(post.deliveries.get().pk)
    mastodon_server.fail_next.append((503, {"error": "Service Unavailable"}))
    result = containment.delete_published(people["governance"], post, "Wrong date")
    assert len(result.removed) == 1 and len(result.failed) == 1 and result.failed[0].error
    assert "try again" in result.summary()
    assert containment.removal_state(post) == "partly removed"
    assert len(mastodon_server.posts_by("physics")) == 1
    again = containment.delete_published(people["governance"], post, "Wrong date")
    assert len(again.removed) == 1 and not again.failed  # only the part still up is asked for
    assert mastodon_server.posts_by("physics") == []


def test_commands_print_one_line_and_exit_1_with_the_reason(people, account, settings, mastodon_server, capsys):
    call_command("publishing", "pause", "--reason", "Campus emergency", "--as", "digital")
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "paused" in out[0] and "Campus emergency" in out[0]
    with pytest.raises(CommandError, match="already paused") as refused:
        call_command("publishing", "pause", "--reason", "x-x-x", "--as", "digital")
    assert refused.value.returncode == 1
    with pytest.raises(CommandError, match="may not"):
        call_command("publishing", "resume", "--as", "author")
    call_command("publishing", "resume", "--as", "governance")
    assert capsys.readouterr().out.count("\n") == 1
    call_command("accounts", "lock", str(account.pk), "--reason", "Phished", "--as", "governance")
    assert "locked" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already locked"):
        call_command("accounts", "lock", str(account.pk), "--reason", "Phished", "--as", "governance")
    call_command("accounts", "unlock", str(account.pk), "--as", "digital")
    assert "unlocked" in capsys.readouterr().out
    post = approved(people, account, settings)
    publisher.run(post.deliveries.get().pk)
    call_command("posts", "list", "--format", "json")
    rows = json.loads(capsys.readouterr().out)
    remote = Delivery.objects.get(post=post).remote_id
    assert rows == [{"id": post.pk, "status": "published", "remote_ids": [remote]}]
    with pytest.raises(CommandError, match="may not"):
        call_command("posts", "delete", str(post.pk), "--reason", "Mine", "--as", "author")
    call_command("posts", "delete", str(post.pk), "--reason", "Wrong venue", "--as", "digital")
    assert capsys.readouterr().out.strip().startswith(f"Post {post.pk} deleted")
    call_command("posts", "list")
    assert capsys.readouterr().out.split("\t")[1] == "removed"


def test_api_has_the_same_rules(client, people, account, settings, mastodon_server):
    from townhall.core.models import ApiToken

    def call(user, path, body=None):
        _, key = ApiToken.issue(people[user], "t")
        return client.post(path, body or {}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert call("owner", "/api/incidents/containment/pause", {"reason": "x-y-z"}).status_code == 403
    ok = call("governance", "/api/incidents/containment/pause", {"reason": "Crisis"})
    assert ok.status_code == 200 and ok.json()["paused"] is True
    assert call("digital", "/api/incidents/containment/pause", {"reason": "Crisis"}).status_code == 400
    assert call("digital", "/api/incidents/containment/resume").json()["paused"] is False
    locked = call("digital", f"/api/incidents/containment/accounts/{account.pk}/lock", {"reason": "Phished"})
    assert locked.json()["locked_accounts"] == [account.pk]
    assert call("author", f"/api/incidents/containment/accounts/{account.pk}/unlock").status_code == 403
    assert call("governance", f"/api/incidents/containment/accounts/{account.pk}/unlock").status_code == 200
    post = approved(people, account, settings)
    publisher.run(post.deliveries.get().pk)
    assert call("author", f"/api/incidents/containment/posts/{post.pk}/delete", {"reason": "x"}).status_code == 403
    done = call("owner", f"/api/incidents/containment/posts/{post.pk}/delete", {"reason": "Wrong venue"})
    assert done.status_code == 200 and len(done.json()["removed"]) == 1


def test_banner_on_every_page_while_paused_and_the_controls_page(client, verified_client, people, account):
    client.force_login(people["author"])
    assert "All publishing is paused" not in client.get("/").content.decode()
    containment.pause(people["digital"], "Major incident")
    page = client.get("/incidents/").content.decode()
    assert "All publishing is paused" in page and "Major incident" in page
    assert "Resume publishing" not in page  # staff may not resume
    assert client.get("/incidents/containment/").status_code == 403
    client = verified_client(people["governance"])
    response = client.post("/incidents/containment/", {"action": "resume"}, follow=True)
    assert "All publishing is paused" not in response.content.decode()
    response = client.post("/incidents/containment/", {"action": "lock", "account": account.pk, "reason": "Hacked"},
                           follow=True)
    assert "is locked" in response.content.decode()
    assert containment.active_lock(account.pk) is not None


def test_api_state_says_what_is_in_force(client, people, account):
    from townhall.core.models import ApiToken

    _, key = ApiToken.issue(people["author"], "t")
    containment.pause(people["digital"], "Crisis")
    state = client.get("/api/incidents/containment/state", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert state.status_code == 200 and state.json()["paused"] is True and state.json()["reason"] == "Crisis"


def test_delete_page_refuses_the_author_and_keeps_the_record(client, verified_client, people, account, settings,
                                                             mastodon_server):
    post = approved(people, account, settings)
    publisher.run(post.deliveries.get().pk)
    client.force_login(people["author"])
    assert client.get(f"/incidents/containment/posts/{post.pk}/").status_code == 403
    client = verified_client(people["digital"])
    page = client.post(f"/incidents/containment/posts/{post.pk}/", {"reason": ""}).content.decode()
    assert "Give a reason" in page and len(mastodon_server.posts_by("physics")) == 1
    page = client.post(f"/incidents/containment/posts/{post.pk}/", {"reason": "Wrong venue"}, follow=True)
    text = page.content.decode()
    assert "1 part deleted from the network" in text and "Wrong venue" in text and "What was removed" in text
    assert mastodon_server.posts_by("physics") == []


def test_account_page_says_locked_and_that_the_password_must_change(verified_client, people, account):
    from townhall.registry.vault import store_credentials

    client = verified_client(people["digital"])
    containment.lock_account(people["digital"], account, "Phished")
    page = client.get(f"/accounts/{account.pk}/").content.decode()
    assert "This account is locked" in page and "Change its password" in page
    containment.unlock_account(people["digital"], account)
    assert "password has not been changed" in client.get(f"/accounts/{account.pk}/").content.decode()
    store_credentials(account, "a-new-token-after-the-lock", actor=people["owner"], kind="api_token")
    page = client.get(f"/accounts/{account.pk}/").content.decode()
    assert "This account is locked" not in page and "password has not been changed" not in page
    assert not containment.needs_rotation(account)
