from django.urls import path

from townhall.listening import views

app_name = "listening"

urlpatterns = [
    path("", views.index, name="index"),
    path("mentions/", views.mention_list, name="mentions"),
    path("searches/", views.search_list, name="searches"),
    path("searches/<int:pk>/", views.search_edit, name="search_edit"),
    path("searches/check", views.check_query, name="check_query"),
    path("sources/", views.source_list, name="sources"),
    path("sources/<int:pk>/change", views.source_change, name="source_change"),
    path("never-store/", views.never_store, name="never_store"),
    path("export/", views.export, name="export"),
    path("erase/", views.erase, name="erase"),
    path("notifications/<int:pk>/read", views.read_notification, name="read_notification"),
]
