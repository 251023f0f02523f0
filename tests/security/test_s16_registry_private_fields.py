"""Review 16: the registry's private fields stay private in search, not only in the columns shown.

Staff see every account's public fields, but an account's content plan is for its owners and the
oversight roles. The registry search (`?q=`, web list and `GET /api/accounts/`) also matched the
content plan, so a staff member of another unit could test words against any account's plan and
read it off one guess at a time ("is the merger in Physics' plan?").
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from townhall.registry.models import Account

pytestmark = pytest.mark.django_db

SECRET = "Nightingale"


@pytest.fixture
def planned(units, make_user):
    owner = make_user(unit=units["physics"])
    account = Account.objects.create(
        network="bluesky",
        handle="physics.example.ac.uk",
        org_unit=units["physics"],
        status="pending",
        content_plan=f"Embargoed: Project {SECRET} merger announcement in May.",
    )
    account.owners.add(owner)
    return account, owner


def test_s16_api_search_does_not_match_a_plan_you_may_not_read(call, planned, make_user, units):
    account, owner = planned
    outsider = make_user(unit=units["history"])
    assert call(outsider, "get", f"/api/accounts/?q={SECRET}").json() == []
    # The public fields are still searchable by everyone.
    assert [r["id"] for r in call(outsider, "get", "/api/accounts/?q=physics.example").json()] == [account.pk]
    # Those who may read the plan still find the account by it.
    assert [r["id"] for r in call(owner, "get", f"/api/accounts/?q={SECRET}").json()] == [account.pk]
    governance = make_user(role="governance")
    assert [r["id"] for r in call(governance, "get", f"/api/accounts/?q={SECRET}").json()] == [account.pk]


def test_s16_web_search_does_not_match_a_plan_you_may_not_read(client, planned, make_user, units):
    account, owner = planned
    client.force_login(make_user(unit=units["history"]))
    page = client.get(reverse("registry:index"), {"q": SECRET})
    assert page.status_code == 200
    assert account.handle not in page.content.decode()
    client.force_login(owner)
    assert account.handle in client.get(reverse("registry:index"), {"q": SECRET}).content.decode()
