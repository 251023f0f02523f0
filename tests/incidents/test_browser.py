"""The whole case in a real browser (issue 14 'Must show').

A staff member (an account owner) reports a listened mention from the inbox with a screenshot;
governance assigns it to a digital-team member, who opens and comments on it; the response
target passes and the Director of Governance (from the institution settings) is notified; the
case is closed and exported as a ZIP whose evidence hashes match. New pages pass axe and fit 390 px.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.incidents import services
from townhall.incidents.models import Incident, IncidentNotice

from .test_cases import PNG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_390(page) -> bool:
    page.set_viewport_size({"width": 390, "height": 844})
    ok = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 900})
    return ok


def test_report_assign_comment_escalate_close_export(browser, live_server, people, account, make_user, axe,
                                                     sign_in, tmp_path, settings):
    from townhall.inbox.models import Conversation
    from townhall.listening.models import Mention
    from townhall.policies.models import Institution

    settings.MEDIA_ROOT = tmp_path / "media"
    base = live_server.url
    gov, digital, owner = people["governance"], people["digital"], people["owner"]
    gov.email = "director@uni.example"
    gov.save()
    Institution.objects.create(name="Example University", governance_name="Dr Ada Director",
                               governance_contact="director@uni.example")
    now = timezone.now()
    mention = Mention.objects.create(
        network="mastodon", remote_id="109999", url="https://mastodon.test/@troll/109999",
        author_handle="troll@mastodon.test", text="@physics your lecturers are frauds and everyone knows it",
        created_at=now, expires_at=now + timedelta(days=30), text_hash="h1",
    )
    conv = Conversation.objects.create(account=account, mention=mention, received_at=now)
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(PNG)
    devices = {u.username: TOTPDevice.objects.create(user=u, name="phone", confirmed=True) for u in (gov, digital)}

    def session(user):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page = context.new_page()
        sign_in(page, base, user.username, devices.get(user.username))
        return context, page

    # 1. The owner reports the mention from the inbox, with a screenshot.
    ctx, page = session(owner)
    page.goto(f"{base}/inbox/{conv.pk}/")
    page.get_by_role("link", name="Report a concern").click()
    page.wait_for_url("**/incidents/new/?conversation=*")
    assert "your lecturers are frauds" in page.content()
    assert axe(page) == [] and fits_390(page)
    page.get_by_label("What happened?").fill("A post calling our lecturers frauds, in reply to Physics.")
    page.get_by_label("Screenshots or PDF files").set_input_files(str(shot))
    page.get_by_role("button", name="Send report").click()
    page.get_by_text("The governance team has your report").wait_for()
    incident = Incident.objects.get()
    assert incident.captured["text"] == mention.text and incident.evidence.count() == 1
    ctx.close()

    # 2. Governance assigns it to a digital-team member (the session stays open: a code is used once).
    gov_ctx, page = session(gov)
    gov_page = page
    page.goto(f"{base}/incidents/{incident.pk}/")
    assert axe(page) == [] and fits_390(page)
    page.get_by_label("Person to handle it").select_option(str(digital.pk))
    page.get_by_role("button", name="Assign").click()
    page.get_by_text(f"Assigned to {digital.label}").first.wait_for()

    # 3. The digital-team member opens it and comments.
    ctx, page = session(digital)
    page.goto(f"{base}/incidents/")
    page.get_by_role("link", name=f"#{incident.pk}").first.click()
    page.get_by_label("Add a comment").fill("Reported to the Mastodon moderators; waiting for them.")
    page.get_by_role("button", name="Add comment").click()
    page.get_by_text("Reported to the Mastodon moderators").first.wait_for()
    ctx.close()

    # 4. The response target passes: the periodic task escalates to the Director of Governance.
    incident.refresh_from_db()
    assert services.remind_and_escalate(incident.due_at + timedelta(minutes=1))["escalated"] == 1
    assert IncidentNotice.objects.filter(user=gov, message__contains="Dr Ada Director").exists()

    # 5. Governance (the Director) sees the notice, closes the case and exports it.
    page = gov_page
    page.goto(f"{base}/incidents/")
    assert "escalated to Dr Ada Director" in page.content()
    page.goto(f"{base}/incidents/{incident.pk}/")
    page.get_by_label("Status").select_option("closed")
    page.get_by_label("What was done").fill("Removed by the network's moderators.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Incident updated").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download everything as a ZIP").click()
    zf = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    report = json.loads(zf.read("report.json"))
    assert report["status"].startswith("Closed") and report["captured"]["text"] == mention.text
    evidence = report["evidence"]
    assert len(evidence) == 1
    assert hashlib.sha256(zf.read(evidence[0]["file"])).hexdigest() == evidence[0]["sha256"]
    assert evidence[0]["sha256"] == hashlib.sha256(PNG).hexdigest()
    page.goto(f"{base}/incidents/containment/")
    assert axe(page) == [] and fits_390(page)
    gov_ctx.close()
