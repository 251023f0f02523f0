"""CSV import: all or nothing, every problem named with its row; formula cells neutralised on export."""

from __future__ import annotations

from townhall.audit.models import AuditEntry
from townhall.registry import csvio
from townhall.registry.models import Account

HEADER = "network,handle,display_name,org_unit,purpose,status,owners,audiences,mfa_enabled,recovery_email\n"


def test_import_creates_and_audits(people, units):
    text = HEADER + (
        "bluesky,@History.Example.ac.uk,History,history,research,active,amara ben,researchers,yes,hist@example.ac.uk\n"
        "x,HistoryDept,,history,communications,pending,ben,,no,\n"
    )
    result = csvio.import_csv(people["dana"], text)
    assert result.ok, result.errors
    assert result.created == 2
    acc = Account.objects.get(network="bluesky")
    assert acc.handle == "history.example.ac.uk" and acc.mfa_enabled and acc.owners.count() == 2
    assert acc.profile_url == "https://bsky.app/profile/history.example.ac.uk"
    assert AuditEntry.objects.filter(action="account.import").count() == 2


def test_import_all_or_nothing_with_row_numbers(people, units):
    text = HEADER + (
        "bluesky,good.example.ac.uk,,history,research,pending,amara,,no,\n"
        "bluesky,bad handle,,history,research,pending,amara,,no,\n"
        "myspace,x,,nowhere,hobby,active,ghost,aliens,maybe,not-an-email\n"
        "bluesky,solo.example.ac.uk,,history,research,active,amara,,no,\n"
        "bluesky,good.example.ac.uk,,history,research,pending,amara,,no,\n"
    )
    result = csvio.import_csv(people["dana"], text)
    assert not result.ok
    joined = "\n".join(result.errors)
    assert "Row 3:" in joined and "space" in joined
    for words in ("Row 4:", "Unknown network", "nowhere", "hobby", "ghost", "aliens", "maybe", "not-an-email"):
        assert words in joined, words
    assert "Row 5:" in joined and "two owners" in joined
    assert "Row 6:" in joined and "also on row 2" in joined
    assert not Account.objects.exists()


def test_import_rejects_bad_header_and_staff(people):
    assert "must have a 'handle' column" in csvio.import_csv(people["dana"], "network,org_unit\n").errors[0]
    assert "Unknown column" in csvio.import_csv(people["dana"], "network,handle,org_unit,password\n").errors[0]
    import pytest
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        csvio.import_csv(people["amara"], HEADER)


def test_dry_run_saves_nothing(people, units):
    text = HEADER + "bluesky,good.example.ac.uk,,history,research,pending,amara,,no,\n"
    result = csvio.import_csv(people["dana"], text, dry_run=True)
    assert result.ok and result.created == 1
    assert not Account.objects.exists()


def test_export_neutralises_formulas(people, units):
    Account.objects.create(network="x", handle="Evil", display_name='=HYPERLINK("http://x")', org_unit=units["history"])
    text = csvio.export_csv(people["dana"], Account.objects.all())
    assert "'=HYPERLINK" in text
