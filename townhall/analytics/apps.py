from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "townhall.analytics"
    label = "analytics"
    verbose_name = "Analytics"
