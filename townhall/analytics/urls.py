from django.urls import path

from townhall.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.index, name="index"),
    path("objectives/<int:pk>/", views.detail, name="detail"),
    path("report/", views.report, name="report"),
    path("export.csv", views.export_csv, name="export"),
    path("campaigns/", views.campaigns, name="campaigns"),
    path("campaigns/<int:pk>/", views.campaign, name="campaign"),
]
