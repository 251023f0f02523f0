from django.urls import path

from townhall.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/move/", views.move, name="move"),
    path("<int:pk>/archive/", views.archive, name="archive"),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
    path("connect/", views.connect, name="connect"),
    path("requests/", views.requests_list, name="requests"),
    path("requests/new/", views.request_new, name="request-new"),
    path("requests/recommend/", views.recommendations, name="recommend"),
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request-edit"),
    path("requests/<int:pk>/withdraw/", views.request_withdraw, name="request-withdraw"),
    path("export.csv", views.export, name="export"),
    path("import/", views.import_view, name="import"),
    path("notices/", views.notices, name="notices"),
]
