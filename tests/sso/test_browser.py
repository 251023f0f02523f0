"""The whole OpenID Connect sign-in in a real browser (Debian's chromium) against the real
oidc-provider: the button on Townhall's sign-in page, the provider's login form, and back."""

from __future__ import annotations

import pytest

from townhall.core.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_at_provider(page, login: str, password: str) -> None:
    page.get_by_label("Username").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in at the university").click()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_sign_in_with_the_university_account(page, live_server, oidc_settings, oidc_provider, rules, units, axe):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/login/")
    assert axe(page) == [] and no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Sign in with your university account").click()
    sign_in_at_provider(page, "dana", "pw-dana")
    page.wait_for_url(f"{live_server.url}/")  # straight home: the provider's MFA counts, no code asked
    user = User.objects.get(email="dana@uni.example")
    assert (user.role, user.org_unit) == ("digital", units["physics"])
    assert "/mfa/" not in page.url


def test_someone_with_no_rule_sees_a_clear_refusal(page, live_server, oidc_settings, oidc_provider, rules, axe):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/sso/oidc/login/")
    sign_in_at_provider(page, "olly", "pw-olly")
    page.get_by_role("heading", name="You cannot sign in to Townhall yet").wait_for()
    assert "no rule that gives your account a role" in page.get_by_role("alert").inner_text()
    assert axe(page) == [] and no_horizontal_scroll(page)
    assert not User.objects.exists()


def test_the_administrators_page(page, live_server, oidc_settings, make_user, units, axe, sign_in):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    admin = make_user("admin", username="ada", is_staff=True)
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    sign_in(page, live_server.url, "ada", device)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/sso/")
    page.get_by_label("Value it must include").fill("comms-digital")
    page.get_by_label("Role", exact=True).select_option("digital")
    page.get_by_label("Unit", exact=True).select_option(label="Physics")
    page.get_by_role("button", name="Save the rule").click()
    page.get_by_text("groups includes “comms-digital”").wait_for()
    assert axe(page) == [] and no_horizontal_scroll(page)


SAML_PEOPLE = {
    "dana": {"persistent_id": "AAdzZWNyZXQxFmDana", "uid": ["dana"], "mail": ["dana@uni.example"],
             "givenName": ["Dana"], "sn": ["Digital"], "groups": ["comms-digital"]},
}


@pytest.fixture
def saml_idp_site(saml_idp_factory, live_server):
    """The pysaml2 IdP served over HTTP at http://localhost:PORT (another site than Townhall's
    127.0.0.1, so the browser treats its POST back as cross-site, as in real life)."""
    import html
    import threading
    from urllib.parse import parse_qs
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    state = {}

    def app(environ, start_response):
        path = environ["PATH_INFO"]
        if path == "/sso":
            url = f"{state['base']}/sso?{environ['QUERY_STRING']}"
            body = (f'<!doctype html><html lang="en"><title>IdP</title><main><h1>University sign-in</h1>'
                    f'<form method="post" action="/login"><input type="hidden" name="url" value="{html.escape(url)}">'
                    f'<label for="u">Username</label><input id="u" name="user">'
                    f'<button type="submit">Sign in at the university</button></form></main></html>')
        elif path == "/login":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(size).decode()).items()}
            saml_response = state["idp"].answer(form["url"], SAML_PEOPLE[form["user"]], mfa=True)
            body = (f'<!doctype html><html lang="en"><title>IdP</title><main>'
                    f'<form method="post" action="{state["idp"].acs}">'
                    f'<input type="hidden" name="SAMLResponse" value="{saml_response}">'
                    f'<button type="submit">Continue to Townhall</button></form></main></html>')
        else:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [body.encode()]

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = make_server("localhost", 0, app, handler_class=Quiet)
    state["base"] = f"http://localhost:{server.server_port}"
    state["idp"] = saml_idp_factory(live_server.url, state["base"] + "/sso", "browser")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state["idp"]
    server.shutdown()


def test_saml_sign_in_in_the_browser(page, live_server, saml_idp_site, rules, units):
    page.goto(f"{live_server.url}/login/")
    page.get_by_role("link", name="Sign in with your university account (SAML)").click()
    page.get_by_label("Username").fill("dana")
    page.get_by_role("button", name="Sign in at the university").click()
    page.get_by_role("button", name="Continue to Townhall").click()
    page.wait_for_url(f"{live_server.url}/")  # MFA asserted by the IdP: no TOTP step
    user = User.objects.get(email="dana@uni.example")
    assert (user.role, user.org_unit) == ("digital", units["physics"])
