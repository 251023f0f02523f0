import importlib

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from townhall.api import api
from townhall.core import views as core_views
from townhall.links import views as links_views
from townhall.web import views as web_views

admin.site.site_header = "Townhall administration"
admin.site.site_title = "Townhall"

urlpatterns = [
    path("", web_views.home, name="home"),
    path("healthz", web_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page links; answering it keeps the quiet demo's
    # log free of a "Not Found" warning per new browser. Resolved per request: hashed static names
    # exist only after collectstatic.
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static("townhall/favicon.svg"))),
    path("healthz/worker", web_views.healthz_worker, name="healthz-worker"),
    path("login/", core_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("mfa/setup/", core_views.mfa_setup, name="mfa-setup"),
    path("mfa/verify/", core_views.mfa_verify, name="mfa-verify"),
    path("me/", core_views.settings_page, name="settings"),
    path("me/password/", core_views.PasswordChangeView.as_view(), name="password-change"),
    path("me/tokens/", core_views.tokens, name="tokens"),
    path("me/tokens/<int:pk>/revoke", core_views.revoke_token, name="revoke-token"),
    # The admin signs in through the same throttled, two-factor-enforcing login as the app.
    path("admin/login/", core_views.LoginView.as_view(), name="admin-login"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("l/<str:code>", links_views.follow, name="short-link"),
    path("", include("townhall.web.urls")),
    path("", include("townhall.policies.urls")),
]

# Each feature app mounts its own URLs under its section of the navigation.
SECTIONS = [
    ("registry", "accounts/"),
    ("publishing", "posts/"),
    ("listening", "listening/"),
    ("inbox", "inbox/"),
    ("incidents", "incidents/"),
    ("analytics", "analytics/"),
    ("links", "links/"),
    ("sso", "sso/"),
]
for app, prefix in SECTIONS:
    try:
        importlib.import_module(f"townhall.{app}.urls")
    except ModuleNotFoundError as exc:
        if exc.name != f"townhall.{app}.urls":
            raise
        continue
    urlpatterns.append(path(prefix, include(f"townhall.{app}.urls")))

# Error pages inside the layout (townhall/web/errors.py).
handler403 = "townhall.web.errors.forbidden"
handler404 = "townhall.web.errors.not_found"
handler500 = "townhall.web.errors.server_error"
