from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "townhall.policies"
    label = "policies"
    verbose_name = "Institution and policy versions"
