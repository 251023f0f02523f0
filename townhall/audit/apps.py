from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "townhall.audit"
    label = "audit"
    verbose_name = "Audit trail"
