from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.listening.models import Mention, NeverStore, SavedSearch
from townhall.listening.pipeline import Pipeline
from townhall.listening.types import Batch, IncomingPost


def fill(n=5):
    now = timezone.now()
    Pipeline.load().run(Batch([
        IncomingPost("bluesky", f"r{i}", f"Physics day {i} was great #openday <script>x</script>",
                     author_handle=f"a{i}.bsky.social", author_followers=i * 10,
                     created_at=now - timedelta(days=i % 3, hours=1))
        for i in range(n)
    ], None))


@pytest.mark.django_db
def test_dashboard_draws_svg_charts(verified_client, team, search):
    search("physics OR #openday", name="Physics")
    search("chemistry", name="Chem")
    fill()
    client = verified_client(team)
    r = client.get("/listening/?days=7")
    assert r.status_code == 200
    html = r.content.decode()
    assert html.count("<svg") >= 6
    assert 'role="img"' in html and "<desc" in html
    assert "Share of voice" in html and "#openday" in html
    assert "<script>x" not in html
    assert client.get("/listening/mentions/?search=1&sentiment=positive").status_code == 200
    r = client.get("/listening/mentions/?since=garbage")
    assert r.status_code == 200 and "must be a date" in r.content.decode()


@pytest.mark.django_db
def test_staff_cannot_see_listening_but_manage_their_handles(verified_client, make_user):
    staff = make_user()
    client = verified_client(staff)
    assert client.get("/listening/").status_code == 403
    r = client.post("/listening/never-store/", {"handle": "@me.bsky.social", "network": ""})
    assert r.status_code == 302
    assert NeverStore.objects.get().handle == "me.bsky.social"
    assert "me.bsky.social" in client.get("/listening/never-store/").content.decode()
    other = make_user()
    entry = NeverStore.objects.get()
    verified_client(other).post("/listening/never-store/", {"remove": entry.pk})
    assert NeverStore.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
def test_search_form_points_at_syntax_errors(verified_client, team):
    client = verified_client(team)
    r = client.post("/listening/searches/", {"name": "x", "query": 'physics AND ("open day"'})
    html = r.content.decode()
    assert r.status_code == 200 and "not closed" in html and "at character 13" in html
    assert 'aria-invalid="true"' in html
    r = client.post("/listening/searches/", {"name": "ok", "query": "physics"})
    assert r.status_code == 302 and SavedSearch.objects.filter(name="ok").exists()


@pytest.mark.django_db
def test_export_download(verified_client, team, search):
    search("physics")
    fill(2)
    c = verified_client(team)
    page = c.get("/listening/export/").content.decode()
    assert '<form method="post" class="panel">' in page  # the handle never goes into an address
    r = c.post("/listening/export/", {"handle": "a1.bsky.social"})
    assert r["Content-Disposition"].startswith("attachment")
    assert r.json()["mentions"][0]["author_handle"] == "a1.bsky.social"
    # a link made before still works
    assert c.get("/listening/export/?handle=a1.bsky.social").json()["mentions"][0]["author_handle"] == "a1.bsky.social"


@pytest.mark.django_db
def test_api(team, client):
    from townhall.core.models import ApiToken

    _, key = ApiToken.issue(team, "t")
    h = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    r = client.post("/api/listening/searches", {"name": "p", "query": "physics ("},
                    content_type="application/json", **h)
    assert r.status_code == 400 and r.json()["position"] == 8
    r = client.post("/api/listening/searches", {"name": "p", "query": "physics"}, content_type="application/json", **h)
    assert r.status_code == 201
    sid = r.json()["id"]
    r = client.post("/api/listening/parse", {"query": "a OR"}, content_type="application/json", **h)
    assert r.json() == {"ok": False, "canonical": "", "detail": "OR needs a term on both sides (at character 3)",
                        "position": 2}
    fill(3)
    r = client.get(f"/api/listening/mentions?search={sid}", **h)
    assert r.status_code == 200 and len(r.json()) == 3
    r = client.post("/api/listening/import", {"format": "csv", "data": "text\nphysics rules\n"},
                    content_type="application/json", **h)
    assert r.json()["stored"] == 1
    r = client.patch(f"/api/listening/searches/{sid}", {"active": False}, content_type="application/json", **h)
    assert r.json()["active"] is False
    assert client.delete(f"/api/listening/searches/{sid}", **h).status_code == 204
    assert Mention.objects.count() == 0


@pytest.mark.django_db
def test_live_query_check(verified_client, team):
    client = verified_client(team)
    r = client.post("/listening/searches/check", {"query": "physics OR"}, HTTP_HX_REQUEST="true")
    assert "OR needs a term on both sides" in r.content.decode() and "^" in r.content.decode()
    r = client.post("/listening/searches/check", {"query": "a OR b c"})
    assert "(a OR (b AND c))" in r.content.decode()
