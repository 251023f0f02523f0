"""Shared fixtures: an organisation and a person of each role, made fresh per test."""

from __future__ import annotations

import itertools
import os
import shutil

import pytest

_counter = itertools.count(1)
# Processes the tests start (a worker, the CLI) reach the same local servers as the tests do.
os.environ.setdefault("TOWNHALL_ALLOW_PRIVATE_SERVERS", "1")


@pytest.fixture
def email_on(settings):
    """Notification e-mail switched on, into Django's in-memory outbox (emptied first)."""
    from django.core import mail

    settings.TOWNHALL_EMAIL_NOTIFICATIONS = True
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.TOWNHALL_BASE_URL = "https://townhall.example.ac.uk"
    mail.outbox = []


@pytest.fixture
def units(db):
    from townhall.core.models import OrgUnit

    school = OrgUnit.objects.create(name="School of Science", slug="science", kind="school")
    physics = OrgUnit.objects.create(name="Physics", slug="physics", kind="department", parent=school)
    history = OrgUnit.objects.create(name="History", slug="history", kind="department")
    return {"school": school, "physics": physics, "history": history}


@pytest.fixture
def make_user(db):
    from townhall.core.models import User

    def make(role: str = "staff", unit=None, username: str | None = None, **extra):
        name = username or f"{role}{next(_counter)}"
        user = User.objects.create_user(
            username=name, password="correct horse battery 9", role=role, org_unit=unit, **extra
        )
        return user

    return make


@pytest.fixture
def present_enrolment_code(db):
    """First enrolment's first step, as a person does it: type the code an administrator issued
    (`core.enrolment`) on the setup page of a password-only session."""
    from django.urls import reverse

    from townhall.core import enrolment

    def present(client, user) -> None:
        typed, _ = enrolment.issue(None, user)
        response = client.post(reverse("mfa-setup"), {"code": typed})
        assert response.status_code == 302, "the enrolment code was refused"

    return present


@pytest.fixture
def verified_client(client):
    """A test client whose user has passed two-factor sign-in (for MFA roles)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(user):
        client.force_login(user)
        if user.mfa_required:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client

    return login


@pytest.fixture(autouse=True)
def _servers_on_this_machine(settings):
    """The tests' Mastodon fakes, PDS and feeds listen on 127.0.0.1, which `core.outbound` refuses
    by default; tests of that refusal switch it back off."""
    settings.TOWNHALL_ALLOW_PRIVATE_SERVERS = True


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs ~0.3 s per user; tests make hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- Real browser: Debian's chromium driven by Playwright (never a downloaded browser) ----------
# One Playwright instance for the whole run: its sync API keeps an event loop in this thread, so
# a second instance started beside it fails ("Sync API inside the asyncio loop").
CHROMIUM = os.environ.get("TOWNHALL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_PASSWORD = "correct horse battery 9"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); bin/test installs it as root")
    from playwright.sync_api import sync_playwright

    # Playwright's loop runs in this thread while the test body makes plain synchronous ORM calls,
    # so Django's async guard must stand down. Tests that start other processes strip the variable.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def csp_errors(page):
    """Every Content-Security-Policy complaint the browser logs while the test runs."""
    found: list[str] = []
    page.on("console", lambda m: found.append(f"{page.url}: {m.text}") if "Content Security Policy" in m.text else None)
    return found


@pytest.fixture
def axe():
    """axe(page) -> every axe-core finding on the page, whatever its impact (minor ones included)."""
    return _axe_problems


@pytest.fixture
def sign_in():
    """sign_in(page, base_url, username, device=None): the real login form, TOTP step included."""
    return _sign_in


def _axe_problems(page) -> list[str]:
    """Every violation axe-core (shipped by axe-playwright-python) finds on the page, of any impact:
    issue 15 asks for 0 violations, so minor and moderate findings (landmarks, heading order) count
    as much as serious ones. No rule is switched off."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def _sign_in(page, base: str, username: str, device=None, password: str = BROWSER_PASSWORD) -> None:
    """Sign in through the real login form, answering the TOTP step when a device is given."""
    from django_otp.oath import totp

    page.goto(f"{base}/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.wait_for_url("**/mfa/verify/**")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        page.get_by_label("Six-digit code").fill(f"{code:06d}")
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base}/")


# The policy engine's tests (tests/policy, tests/policy_ml) import no Django and open no database:
# running them on both databases checks nothing twice over, and they are about a fifth of the
# suite's time. .ci/run runs the two passes side by side and gives each a share of these tests, so
# the passes end at about the same time and CI stays under 30 minutes:
#   TOWNHALL_TESTS_DB_FREE_SHARE="START:STOP/N" keeps the DB-free tests whose position among them
#   (in collection order) is, modulo N, in [START, STOP); "0:0/1" keeps none of them.
# Every DB-free test is in exactly one pass when the two shares are "0:K/N" and "K:N/N".
_DB_FREE_DIRS = ("policy", "policy_ml")


def _db_free_share() -> tuple[int, int, int] | None:
    raw = os.environ.get("TOWNHALL_TESTS_DB_FREE_SHARE")
    if not raw:
        return None
    try:
        span, n = raw.split("/")
        start, stop = (int(x) for x in span.split(":"))
        n = int(n)
    except ValueError as exc:
        raise pytest.UsageError(f"TOWNHALL_TESTS_DB_FREE_SHARE={raw!r}: expected START:STOP/N, e.g. 0:2/3") from exc
    if not (n >= 1 and 0 <= start <= stop <= n):
        raise pytest.UsageError(f"TOWNHALL_TESTS_DB_FREE_SHARE={raw!r}: need 0 <= START <= STOP <= N and N >= 1")
    return start, stop, n


def pytest_collection_modifyitems(config, items):
    share = _db_free_share()
    if share is None:
        return
    start, stop, n = share
    here = os.path.dirname(os.path.abspath(__file__))
    db_free = tuple(os.path.join(here, d) + os.sep for d in _DB_FREE_DIRS)
    kept, dropped = [], []
    position = 0
    for item in items:
        if str(item.path).startswith(db_free):
            (kept if start <= position % n < stop else dropped).append(item)
            position += 1
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
