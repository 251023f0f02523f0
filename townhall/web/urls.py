from django.urls import path

from townhall.web import views

app_name = "web"
urlpatterns = [
    path("policy/", views.policy, name="policy"),
    path("policy/check", views.policy_check, name="policy-check"),
    path("audit/", views.audit, name="audit"),
    path("status/", views.status, name="status"),
]
