"""Matomo, Plausible and GA4 imports against strict fakes: figures land per day, and a refused,
rate-limited or malformed answer is a clear error with nothing half-imported."""

from __future__ import annotations

from datetime import date

import pytest
from fake_web_analytics import MATOMO_TOKEN, PLAUSIBLE_KEY, FakeWebAnalytics

from townhall.analytics import selectors, services
from townhall.analytics.importers import ImportFailed
from townhall.analytics.models import Measurement
from townhall.audit.models import AuditEntry
from townhall.registry.models import Account

START, END = date(2026, 11, 1), date(2026, 11, 30)
PAGE = "https://www.example.ac.uk/study/clearing"


@pytest.fixture
def fake(settings):
    server = FakeWebAnalytics().start()
    settings.TOWNHALL_MATOMO_URL = server.url
    settings.TOWNHALL_MATOMO_TOKEN = MATOMO_TOKEN
    settings.TOWNHALL_PLAUSIBLE_URL = server.url
    settings.TOWNHALL_PLAUSIBLE_KEY = PLAUSIBLE_KEY
    yield server
    server.stop()


@pytest.fixture
def owner_and_account(units, make_user):
    owner = make_user("staff", units["physics"])
    acc = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"])
    acc.owners.add(owner)
    return owner, acc


def make(owner_and_account, metric="page_hits", source="matomo", site="3", url=PAGE):
    owner, acc = owner_and_account
    o = services.create_objective(owner, name="Clearing page", metric=metric, target=500, period_start=START,
                                  period_end=END, org_unit=acc.org_unit, account=acc, tracked_url=url)
    o.web_source, o.web_site = source, site
    o.save()
    return owner, o


def test_matomo_page_hits_per_day_token_in_the_body(fake, owner_and_account):
    owner, o = make(owner_and_account)
    assert services.import_web_analytics(owner, o, START, date(2026, 11, 3)) == 3
    assert selectors.daily(o) == {date(2026, 11, 1): (41, "matomo"), date(2026, 11, 2): (0, "matomo"),
                                  date(2026, 11, 3): (57, "matomo")}
    sent = fake.requests[-1]
    assert sent["query"]["method"] == "Actions.getPageUrl" and sent["query"]["pageUrl"] == PAGE
    assert "token_auth" not in sent["query"] and sent["form"]["token_auth"] == MATOMO_TOKEN
    assert AuditEntry.objects.filter(action="measurement.imported", object_id=str(o.pk)).exists()
    # importing again replaces the day, never adds to it
    services.import_web_analytics(owner, o, START, date(2026, 11, 3))
    assert selectors.progress(o).total == 98


def test_matomo_downloads(fake, owner_and_account):
    owner, o = make(owner_and_account, metric="downloads", url="https://www.example.ac.uk/files/prospectus-2027.pdf")
    services.import_web_analytics(owner, o, START, date(2026, 11, 2))
    assert selectors.progress(o).total == 12
    assert fake.requests[-1]["query"]["method"] == "Actions.getDownload"


@pytest.mark.parametrize(("mode", "message"), [
    ("rate_limited", "rate-limiting"), ("malformed", "not JSON"), ("wrong_shape", "not a count"),
])
def test_matomo_bad_answers_import_nothing(fake, owner_and_account, mode, message):
    owner, o = make(owner_and_account)
    fake.mode = mode
    with pytest.raises(ImportFailed, match=message):
        services.import_web_analytics(owner, o, START, date(2026, 11, 3))
    assert not Measurement.objects.filter(objective=o).exists()


def test_matomo_wrong_token_or_site_is_a_clear_error(fake, owner_and_account, settings):
    owner, o = make(owner_and_account, site="4")
    with pytest.raises(ImportFailed, match="Matomo said: The request is missing"):
        services.import_web_analytics(owner, o, START, END)
    o.web_site = "3"
    o.save()
    settings.TOWNHALL_MATOMO_TOKEN = "wrong"
    with pytest.raises(ImportFailed, match="requires 'view' access"):
        services.import_web_analytics(owner, o, START, END)
    assert not Measurement.objects.filter(objective=o).exists()


def test_plausible_pageviews(fake, owner_and_account):
    owner, o = make(owner_and_account, source="plausible", site="www.example.ac.uk")
    assert services.import_web_analytics(owner, o, START, date(2026, 11, 3)) == 3
    assert selectors.progress(o).total == 215
    assert fake.requests[-1]["auth"] == f"Bearer {PLAUSIBLE_KEY}"


@pytest.mark.parametrize(("mode", "key", "message"), [
    ("rate_limited", PLAUSIBLE_KEY, "rate-limiting Townhall .* 3600 seconds"),
    ("malformed", PLAUSIBLE_KEY, "not JSON"),
    ("negative", PLAUSIBLE_KEY, "not a count"),
    ("ok", "wrong-key", "refused the API key"),
])
def test_plausible_bad_answers_import_nothing(fake, owner_and_account, settings, mode, key, message):
    owner, o = make(owner_and_account, source="plausible", site="www.example.ac.uk")
    fake.mode = mode
    settings.TOWNHALL_PLAUSIBLE_KEY = key
    with pytest.raises(ImportFailed, match=message):
        services.import_web_analytics(owner, o, START, date(2026, 11, 3))
    assert not Measurement.objects.filter(objective=o).exists()


GA4 = """# ----------------------------------------
# Pages and screens: Page path and screen class
# Account: Example University
# Property: www.example.ac.uk
# ----------------------------------------
#
# Start date: 20261101
# End date: 20261103
Date,Views
20261101,"1,204"
20261102,980
20261103,1010
"""


def test_ga4_export_is_recognised_and_does_not_add_to_manual(owner_and_account):
    owner, o = make(owner_and_account, source="")
    services.record_measurement(owner, o, day=date(2026, 11, 1), value=1200)
    assert services.import_csv(owner, o, GA4) == 3
    assert selectors.daily(o)[date(2026, 11, 1)] == (1200, "manual")
    assert selectors.progress(o).total == 1200 + 980 + 1010
    with pytest.raises(ImportFailed, match="Row 3"):
        services.import_csv(owner, o, GA4.replace("980", "lots"))
