from django.urls import path

from townhall.incidents import views

app_name = "incidents"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/evidence/<int:evidence_id>/", views.evidence_file, name="evidence"),
    path("<int:pk>/export.zip", views.export, name="export"),
    path("settings/", views.incident_settings, name="settings"),
    path("containment/", views.containment_page, name="containment"),
    path("containment/posts/<int:post_id>/", views.delete_post, name="delete_post"),
]
