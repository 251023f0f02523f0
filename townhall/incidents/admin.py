from django.contrib import admin

from townhall.incidents.models import Incident


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "severity", "created_by", "created_at")
    list_filter = ("kind", "status", "severity")
    readonly_fields = ("created_by", "created_at", "closed_at")
