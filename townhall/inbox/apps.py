from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "townhall.inbox"
    label = "inbox"
    verbose_name = "Engagement inbox"
