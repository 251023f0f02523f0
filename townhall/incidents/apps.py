from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "townhall.incidents"
    label = "incidents"
    verbose_name = "Incidents"
