from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from townhall.core.models import ApiToken, OrgUnit, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "org_unit", "is_active")
    list_filter = ("role", "org_unit", "is_active")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Townhall", {"fields": ("role", "org_unit", "review_units", "time_zone", "notify_by_email")}),
    )
    filter_horizontal = ("review_units", "groups", "user_permissions")


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "expires_at", "revoked")
    readonly_fields = ("key_hash", "prefix")
