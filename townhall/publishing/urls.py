from django.urls import path

from townhall.publishing import views

app_name = "publishing"

urlpatterns = [
    path("", views.index, name="index"),
    path("compose/", views.compose, name="compose"),
    path("compose/check", views.check, name="check"),
    path("calendar/", views.calendar, name="calendar"),
    path("notifications/read", views.read_notifications, name="read-notifications"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act", views.act, name="act"),
    path("<int:pk>/move", views.move, name="move"),
]
