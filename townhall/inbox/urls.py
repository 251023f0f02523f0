from django.urls import path

from townhall.inbox import views

app_name = "inbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
]
