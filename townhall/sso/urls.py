from django.urls import path

from townhall.sso import views

urlpatterns = [
    path("", views.manage, name="sso-manage"),
    path("rules/<int:pk>/delete", views.delete_rule, name="sso-delete-rule"),
    path("end-sessions", views.end_sessions, name="sso-end-sessions"),
    path("ended/", views.ended, name="sso-ended"),
    path("oidc/login/", views.oidc_login, name="sso-oidc-login"),
    path("oidc/callback/", views.oidc_callback, name="sso-oidc-callback"),
    path("oidc/logout/", views.oidc_logout, name="sso-oidc-logout"),
    path("saml/login/", views.saml_login, name="sso-saml-login"),
    path("saml/acs/", views.saml_acs, name="sso-saml-acs"),
    path("saml/metadata/", views.saml_metadata, name="sso-saml-metadata"),
]
