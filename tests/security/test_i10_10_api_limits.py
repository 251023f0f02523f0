"""Issue 10, item 10 (the API parts): body size, 4xx in the OpenAPI schema, `[null,null]` bodies,
limits on free text, and 404 (never 403) for objects you may not see.

The SQLite-permissions and /admin/ parts of item 10 are in test_i10_10_sqlite_permissions.py and
test_i10_10_admin_loop.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from townhall.incidents.models import Incident
from townhall.listening.models import Mention, NeverStore, SavedSearch
from townhall.publishing.models import Comment, Delivery, Post
from townhall.registry.models import Account, AccountRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user, units):
    return {
        "admin": make_user("admin", units["physics"], username="ada"),
        "amy": make_user("staff", units["physics"], username="amy"),
        "bob": make_user("staff", units["history"], username="bob"),
    }


@pytest.fixture
def account(units, people):
    account = Account.objects.create(
        network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"], status="active",
        display_name="Physics",
    )
    account.owners.add(people["amy"])
    return account


def _json(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


# --- body size -------------------------------------------------------------------------------------


def test_a_2_5_mb_body_gets_a_json_4xx_not_django_html(call, people):
    body = {"text": "x" * 2_600_000}
    detail = _json(call(people["admin"], "post", "/api/policy/check", body), 422)["detail"]
    assert detail[0]["loc"][-1] == "text"


def test_a_body_over_the_server_limit_is_a_json_413(call, people):
    limit = django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = {"text": "x" * (limit + 10)}
    detail = _json(call(people["admin"], "post", "/api/policy/check", body), 413)["detail"]
    assert f"{limit // 1_000_000} MB" in detail


def test_listening_import_takes_the_20_million_characters_it_advertises(call, people):
    data = " " * (20_000_000 - 2) + "[]"  # valid JSON, no rows: the size is what is tested
    summary = _json(call(people["admin"], "post", "/api/listening/import", {"format": "json", "data": data}), 200)
    assert summary["rows"] == 0
    too_much = " " * 20_000_001
    _json(call(people["admin"], "post", "/api/listening/import", {"format": "json", "data": too_much}), 422)


# --- every 4xx in the OpenAPI schema ---------------------------------------------------------------


def test_every_operation_documents_its_4xx_responses(client):
    schema = client.get("/api/openapi.json").json()
    assert {"ErrorOut", "ValidationErrorOut"} <= set(schema["components"]["schemas"])
    operations = 0
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            operations += 1
            responses = operation["responses"]
            expected = {"400", "403"}
            expected |= {"401"} if operation.get("security") else set()
            expected |= {"404"} if "{" in path else set()
            expected |= {"413"} if "requestBody" in operation else set()
            expected |= {"422"} if operation.get("parameters") or "requestBody" in operation else set()
            assert expected <= set(responses), (method, path, sorted(responses))
            for code in expected:
                assert responses[code]["description"]
                assert "application/json" in responses[code]["content"], (method, path, code)
    assert operations >= 50


def test_schema_names_are_unique_so_each_body_is_described_truly(client):
    schema = client.get("/api/openapi.json").json()

    def body_ref(path):
        return schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]

    assert body_ref("/api/accounts/import").endswith("/AccountImportIn")
    assert body_ref("/api/listening/import").endswith("/MentionImportIn")


# --- non-object bodies -----------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["[null,null]", "null", "[]", '"text"', "1"])
def test_a_patch_body_that_is_not_an_object_is_refused(call, people, account, raw):
    incident = Incident.objects.create(kind="other", description="Something odd happened.", created_by=people["amy"])
    search = SavedSearch.objects.create(name="Physics", query='"physics"')
    for url in (f"/api/accounts/{account.pk}", f"/api/incidents/{incident.pk}", f"/api/listening/searches/{search.pk}"):
        r = call(people["admin"], "patch", url, raw=raw)
        assert r.status_code in (400, 422), (url, raw, r.status_code)
        assert r["Content-Type"].startswith("application/json")
    r = call(people["admin"], "post", f"/api/accounts/{account.pk}/transition", raw=raw)
    assert r.status_code in (400, 422)
    account.refresh_from_db()
    assert account.status == "active" and account.display_name == "Physics"


# --- limits on free text ---------------------------------------------------------------------------


def test_incident_description_limit_in_api_form_and_model(call, client, people):
    r = call(people["amy"], "post", "/api/incidents", {"kind": "other", "description": "x" * 5001})
    assert _json(r, 422)["detail"][0]["loc"][-1] == "description"
    client.force_login(people["amy"])
    page = client.post("/incidents/new/", {"kind": "other", "description": "x" * 5001})
    assert page.status_code == 200 and b"at most 5000 characters" in page.content
    with pytest.raises(ValueError, match="longer than 5,000"):
        Incident(kind="other", description="x" * 5001, created_by=people["amy"]).save()
    assert not Incident.objects.exists()
    r = call(people["amy"], "post", "/api/incidents", {"kind": "other", "description": "x" * 5000})
    assert r.status_code == 201


def test_comment_limit_in_api_and_model(call, people, account):
    post = Post.objects.create(created_by=people["amy"], org_unit=account.org_unit, text="Open day.")
    Delivery.objects.create(post=post, account=account)
    r = call(people["amy"], "post", f"/api/posts/{post.pk}/comments", {"comment": "x" * 10_001})
    assert _json(r, 422)["detail"][0]["loc"][-1] == "comment"
    with pytest.raises(ValueError, match="longer than 10,000"):
        Comment(post=post, author=people["amy"], text="x" * 10_001).save()
    assert not Comment.objects.exists()


def test_saved_search_description_limit(call, people):
    r = call(people["admin"], "post", "/api/listening/searches",
             {"name": "Physics", "query": '"physics"', "description": "x" * 301})
    assert _json(r, 422)["detail"][0]["loc"][-1] == "description"
    assert not SavedSearch.objects.exists()


def test_every_free_text_model_field_has_a_limit():
    """No TextField a person types into is unbounded (machine-written ones are listed)."""
    from django.apps import apps
    from django.db import models

    machine_written = {
        # network payloads, our own logs and ciphertext (bounded where they are produced), and the
        # search query (2,000 characters, checked by the listening service and its API)
        "listening.Mention.text", "listening.Source.cursor", "listening.Source.last_error",
        "publishing.Delivery.last_error", "publishing.Delivery.check_reason",
        "registry.Credential.ciphertext", "listening.SavedSearch.query",
        "registry.Notice.message",
    }
    unbounded = []
    for model in apps.get_models():
        if not model.__module__.startswith("townhall.") or model._meta.app_label in ("policies", "audit", "sso",
                                                                                     "links", "core"):
            continue
        for field in model._meta.concrete_fields:
            label = f"{model._meta.app_label}.{model.__name__}.{field.name}"
            if isinstance(field, models.TextField) and not field.max_length and label not in machine_written:
                unbounded.append(label)
    assert unbounded == [], unbounded


# --- 404, never 403, for what you may not see ----------------------------------------------------


def _same_404(a, b):
    assert a.status_code == b.status_code == 404
    assert a.json() == b.json()


def test_a_post_you_may_not_see_answers_exactly_like_one_that_does_not_exist(call, people, account):
    post = Post.objects.create(created_by=people["amy"], org_unit=account.org_unit, text="Draft.")
    Delivery.objects.create(post=post, account=account)
    missing = post.pk + 1000
    bob = people["bob"]
    _same_404(call(bob, "get", f"/api/posts/{post.pk}"), call(bob, "get", f"/api/posts/{missing}"))
    for action in ("submit", "hold"):
        _same_404(call(bob, "post", f"/api/posts/{post.pk}/{action}"),
                  call(bob, "post", f"/api/posts/{missing}/{action}"))
    body = {"comment": "hello"}
    _same_404(call(bob, "post", f"/api/posts/{post.pk}/comments", body),
              call(bob, "post", f"/api/posts/{missing}/comments", body))
    assert call(people["amy"], "get", f"/api/posts/{post.pk}").status_code == 200


def test_conversation_incident_request_and_never_store_entry_you_may_not_see_are_404(call, people, account, units):
    from townhall.inbox.models import Conversation

    bob, amy = people["bob"], people["amy"]
    now = timezone.now()
    mention = Mention.objects.create(network="bluesky", remote_id="at://x/1", author_handle="someone.example",
                                     text="Is the lab open?", created_at=now, expires_at=now + timedelta(days=9),
                                     text_hash="0" * 32)
    conversation = Conversation.objects.create(account=account, mention=mention, received_at=now)
    _same_404(call(bob, "get", f"/api/inbox/conversations/{conversation.pk}"),
              call(bob, "get", f"/api/inbox/conversations/{conversation.pk + 1000}"))
    assert call(amy, "get", f"/api/inbox/conversations/{conversation.pk}").status_code == 200

    incident = Incident.objects.create(kind="other", description="Something odd happened.", created_by=amy)
    _same_404(call(bob, "patch", f"/api/incidents/{incident.pk}", {"status": "triaging"}),
              call(bob, "patch", f"/api/incidents/{incident.pk + 1000}", {"status": "triaging"}))

    req = AccountRequest.objects.create(
        requested_by=amy, org_unit=units["physics"], network="mastodon", purpose="communications",
        audiences=["students"], audience_presence="Here.", why_not_existing="None fit.", content_plan="News.",
        runners="Us.", hours_per_week=2,
    )
    for suffix in ("", "/withdraw"):
        method = "get" if not suffix else "post"
        _same_404(call(bob, method, f"/api/accounts/requests/{req.pk}{suffix}"),
                  call(bob, method, f"/api/accounts/requests/{req.pk + 1000}{suffix}"))
    review = {"decision": "approve"}
    _same_404(call(bob, "post", f"/api/accounts/requests/{req.pk}/review", review),
              call(bob, "post", f"/api/accounts/requests/{req.pk + 1000}/review", review))

    entry = NeverStore.objects.create(user=amy, handle="someone.example")
    _same_404(call(bob, "delete", f"/api/listening/never-store/{entry.pk}"),
              call(bob, "delete", f"/api/listening/never-store/{entry.pk + 1000}"))
    assert NeverStore.objects.filter(pk=entry.pk).exists()


def test_where_a_section_is_closed_to_you_the_answer_does_not_depend_on_the_id(call, people):
    search = SavedSearch.objects.create(name="Physics", query='"physics"')
    bob = people["bob"]  # staff: no listening at all
    a = call(bob, "patch", f"/api/listening/searches/{search.pk}", {"name": "x"})
    b = call(bob, "patch", f"/api/listening/searches/{search.pk + 1000}", {"name": "x"})
    assert a.status_code == b.status_code == 403 and a.json() == b.json()


def test_a_policy_check_takes_a_posts_length_and_says_so_beyond_it(call, people, client):
    """Security review of 2026-12-05: the check took 100,000 characters, and checking time grows
    with length; it now takes what a post can hold (20,000), refused with a reason by the API
    and cut with a visible note on the page (never silently)."""
    detail = _json(call(people["admin"], "post", "/api/policy/check", {"text": "x" * 20_001}), 422)["detail"]
    assert detail[0]["loc"][-1] == "text"
    _json(call(people["admin"], "post", "/api/policy/check", {"text": "x" * 20_000}), 200)
    client.force_login(people["amy"])
    page = client.post("/policy/check", {"text": "x" * 20_001}).content.decode()
    assert "Only the first 20,000 characters were checked" in page
    assert "Only the first" not in client.post("/policy/check", {"text": "x" * 20_000}).content.decode()
