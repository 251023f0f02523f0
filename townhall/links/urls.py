from django.urls import path

from townhall.links import views

app_name = "links"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/qr.<str:fmt>", views.qr_code, name="qr"),
]
