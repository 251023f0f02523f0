from django.urls import path

from townhall.policies import views

app_name = "policies"
urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("help/", views.help_page, name="help"),
    path("policy/versions/", views.versions, name="versions"),
    path("policy/versions/<int:number>/", views.version, name="version"),
    path("policy/versions/compare", views.compare, name="compare"),
    path("policy/versions/<int:number>/rollback", views.rollback, name="rollback"),
    path("policy/versions/<int:number>/acknowledgements/", views.acknowledgements, name="acknowledgements"),
    path("policy/edit/", views.edit_settings, name="settings"),
    path("policy/edit/yaml/", views.edit_yaml, name="yaml"),
    path("policy/draft/", views.draft, name="draft"),
    path("policy/acknowledge/", views.acknowledge, name="acknowledge"),
]
