"""Every page an administrator and a staff member reach, with awkward data (tests/web/awkward.py: a
200-character address, a 60-character handle, a long unit name, right-to-left and emoji text, many
hashtags, a failed delivery, an incident with evidence, paused publishing, a locked account, an expired
token, a failing source, policy findings on a post): no axe violation of any impact, and no page
scrolls sideways at 390 px."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.web import awkward
from tests.web.test_awkward_pages import pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# What reaches past the window's right edge, elements and runs of text alike, leaving out what sits in a
# box that scrolls or clips on its own (a wide table in .table-wrap does not widen the page).
TOO_WIDE = """() => {
  const clipped = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && out.length < 4; n = walker.nextNode()) {
    if (!n.textContent.trim() || clipped(n.parentElement)) continue;
    const range = document.createRange(); range.selectNodeContents(n);
    if ([...range.getClientRects()].some(r => r.right > innerWidth + 1 && r.width > 0))
      out.push('text in ' + n.parentElement.outerHTML.slice(0, 140));
  }
  for (const e of document.querySelectorAll('body *')) {
    if (out.length >= 6) break;
    const r = e.getBoundingClientRect();
    const wideChild = [...e.children].some(c => c.getBoundingClientRect().right > innerWidth + 1);
    if (r.width > 0 && r.right > innerWidth + 1 && !clipped(e) && !wideChild)
      out.push(e.outerHTML.slice(0, 140));
  }
  return out;
}"""


def too_wide(page) -> list[str]:
    return page.evaluate(TOO_WIDE)


@pytest.fixture
def world(settings, tmp_path):
    from townhall.core.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    people = load_demo()
    return people, awkward.seed(people)


@pytest.mark.parametrize(("username", "scheme"), [("ada", "light"), ("amara", "dark")])
def test_every_page_with_awkward_data(browser, live_server, world, axe, sign_in, username, scheme):
    """An administrator in the light theme and a staff member in the dark one (contrast differs)."""
    from townhall.core.demo import DEMO_PASSWORD

    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        _visit_every_page(context.new_page(), live_server, world, axe, sign_in, username, DEMO_PASSWORD)
    finally:
        context.close()


def _visit_every_page(page, live_server, world, axe, sign_in, username, password):
    people, objects = world
    device = TOTPDevice.objects.filter(user=people[username], confirmed=True).first()
    sign_in(page, live_server.url, username, device, password=password)
    found = {}
    for url in pages(objects):
        if "/evidence/" in url:  # a file to download, not a page
            continue
        response = page.goto(live_server.url + url)
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        page.wait_for_load_state("networkidle")
        for details in page.locator("main details").all():  # closed parts are checked open too
            if details.is_visible():
                details.locator("summary").first.click()
        problems = axe(page)
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
            problems.append(f"scrolls sideways at 390 px: {too_wide(page)}")
        if problems:
            found[url] = problems
    assert not found, "\n".join(f"{url}: {p}" for url, p in found.items())
