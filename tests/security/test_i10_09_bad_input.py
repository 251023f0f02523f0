"""Issue 10, item 9: bad input gets a clear JSON 4xx (never a 500) and nothing half-written.

One test per bullet of the item: huge offsets and limits, ids beyond 64 bits, `null` in PATCH
fields, CSV cells over the csv module's limit, inf/1e400/NaN and deep nesting in the listening
import, and NUL characters anywhere (query strings, JSON bodies, web forms, the model safety
net). Runs on SQLite and PostgreSQL like the rest of the suite; the NUL case is the one that
used to be a PostgreSQL-only 500.
"""

from __future__ import annotations

import pytest

from townhall.incidents.models import Incident
from townhall.listening.models import Mention, SavedSearch
from townhall.publishing.models import Post
from townhall.registry.models import Account

pytestmark = pytest.mark.django_db

HUGE = 100000000000000000000  # 10**20: beyond a signed 64-bit integer


@pytest.fixture
def people(make_user, units):
    return {
        "admin": make_user("admin", units["physics"], username="ada"),
        "staff": make_user("staff", units["physics"], username="sam"),
    }


@pytest.fixture
def account(units, people):
    account = Account.objects.create(
        network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"], status="active",
        display_name="Physics",
    )
    account.owners.add(people["staff"])
    return account


def _json_4xx(response, *statuses: int) -> dict:
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


# --- huge offset / limit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"/api/accounts/?offset={HUGE}",
        f"/api/accounts/?offset={2**63}",
        "/api/accounts/?offset=-1",
        f"/api/accounts/?limit={HUGE}",
        "/api/accounts/?limit=0",
        f"/api/listening/mentions?offset={HUGE}",
        f"/api/listening/mentions?offset={2**63 - 1}",
        f"/api/listening/mentions?limit={HUGE}",
        f"/api/listening/alerts?limit={HUGE}",
        f"/api/inbox/conversations?limit={HUGE}",
        f"/api/audit?limit={HUGE}",
        f"/api/audit?before_seq={HUGE}",
    ],
)
def test_huge_offset_or_limit_is_a_422_not_a_500(call, people, account, url):
    body = _json_4xx(call(people["admin"], "get", url), 422)
    assert body["detail"] and body["detail"][0]["loc"][0] == "query"


def test_largest_allowed_offset_is_an_empty_page(call, people, account):
    assert call(people["admin"], "get", "/api/accounts/?offset=1000000000").json() == []
    assert call(people["admin"], "get", "/api/accounts/?offset=0&limit=1").status_code == 200


# --- integer ids beyond 64 bits ------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", f"/api/accounts/{HUGE}"),
        ("get", f"/api/accounts/{HUGE}/security"),
        ("get", f"/api/accounts/requests/{HUGE}"),
        ("get", f"/api/posts/{HUGE}"),
        ("post", f"/api/posts/{HUGE}/submit"),
        ("get", f"/api/inbox/conversations/{HUGE}"),
        ("delete", f"/api/listening/searches/{HUGE}"),
        ("delete", f"/api/listening/never-store/{HUGE}"),
    ],
)
def test_id_beyond_64_bits_in_the_path_is_a_clear_4xx(call, people, method, url):
    _json_4xx(call(people["admin"], method, url), 404, 422)


def test_id_beyond_64_bits_in_a_body_is_refused_and_nothing_is_written(call, people, account):
    before = Post.objects.count()
    r = call(people["admin"], "post", "/api/posts/", {"accounts": [account.pk, HUGE], "text": "Hello"})
    assert _json_4xx(r, 422)["detail"][0]["loc"][-2:] == ["accounts", 1]
    assert Post.objects.count() == before

    r = call(people["admin"], "post", f"/api/accounts/{account.pk}/transition", {"to": "dormant", "successor_id": HUGE})
    _json_4xx(r, 422)
    account.refresh_from_db()
    assert account.status == "active"

    r = call(people["admin"], "post", f"/api/incidents/{HUGE}", {})
    assert r.status_code in (404, 405, 422)


def test_count_beyond_the_column_is_refused(call, people, units):
    from datetime import date

    from townhall.analytics.models import Measurement, Objective

    objective = Objective.objects.create(
        name="Sign-ups", metric="applications", target=10, org_unit=units["physics"],
        period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
    )
    url = f"/api/analytics/objectives/{objective.pk}/measurements"
    for value in (HUGE, 2**31, -1):
        _json_4xx(call(people["admin"], "post", url, {"day": "2026-03-01", "value": value}), 422)
    assert not Measurement.objects.exists()


# --- null in PATCH fields ----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["display_name", "content_plan", "cadence_per_week", "quiet_start", "mfa_enabled",
                                   "audiences", "owners", "purpose"])
def test_null_in_an_account_patch_is_refused(call, people, account, field):
    r = call(people["admin"], "patch", f"/api/accounts/{account.pk}", {field: None})
    assert _json_4xx(r, 422)["detail"][0]["loc"][-1] == field
    account.refresh_from_db()
    assert account.display_name == "Physics" and account.cadence_per_week == 3


def test_null_where_the_field_may_be_empty_still_works(call, people, account):
    r = call(people["admin"], "patch", f"/api/accounts/{account.pk}", {"review_date": None})
    assert r.status_code == 200


