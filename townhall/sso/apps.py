from django.apps import AppConfig


class SSOConfig(AppConfig):
    name = "townhall.sso"
    label = "sso"
    verbose_name = "Single sign-on"

    def ready(self) -> None:
        from townhall.sso import signals  # noqa: F401
