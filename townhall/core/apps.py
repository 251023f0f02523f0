from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "townhall.core"
    label = "core"
    verbose_name = "People and organisation"

    def ready(self) -> None:
        from townhall.core import (  # noqa: F401 - audit handlers, the NUL safety net
            checks,
            inputguard,
            signals,
        )
