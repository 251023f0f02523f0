"""Pages of the policy lifecycle (server side) and the override flow end to end."""

from __future__ import annotations

import pytest
from django.urls import reverse

from townhall.policies import selectors, services

pytestmark = pytest.mark.django_db

BLOCKED = "Call our student Jo on 07700 900123 about her grades."


@pytest.fixture
def inst(make_user):
    admin = make_user("admin", username="root")
    return services.setup_institution(admin, names=["Aston University", "Aston Uni"], domains=["aston.ac.uk"],
                                      handles=["@astonuniversity"], discouraged=["Aston Uni"],
                                      breach_consequence="A breach may lead to disciplinary action.")


@pytest.fixture
def account(units, make_user):
    from townhall.registry.models import Account

    owner = make_user("staff", units["physics"], username="owner")
    acc = Account.objects.create(network="bluesky", handle="physics.aston.ac.uk", org_unit=units["physics"],
                                 status="active")
    acc.owners.add(owner)
    return acc


def test_pages_render_for_governance_and_staff_are_refused(inst, make_user, verified_client):
    from django.test import Client

    client = Client()
    gov = make_user("governance", username="gwen")
    c = verified_client(gov)
    for name in ("policies:versions", "policies:settings", "policies:yaml", "policies:help", "policies:acknowledge"):
        assert c.get(reverse(name)).status_code == 200, name
    assert c.get(reverse("policies:version", args=[1])).status_code == 200
    assert c.get(reverse("policies:acknowledgements", args=[1])).status_code == 200
    assert c.get(reverse("policies:setup")).status_code == 403
    staff = make_user("staff", username="sam")
    client.force_login(staff)
    assert client.get(reverse("policies:versions")).status_code == 403
    assert client.get(reverse("policies:help")).status_code == 200
    assert b"Help</a>" in client.get(reverse("home")).content


def test_yaml_editor_reports_key_and_line_and_changes_nothing(inst, make_user, verified_client):
    c = verified_client(make_user("governance", username="gwen"))
    lines = selectors.current_version().yaml_text.splitlines()
    line = next(i for i, t in enumerate(lines, 1) if t.strip().startswith("max_links:") and t.startswith("  max"))
    lines[line - 1] = "  max_links: many"
    text = "\n".join(lines) + "\n"
    resp = c.post(reverse("policies:yaml"), {"yaml_text": text})
    assert f"policy.yaml:{line}: thresholds.max_links: &#x27;many&#x27; is not of type &#x27;integer&#x27;" in \
        resp.content.decode()
    assert selectors.draft() is None


def test_settings_form_threshold_then_publish_and_staff_acknowledge(inst, make_user, verified_client):
    from django.test import Client

    client = Client()
    gov = make_user("governance", username="gwen")
    c = verified_client(gov)
    form = c.get(reverse("policies:settings")).context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data["thr__max_hashtags"] = 2
    data["net__threads__max_links"] = 1
    data["parties"] = "Aston Independents"
    resp = c.post(reverse("policies:settings"), data)
    assert resp.status_code == 302
    page = c.get(reverse("policies:draft")).content.decode()
    assert "Most hashtags: 3 → 2" in page and "On Threads: max links: not set → 1" in page
    assert "Academic freedom: extra parties and candidates: none → Aston Independents" in page
    resp = c.post(reverse("policies:draft"), {"action": "impact", "limit": "50"})
    assert "Re-checked 0 posts" in resp.content.decode()
    resp = c.post(reverse("policies:draft"), {"action": "publish", "note": "Fewer hashtags", "ack_mode": "required"})
    assert resp.status_code == 302 and selectors.current_version().number == 2
    sam = make_user("staff", username="sam")
    client.force_login(sam)
    home = client.get(reverse("home")).content.decode()
    assert "The social media policy has changed (version 2)" in home
    page = client.get(reverse("policies:acknowledge")).content.decode()
    assert "Most hashtags: 3 → 2" in page and "A breach may lead to disciplinary action." in page
    client.post(reverse("policies:acknowledge"), {"version": "2"})
    assert "has changed" not in client.get(reverse("home")).content.decode()
    page = c.get(reverse("policies:compare") + "?a=1&b=2").content.decode()
    assert "Most hashtags: 3 → 2" in page and "-  max_hashtags: 3" in page
    csv_text = c.get(reverse("policies:acknowledgements", args=[2]) + "?format=csv").content.decode()
    assert csv_text.splitlines()[0] == "unit,name,username,email,acknowledged_at_utc"
    assert any(line.split(",")[2] == "sam" and line.split(",")[4] for line in csv_text.splitlines()[1:])


