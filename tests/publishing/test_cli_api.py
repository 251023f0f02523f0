"""`townhall post` and the /api/posts endpoints: same checks, clear messages, nothing lost."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from townhall.core.models import ApiToken
from townhall.publishing.models import Post

from .conftest import PNG

SAFE = "Open day this Saturday at the physics lab! https://example.ac.uk/open"


def post_cmd(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("post", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_cli_author_submits_for_approval(people, account):
    out, _ = post_cmd("--account", str(account.pk), "--text", SAFE, "--as", "author")
    post = Post.objects.get(pk=int(out.split()[-1]))
    assert post.status == "submitted"


def test_cli_now_by_staff_author_still_needs_approval(people, account):
    out, err = post_cmd("--account", str(account.pk), "--text", SAFE, "--now", "--as", "author")
    assert "goes for approval" in err
    assert Post.objects.get(pk=int(out.split()[-1])).status == "submitted"


def test_cli_now_by_owner_publishes_without_cool_off(people, account):
    out, _ = post_cmd("--account", str(account.pk), "--text", SAFE, "--now", "--as", "owner")
    post = Post.objects.get(pk=int(out.split()[-1]))
    delivery = post.deliveries.get()
    assert post.status == "scheduled" and delivery.due_at <= post.approved_at


def test_cli_now_with_risk_goes_to_review(people, account):
    out, err = post_cmd(
        "--account", str(account.pk), "--text", "Photo taken from Google Images, hope nobody minds", "--now",
        "--as", "owner",
    )
    post = Post.objects.get(pk=int(out.split()[-1]))
    assert post.status == "submitted" and post.route == "digital" and "another person's approval" in err


def test_cli_image_without_alt(people, account, tmp_path):
    image = tmp_path / "dot.png"
    image.write_bytes(PNG)
    with pytest.raises(CommandError, match="no alt text"):
        post_cmd("--account", str(account.pk), "--text", SAFE, "--image", str(image), "--as", "author")
    post_cmd("--account", str(account.pk), "--text", SAFE, "--image", str(image), "--alt", "A dot", "--as", "author")
    assert Post.objects.get().images.get().alt == "A dot"


def test_cli_bad_inputs(people, account, tmp_path):
    with pytest.raises(CommandError, match="limit is 500"):
        post_cmd("--account", str(account.pk), "--text", "x" * 600, "--as", "author")
    with pytest.raises(CommandError, match="in the past"):
        post_cmd("--account", str(account.pk), "--text", SAFE, "--at", "2020-05-01T10:00", "--as", "author")
    with pytest.raises(CommandError, match="no active user"):
        post_cmd("--account", str(account.pk), "--text", SAFE, "--as", "nobody")
    with pytest.raises(CommandError, match="No account with id 999"):
        post_cmd("--account", "999", "--text", SAFE, "--as", "author")
    not_image = tmp_path / "notes.txt"
    not_image.write_text("hello")
    with pytest.raises(CommandError, match="not a JPEG"):
        post_cmd("--account", str(account.pk), "--text", SAFE, "--image", str(not_image), "--alt", "x",
                 "--as", "author")
    assert not Post.objects.exists()


def test_cli_cadence_refusal_keeps_the_draft(people, account):
    post_cmd("--account", str(account.pk), "--text", SAFE, "--now", "--as", "owner")
    with pytest.raises(CommandError, match="Next allowed time"):
        post_cmd("--account", str(account.pk), "--text", SAFE + " Again.", "--now", "--as", "owner")
    assert Post.objects.filter(status="draft").count() == 1


def test_api_create_submit_approve(people, account, client):
    _, key = ApiToken.issue(people["author"], "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    bad = client.post("/api/posts/", {"accounts": [account.pk], "text": "x" * 600}, content_type="application/json",
                      **auth)
    assert bad.status_code == 400 and "limit is 500" in bad.json()["detail"]
    made = client.post("/api/posts/", {"accounts": [account.pk], "text": SAFE, "submit": True},
                       content_type="application/json", **auth)
    assert made.status_code == 201 and made.json()["status"] == "submitted"
    pk = made.json()["id"]
    assert client.post(f"/api/posts/{pk}/approve", content_type="application/json", **auth).status_code == 403
    _, owner_key = ApiToken.issue(people["owner"], "test")
    ok = client.post(f"/api/posts/{pk}/approve", content_type="application/json",
                     HTTP_AUTHORIZATION=f"Bearer {owner_key}")
    assert ok.status_code == 200 and ok.json()["status"] == "scheduled"
