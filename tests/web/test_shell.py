"""The page shell: role-fitting navigation with counts, error pages inside the layout, quiet refusals."""

from __future__ import annotations

import logging

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def _post(author, account, status="submitted"):
    from townhall.publishing.models import Post

    return Post.objects.create(created_by=author, org_unit=account.org_unit, text="Open day on Saturday!",
                               status=status)


def _account(units, **extra):
    from townhall.registry.models import Account

    return Account.objects.create(network="mastodon", handle="@physics@mastodon.example", status="active",
                                  org_unit=units["physics"], **extra)


def test_staff_see_my_posts_and_notifications_but_no_approvals(make_user, units, verified_client):
    from townhall.publishing.models import Notification

    sam = make_user("staff", units["physics"])
    Notification.objects.create(user=sam, message="Your post was approved.")
    Notification.objects.create(user=sam, message="Your post went out.")
    html = verified_client(sam).get("/").content.decode()
    assert '>My posts</a>' in html
    assert "Approvals" not in html
    assert 'Notifications <span class="count">2</span>' in html
    assert "Audit trail" not in html and ">More<" not in html


def test_approvers_see_a_count_of_posts_waiting_for_them(make_user, units, verified_client):
    author = make_user("staff", units["physics"])
    account = _account(units)
    _post(author, account)
    _post(author, account)
    digital = make_user("digital", units["physics"])
    html = verified_client(digital).get("/posts/").content.decode()
    assert 'aria-label="2 waiting">2</span>' in html
    assert 'id="approvals"' in html and 'id="notifications"' in html
    assert "No new notifications." in html
    # The current section is marked for screen readers.
    assert 'href="/posts/" aria-current="page">My posts' in html


def test_the_administrator_has_oversight_pages_under_more(make_user, units, verified_client):
    admin = make_user("admin", units["physics"], is_staff=True)
    html = verified_client(admin).get("/").content.decode()
    assert "<summary>More</summary>" in html
    more = html.split("<summary>More</summary>", 1)[1].split("</details>", 1)[0]
    for label in ("Audit trail", "System status", "Administration"):
        assert label in more


def test_a_refusal_is_a_styled_page_that_says_what_to_do(make_user, units, verified_client):
    response = verified_client(make_user("staff", units["physics"])).get("/status/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>You do not have access to this page</h1>" in html
    assert 'aria-label="Main"' in html and "What you can do" in html


def test_a_missing_page_is_a_styled_404(make_user, units, verified_client):
    response = verified_client(make_user("staff", units["physics"])).get("/posts/999999/")
    assert response.status_code == 404
    assert "We cannot find that page" in response.content.decode()


def test_a_server_error_is_a_styled_500(client):
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.web.broken_urls"):
        response = client.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_refusals_are_logged_as_one_line(make_user, units, verified_client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        verified_client(make_user("staff", units["physics"])).get("/status/")
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records, "the refusal was not logged"
    assert all(r.exc_info is None for r in records)
    assert "/status/" in records[0].getMessage()


def test_every_object_page_links_back_to_its_list(make_user, units, verified_client):
    author = make_user("staff", units["physics"])
    account = _account(units)
    account.owners.add(author)
    post = _post(author, account, status="draft")
    html = verified_client(author).get(f"/posts/{post.pk}/").content.decode()
    assert '<p class="back"><a href="/posts/"><span aria-hidden="true">← </span>Back to My posts</a></p>' in html
    home = verified_client(author).get("/").content.decode()
    assert 'class="back"' not in home


def test_the_audit_trail_reads_as_sentences_with_a_change_table(make_user, units, verified_client):
    from townhall.audit.services import record, snapshot
    from townhall.incidents.models import Incident
    from townhall.incidents.services import FIELDS

    reporter = make_user("staff", units["physics"])
    gil = make_user("governance", units["physics"], username="gil", first_name="Gil", last_name="Gray")
    incident = Incident.objects.create(kind="impersonation", created_by=reporter, description="Fake account")
    before = snapshot(incident, FIELDS)
    incident.assigned_to, incident.status = gil, "triaging"
    incident.save()
    record(gil, "incident.updated", incident, before=before, after=snapshot(incident, FIELDS))
    admin = make_user("admin", units["physics"])
    html = verified_client(admin).get("/audit/").content.decode()
    assert "Gil Gray updated incident “Incident #" in html
    assert "incident.updated" not in html and "assigned_to_id" not in html and "{&#x27;" not in html
    assert "<th scope=\"row\">Assigned to</th><td class=\"wrap\">nobody</td><td class=\"wrap\">Gil Gray</td>" in html
    assert "What changed (2 fields)" in html


def test_action_codes_become_words():
    from townhall.web.audit_display import describe_action

    assert describe_action("post.approve") == "approved post"
    assert describe_action("account.request.submit") == "submitted account request"
    assert describe_action("api_token.issued") == "issued API token"
    assert describe_action("publishing.paused") == "paused all publishing"


def test_people_read_words_not_internals(make_user, units):
    from townhall.core.models import ApiToken
    from townhall.publishing.models import Post
    from townhall.registry.services import _owners
    from townhall.web.templatetags.townhall_ui import network_name

    sam = make_user("staff", units["physics"], first_name="Sam", last_name="Patel")
    token = ApiToken.objects.create(user=sam, name="reporting script", prefix="abc", key_hash="x" * 64)
    assert str(token) == "API token “reporting script” of Sam Patel"
    post = Post(text="Open day on Saturday! Come and see the new physics labs and meet our students on campus today")
    assert str(post) == "Open day on Saturday! Come and see the new physics labs and…"
    assert Post(text="").title == "Untitled post"
    assert (_owners(1), _owners(0)) == ("1 owner", "0 owners")
    names = [network_name(n) for n in ("bluesky", "x", "linkedin", "mastodon")]
    assert names == ["Bluesky", "X", "LinkedIn", "Mastodon"]


def test_the_approval_notice_gives_the_time_in_the_authors_zone(make_user, units):
    from datetime import UTC, datetime

    from townhall.publishing.services import _in_zone_of

    sam = make_user("staff", units["physics"], time_zone="America/New_York")
    assert _in_zone_of(sam, datetime(2026, 12, 3, 13, 0, tzinfo=UTC)) == "3 Dec 2026 08:00 (EST)"


def test_an_objectives_chart_has_axes_and_a_table_of_the_same_figures(make_user, units, verified_client):
    from datetime import timedelta

    from django.utils import timezone

    from townhall.analytics.models import Measurement, Objective

    admin = make_user("admin", units["physics"])
    today = timezone.localdate()
    objective = Objective.objects.create(name="Open day contacts", metric="contacts", target=100,
                                         period_start=today - timedelta(days=5), period_end=today + timedelta(days=5),
                                         org_unit=units["physics"])
    Measurement.objects.create(objective=objective, date=today - timedelta(days=2), value=12, source="manual")
    html = verified_client(admin).get(f"/analytics/objectives/{objective.pk}/").content.decode()
    assert '<svg class="chart"' in html and "<text" in html  # axis labels drawn
    assert "The figures as a table" in html and "<th scope=\"col\">Cumulative total</th>" in html


def test_chart_date_labels_at_the_edges_stay_inside_the_frame():
    from townhall.listening.charts import line_chart

    svg = str(line_chart(["01 Dec", "02 Dec"], [("Mentions", "#123f6d", [1.0, 3.0])], title="Mentions"))
    assert 'text-anchor="start" fill' in svg and 'text-anchor="end" fill' in svg and ">02 Dec</text>" in svg
