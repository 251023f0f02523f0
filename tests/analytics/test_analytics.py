from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from townhall.analytics import selectors, services
from townhall.analytics.models import Measurement
from townhall.audit.models import AuditEntry
from townhall.registry.models import Account

START, END = date(2026, 11, 1), date(2026, 11, 30)


@pytest.fixture
def account(units, make_user):
    owner = make_user("staff", units["physics"])
    acc = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"])
    acc.owners.add(owner)
    return acc, owner


@pytest.fixture
def objective(account):
    acc, owner = account
    return services.create_objective(
        owner, name="Referrals to the outreach page", metric="referrals", target=300,
        period_start=START, period_end=END, org_unit=acc.org_unit, account=acc,
    )


def test_owner_creates_objective_and_it_is_audited(objective):
    assert AuditEntry.objects.filter(action="objective.created", object_id=str(objective.pk)).exists()


def test_someone_else_cannot_create_one_for_the_account(account, make_user):
    acc, _ = account
    with pytest.raises(PermissionDenied):
        services.create_objective(
            make_user("staff"), name="x", metric="referrals", target=1, period_start=START, period_end=END,
            org_unit=acc.org_unit, account=acc,
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"metric": "vibes"}, "Unknown metric"), ({"target": 0}, "positive"),
     ({"period_end": date(2026, 10, 1)}, "must end"), ({"name": "  "}, "name")],
)
def test_bad_objectives_are_refused(account, changes, message):
    acc, owner = account
    data = {"name": "Downloads", "metric": "downloads", "target": 10, "period_start": START, "period_end": END}
    data.update(changes)
    with pytest.raises(ValidationError, match=message):
        services.create_objective(owner, org_unit=acc.org_unit, account=acc, **data)


def test_progress_pace_and_status(objective, account):
    _, owner = account
    for day in range(1, 11):
        services.record_measurement(owner, objective, day=date(2026, 11, day), value=10)
    p = selectors.progress(objective, today=date(2026, 11, 10))
    assert p.total == 100 and p.expected_by_now == 100 and p.status == "on track"
    assert p.series[-1] == (date(2026, 11, 10), 100)
    assert selectors.progress(objective, today=date(2026, 11, 20)).status == "behind"
    assert selectors.progress(objective, today=date(2026, 12, 5)).status == "ended short"
    services.record_measurement(owner, objective, day=date(2026, 11, 11), value=200)
    assert selectors.progress(objective, today=date(2026, 11, 11)).status == "achieved"


def test_recording_a_day_again_corrects_it(objective, account):
    _, owner = account
    services.record_measurement(owner, objective, day=date(2026, 11, 2), value=5)
    services.record_measurement(owner, objective, day=date(2026, 11, 2), value=7)
    assert Measurement.objects.get().value == 7
    entry = AuditEntry.objects.filter(action="measurement.recorded").first()
    assert entry.before == {"value": 5} and entry.after["value"] == 7


def test_measurement_outside_the_period_is_refused(objective, account):
    with pytest.raises(ValidationError, match="outside"):
        services.record_measurement(account[1], objective, day=date(2026, 12, 2), value=5)


def test_csv_import_all_or_nothing(objective, account):
    _, owner = account
    good = "date,value\n2026-11-01,12\n2026-11-02,\"1,204\"\n"
    assert services.import_csv(owner, objective, good) == 2
    assert selectors.progress(objective, today=date(2026, 11, 2)).total == 1216
    bad = "2026-11-03,5\n2026-11-04,lots\n"
    with pytest.raises(ValidationError, match="Line 2"):
        services.import_csv(owner, objective, bad)
    assert not Measurement.objects.filter(date=date(2026, 11, 3)).exists()


def test_tracked_links_carry_utm_parameters():
    url = services.tracked_link(
        "https://www.example.ac.uk/outreach?ref=1&utm_source=old", network="bluesky",
        account_handle="@physics.example.ac.uk", campaign="open-day",
    )
    assert url == (
        "https://www.example.ac.uk/outreach?ref=1&utm_source=bluesky&utm_medium=social"
        "&utm_campaign=open-day&utm_content=physics.example.ac.uk"
    )
    with pytest.raises(ValidationError):
        services.tracked_link("javascript:alert(1)", network="x", account_handle="a")


def test_pages_and_visibility(client, objective, account, make_user):
    _, owner = account
    client.force_login(make_user("staff"))
    assert "Referrals to the outreach page" not in client.get(reverse("analytics:index")).content.decode()
    assert client.get(reverse("analytics:detail", args=[objective.pk])).status_code == 404
    client.force_login(owner)
    assert "Referrals to the outreach page" in client.get(reverse("analytics:index")).content.decode()
    response = client.post(reverse("analytics:detail", args=[objective.pk]), {"day": "2026-11-05", "value": "9"})
    assert response.status_code == 302
    assert Measurement.objects.get().value == 9


def test_api_lists_progress(client, objective, account):
    from townhall.core.models import ApiToken

    _, key = ApiToken.issue(account[1], "t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = client.post(f"/api/analytics/objectives/{objective.pk}/measurements",
                           {"day": "2026-11-03", "value": 30}, content_type="application/json", **auth)
    assert response.status_code == 200 and response.json()["total"] == 30
    listed = client.get("/api/analytics/objectives", **auth).json()
    assert listed[0]["name"] == "Referrals to the outreach page"
    bad = client.post(f"/api/analytics/objectives/{objective.pk}/measurements",
                      {"day": "2027-01-03", "value": 30}, content_type="application/json", **auth)
    assert bad.status_code == 400 and "outside" in bad.json()["detail"]
