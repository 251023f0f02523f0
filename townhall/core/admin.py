from django.contrib import admin, messages
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
    actions = ["reset_second_factor"]

    @admin.action(description="Reset two-factor sign-in (they set it up again at their next sign-in)")
    def reset_second_factor(self, request, queryset):
        """The documented way back in after a lost phone: remove the devices, audited."""
        from townhall.core import mfa
        from townhall.core.permissions import require

        require(request.user, "users.manage")
        people = list(queryset)
        for person in people:
            mfa.reset(request.user, person)
        self.message_user(request, f"Two-factor sign-in reset for {len(people)} person(s).", messages.SUCCESS)


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "expires_at", "revoked")
    readonly_fields = ("key_hash", "prefix")
