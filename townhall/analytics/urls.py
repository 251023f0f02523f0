from django.urls import path

from townhall.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.index, name="index"),
    path("objectives/<int:pk>/", views.detail, name="detail"),
]