def test_override_flow_end_to_end(inst, account, make_user, verified_client, units):
    from django.test import Client

    client = Client()
    from townhall.audit.models import AuditEntry
    from townhall.publishing import services as pub
    from townhall.publishing.models import Notification, Post

    author = account.owners.first()
    post = pub.create_post(author, [account], BLOCKED)
    with pytest.raises(ValueError, match="blocking policy findings"):
        pub.submit(post, author)
    client.force_login(author)
    page = client.get(reverse("publishing:detail", args=[post.pk])).content.decode()
    assert "PRV001" in page and "How to fix" in page and "Guidance:" in page
    assert 'value="override"' not in page  # the author cannot override
    gov = make_user("governance", units["school"], username="gwen")
    c = verified_client(gov)
    page = c.get(reverse("publishing:detail", args=[post.pk])).content.decode()
    assert 'value="override"' in page and "PRV001" in page
    c.post(reverse("publishing:act", args=[post.pk]), {"action": "override", "reason": "Public number of the office."})
    post.refresh_from_db()
    assert post.override_by == gov and post.policy_version == 1
    assert Notification.objects.filter(user=author, post=post, message__contains="overrode").exists()
    assert AuditEntry.objects.filter(action="post.override_block").exists()
    pub.submit(post, author)
    post.refresh_from_db()
    assert post.status == Post.Status.SUBMITTED and post.policy_version == 1


def test_research_accounts_get_academic_freedom_in_the_app(inst, units, make_user):
    from townhall.publishing import services as pub
    from townhall.registry.models import Account

    owner = make_user("staff", units["physics"], username="prof")
    acc = Account.objects.create(network="bluesky", handle="lab.aston.ac.uk", org_unit=units["physics"],
                                 status="active", purpose="research")
    acc.owners.add(owner)
    text = "Debate night: should assisted dying be legal? Two philosophers, two answers, one room."
    post = pub.create_post(owner, [acc], text)
    assert not pub.has_block(pub.policy_findings(post))
    post = pub.create_post(owner, [acc], "Vote Labour on Thursday: they will fix university funding!")
    assert pub.has_block(pub.policy_findings(post))


def test_api_check_uses_the_current_version_and_says_which(inst, make_user):
    from django.test import Client

    from townhall.core.models import ApiToken

    _, key = ApiToken.issue(make_user("staff", username="api"), "test")
    c = Client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    body = c.post("/api/policy/check", {"text": "Open day at Aston Uni on Saturday!"},
                  content_type="application/json", **auth).json()
    assert body["policy_version"] == 1 and any(f["code"] == "BRD004" for f in body["findings"])
    body = c.post("/api/policy/check", {"text": "Debate night: should assisted dying be legal? Both sides, one room.",
                                        "account": "research"}, content_type="application/json", **auth).json()
    assert body["blocks"] is False


@pytest.mark.django_db
def test_review_2026_12_06_a_junk_version_to_acknowledge_is_a_404_not_a_500(client, make_user):
    client.raise_request_exception = False
    client.force_login(make_user())
    assert client.post("/policy/acknowledge/", {"version": "abc"}).status_code == 404


def test_rules_relaxed_for_scholarship_are_ticked_by_name(inst, make_user, verified_client):
    c = verified_client(make_user("governance", username="gwen"))
    page = c.get(reverse("policies:settings")).content.decode()
    assert "Divisive stance (Contentious issues)" in page  # a rule by its name, not only "CON001"
    form = c.get(reverse("policies:settings")).context["form"]
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data["relaxed"] = ["CON001", "ABU001"]
    assert c.post(reverse("policies:settings"), data).status_code == 302
    import yaml

    assert yaml.safe_load(selectors.draft().yaml_text)["academic_freedom"]["relaxed_rules"] == ["ABU001", "CON001"]
    data["relaxed"] = ["NOPE999"]  # a code no rule has is refused in words, and nothing is saved
    resp = c.post(reverse("policies:settings"), data)
    assert resp.status_code == 200 and "NOPE999 is not one of the available choices" in resp.content.decode()
