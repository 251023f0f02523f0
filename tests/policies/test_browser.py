"""The policy lifecycle in a real browser (Debian's chromium): an administrator configures the
institution from scratch, governance edits a threshold, previews the impact on existing posts and
publishes with a note, a staff member is asked to acknowledge on next sign-in, the composer flags
the new institution's brand misuse, governance overrides a blocked draft and rolls back. Every new
page: axe-core finds no violation, and nothing scrolls sideways at 390 px."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _narrow_ok(page) -> bool:
    """No horizontal scroll at 390 px (restores the wide viewport after)."""
    page.set_viewport_size({"width": 390, "height": 800})
    ok = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    if not ok:
        print("WIDE", page.url, page.evaluate("""Array.from(document.querySelectorAll('body *')).filter(
            e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(
            e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""))
    page.set_viewport_size({"width": 1280, "height": 900})
    return ok


def _check_page(page, axe, problems: dict, label: str) -> None:
    found = axe(page)
    if found:
        problems[label] = found
    if not _narrow_ok(page):
        problems[label + " (390 px)"] = ["scrolls sideways"]


def test_policy_lifecycle(browser, live_server, make_user, units, axe, sign_in, csp_errors):
    from townhall.policies import selectors
    from townhall.publishing import services as pub
    from townhall.publishing.models import Post
    from townhall.registry.models import Account

    base = live_server.url
    problems: dict[str, list[str]] = {}
    admin = make_user("admin", units["physics"], username="ada")
    gov = make_user("governance", units["school"], username="gwen")
    sam = make_user("staff", units["physics"], username="sam")
    devices = {u.username: TOTPDevice.objects.create(user=u, name="phone", confirmed=True) for u in (admin, gov)}
    account = Account.objects.create(network="bluesky", handle="physics.aston.ac.uk", org_unit=units["physics"],
                                     status="active")
    account.owners.add(sam)
    # An approved post with three hashtags: fine today, a warning once the limit is two.
    old = pub.create_post(sam, [account], "Welcome week photos are up! #WelcomeWeek #Physics #Campus")
    Post.objects.filter(pk=old.pk).update(status=Post.Status.PUBLISHED)

    # 1. The administrator configures the institution from scratch.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    sign_in(page, base, "ada", devices["ada"])
    page.get_by_role("link", name="Set up your institution").click()
    _check_page(page, axe, problems, "set-up")
    page.get_by_label("Institution name").fill("Aston University")
    page.get_by_label("Other names people use").fill("Aston Uni\nthe University")
    page.get_by_label("E-mail domains").fill("aston.ac.uk")
    page.get_by_label("Official handles").fill("@astonuniversity")
    page.get_by_label("Names the brand guidelines ask official posts not to use").fill("Aston Uni")
    page.get_by_label("Digital team e-mail").fill("digital@aston.ac.uk")
    page.get_by_label("Director of Governance", exact=True).fill("Dr Jane Roe")
    page.get_by_label("What a breach of the policy may lead to").fill(
        "Any breach of the Social Media Policy may result in disciplinary action.")
    page.get_by_role("button", name="Set up the institution").click()
    page.get_by_text("Aston University is set up").wait_for()
    _check_page(page, axe, problems, "versions")
    page.goto(f"{base}/setup/")
    _check_page(page, axe, problems, "institution details")
    page.get_by_role("link", name="Help").click()
    page.get_by_role("heading", name="Help with social media at Aston University").wait_for()
    _check_page(page, axe, problems, "help")
    ctx.close()
    assert selectors.current_pack()[0].name == "Aston University"

    # 2. Governance edits a threshold, previews the impact and publishes with a note.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    sign_in(page, base, "gwen", devices["gwen"])
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Policy").click()
    page.get_by_role("link", name="Manage the policy").click()
    page.get_by_role("link", name="Change the settings").click()
    _check_page(page, axe, problems, "settings")
    page.get_by_role("link", name="Edit the full policy").click()
    page.get_by_role("heading", name="Edit the full policy").wait_for()
    _check_page(page, axe, problems, "yaml editor")
    page.go_back()
    page.get_by_label("Most hashtags in a post").fill("2")
    page.get_by_role("button", name="Save as draft").click()
    page.get_by_text("Most hashtags: 3 → 2").wait_for()
    page.get_by_role("button", name="Preview impact").click()
    page.get_by_text("Re-checked 1 post").wait_for()
    assert page.get_by_role("link", name=f"Post {old.pk}").count() == 1
    _check_page(page, axe, problems, "draft with impact")
    page.get_by_label("What changed and why").fill("At most two hashtags per post, for readability.")
    page.get_by_label("must read and acknowledge it").check()
    page.get_by_role("button", name="Publish this version").click()
    page.get_by_text("Version 2 is published").wait_for()
    page.get_by_role("link", name="Version 2").click()
    _check_page(page, axe, problems, "version")

    # 3. Staff are asked to acknowledge on their next sign-in; the composer knows the institution.
    staff_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    staff = staff_ctx.new_page()
    sign_in(staff, base, "sam")
    staff.get_by_role("link", name="Read what changed and acknowledge it").click()
    staff.get_by_text("Most hashtags: 3 → 2").wait_for()
    assert "disciplinary action" in staff.content()
    _check_page(staff, axe, problems, "acknowledge")
    staff.get_by_role("button", name="I have read the changes").click()
    staff.get_by_text("you acknowledged version 2").wait_for()
    assert staff.get_by_role("link", name="Read what changed and acknowledge it").count() == 0
    staff.goto(f"{base}/posts/compose/")
    staff.get_by_label(account.handle, exact=False).check()
    staff.get_by_label("Text", exact=True).fill("Open day at Aston Uni this Saturday: come and see the labs!")
    staff.locator("#live").get_by_text("BRD004").wait_for()
    staff_ctx.close()

    # 4. Governance overrides a blocked draft, then sees who acknowledged, then rolls back.
    blocked = pub.create_post(sam, [account], "Call our student Jo on 07700 900123 about her grades.")
    page.goto(f"{base}/posts/{blocked.pk}/")
    page.get_by_text("How to fix").first.wait_for()
    _check_page(page, axe, problems, "blocked draft")
    page.get_by_label("Reason for overriding the blocking finding").fill("The number is the office's public line.")
    page.get_by_role("button", name="Override").click()
    page.get_by_text("Override recorded in the audit trail.").wait_for()
    page.goto(f"{base}/policy/versions/2/acknowledgements/")
    page.get_by_text("Physics: 1 of 2").wait_for()
    _check_page(page, axe, problems, "acknowledgements")
    page.goto(f"{base}/policy/versions/")
    page.get_by_role("button", name="Compare").click()
    page.get_by_text("Most hashtags: 3 → 2").wait_for()
    _check_page(page, axe, problems, "compare")
    page.goto(f"{base}/policy/versions/")
    page.get_by_role("button", name="Roll back to version 1").click()
    page.get_by_text("Version 3 is published with the content of version 1").wait_for()
    ctx.close()

    blocked.refresh_from_db()
    assert blocked.override_by == gov
    assert selectors.current_version().number == 3
    assert selectors.current_version().yaml_text == selectors.version(1).yaml_text
    assert problems == {}
    assert csp_errors == []
