"""Mapping rules in Django's admin too; every save and delete is audited like the page's."""

from __future__ import annotations

from django.contrib import admin

from townhall.audit.services import record
from townhall.sso import services
from townhall.sso.models import Identity, MappingRule


@admin.register(MappingRule)
class MappingRuleAdmin(admin.ModelAdmin):
    list_display = ("claim", "value", "role", "org_unit", "priority")
    ordering = ("priority", "pk")

    def save_model(self, request, obj, form, change):
        before = services.rule_summary(MappingRule.objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        record(request.user, "sso.rule_saved", obj, before=before, after=services.rule_summary(obj))

    def delete_model(self, request, obj):
        services.delete_rule(request.user, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_rule(request.user, obj)


@admin.register(Identity)
class IdentityAdmin(admin.ModelAdmin):
    list_display = ("user", "protocol", "issuer", "subject", "last_sign_in_at")
    readonly_fields = ("user", "protocol", "issuer", "subject", "created_at", "last_sign_in_at")
    search_fields = ("user__username", "subject")
