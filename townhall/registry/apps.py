from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "townhall.registry"
    label = "registry"
    verbose_name = "Account registry"
