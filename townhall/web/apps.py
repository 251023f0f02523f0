from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "townhall.web"
    label = "web"
    verbose_name = "Web interface"

    def ready(self) -> None:
        from townhall.web.errors import install_log_filter

        install_log_filter()
