from django.apps import AppConfig


class LinksConfig(AppConfig):
    name = "townhall.links"
    label = "links"
    verbose_name = "Tracked links"