def test_null_in_incident_and_search_patches_is_refused(call, people):
    incident = Incident.objects.create(kind="other", description="Something odd happened.", created_by=people["staff"])
    _json_4xx(call(people["admin"], "patch", f"/api/incidents/{incident.pk}", {"status": None}), 422)
    _json_4xx(call(people["admin"], "patch", f"/api/incidents/{incident.pk}", {"resolution": None}), 422)
    search = SavedSearch.objects.create(name="Physics", query='"physics"')
    for field in ("name", "query", "active"):
        _json_4xx(call(people["admin"], "patch", f"/api/listening/searches/{search.pk}", {field: None}), 422)
    search.refresh_from_db()
    assert search.name == "Physics" and search.active
    # retention may be null: it means "keep as long as the global rule allows"
    assert call(people["admin"], "patch", f"/api/listening/searches/{search.pk}",
                {"retention_days": None}).status_code == 200


# --- CSV cells over the csv module's limit ------------------------------------------------------


def test_registry_csv_cell_over_131072_characters_names_the_row(call, people, units):
    big = "x" * 131_073
    text = ("network,handle,org_unit,display_name\n"
            "bluesky,one.example.ac.uk,physics,One\n"
            f'bluesky,two.example.ac.uk,physics,"{big}"\n')
    r = call(people["admin"], "post", "/api/accounts/import", {"csv": text})
    body = _json_4xx(r, 400)
    assert not body["ok"] and any(e.startswith("Row 3") and "131,072 characters" in e for e in body["errors"])
    assert not Account.objects.exists()  # nothing half-written: not even row 2


def test_listening_csv_cell_over_the_limit_is_a_400_naming_the_row(call, people):
    text = "text,author\nhello physics,a\n" + "x" * 200_000 + ",b\n"
    r = call(people["admin"], "post", "/api/listening/import", {"format": "csv", "data": text})
    assert "Row 3" in _json_4xx(r, 400)["detail"]
    assert not Mention.objects.exists()


# --- inf / 1e400 / NaN / deep JSON in the listening import -------------------------------------


@pytest.mark.parametrize("followers", ['"inf"', "1e400", '"1e400"', '"NaN"', '"-Infinity"'])
def test_listening_import_non_finite_follower_count_is_a_row_error(call, people, followers):
    SavedSearch.objects.create(name="Physics", query="physics")
    data = f'[{{"text": "physics is fun", "author": "a", "followers": {followers}}},' \
           f' {{"text": "physics again", "author": "b", "followers": 12}}]'
    r = call(people["admin"], "post", "/api/listening/import", {"format": "json", "data": data})
    assert r.status_code == 200, r.content[:300]
    summary = r.json()
    assert summary["rows"] == 2 and len(summary["errors"]) == 1 and "item 1" in summary["errors"][0]
    assert list(Mention.objects.values_list("author_handle", flat=True)) == ["b"]


def test_listening_import_nan_constant_and_deep_nesting_are_400(call, people):
    for data in ('[{"text": "physics", "followers": NaN}]', "[" * 50_000 + "]" * 50_000):
        r = call(people["admin"], "post", "/api/listening/import", {"format": "json", "data": data})
        assert _json_4xx(r, 400)["detail"].startswith("The file is not")
    assert not Mention.objects.exists()


def test_request_body_with_nan_infinity_or_deep_nesting_is_400(call, people):
    for raw in ('{"query": NaN}', '{"query": "x", "n": 1e400}', '{"q": ' + "[" * 50_000 + "]" * 50_000 + "}"):
        _json_4xx(call(people["admin"], "post", "/api/listening/parse", raw=raw), 400)


# --- NUL characters --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/api/accounts/?q=a%00b", "/api/listening/mentions?q=%00", "/api/incidents?status=new%00",
     "/api/accounts/recommend?audiences=students%00", "/api/listening/export?handle=x%00"],
)
def test_nul_in_a_query_filter_is_a_400(call, people, url):
    assert "NUL character" in _json_4xx(call(people["admin"], "get", url), 400)["detail"]


def test_nul_in_a_json_body_is_a_400_and_nothing_is_written(call, people, account):
    r = call(people["staff"], "post", "/api/incidents",
             {"kind": "other", "description": "Something odd\u0000 happened here."})
    assert "NUL character" in _json_4xx(r, 400)["detail"]
    r = call(people["admin"], "patch", f"/api/accounts/{account.pk}", {"content_plan": "plan\x00"})
    _json_4xx(r, 400)
    r = call(people["admin"], "post", "/api/posts/", {"accounts": [account.pk], "text": "Hi", "thread": ["a\x00"]})
    _json_4xx(r, 400)
    assert not Incident.objects.exists() and not Post.objects.exists()
    account.refresh_from_db()
    assert account.content_plan == ""


def test_escaped_backslash_before_u0000_is_not_a_nul(call, people):
    # JSON "\\u0000" is a backslash followed by "u0000": ordinary text, accepted.
    r = call(people["admin"], "post", "/api/listening/parse", raw='{"query": "physics \\\\u0000"}')
    assert r.status_code == 200


def test_nul_in_a_web_form_is_a_400_page_with_a_sentence(client, people):
    client.force_login(people["staff"])
    r = client.post("/incidents/new/", {"kind": "other", "description": "Something odd\x00 happened here."})
    assert r.status_code == 400 and b"NUL character" in r.content
    assert r["Content-Type"].startswith("text/html")
    assert not Incident.objects.exists()
    assert client.get("/accounts/?q=physics%00").status_code == 400  # a page's filter, too
    assert client.get("/accounts/?q=physics").status_code == 200
    # the same form without the NUL goes through (the guard is not refusing everything)
    r = client.post("/incidents/new/", {"kind": "other", "description": "Something odd happened here."})
    assert r.status_code in (200, 302) and Incident.objects.count() == 1


def test_model_safety_net_refuses_nul_before_the_database(people):
    incident = Incident(kind="other", description="odd\x00", created_by=people["staff"])
    with pytest.raises(ValueError, match="NUL character"):
        incident.save()
    assert not Incident.objects.exists()
