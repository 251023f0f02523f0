"""Campaign pages are for the people who may report on campaigns (security review, 2026-12-05).

A campaign's page shows every post's reach and every tracked link's clicks across units; the
monthly report offered campaign scopes only to listening.view, yet the page itself answered
any signed-in person."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from townhall.analytics.models import Campaign


def test_staff_outside_the_team_get_no_campaign_page(make_user, units, verified_client):
    digital = make_user("digital", units["school"])
    campaign = Campaign.objects.create(name="Clearing 2027", org_unit=units["school"], created_by=digital)
    outsider = make_user("staff", units["history"])
    client = Client()
    client.force_login(outsider)
    assert client.get(reverse("analytics:campaign", args=[campaign.pk])).status_code == 404
    assert client.get(reverse("analytics:campaigns")).status_code == 403
    assert reverse("analytics:campaigns") not in client.get(reverse("analytics:index")).content.decode()
    team = verified_client(digital)
    assert team.get(reverse("analytics:campaign", args=[campaign.pk])).status_code == 200
    assert reverse("analytics:campaigns") in team.get(reverse("analytics:index")).content.decode()
