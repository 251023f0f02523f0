from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin as BaseStaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as BaseTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.core.models import ApiToken, OrgUnit, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "org_unit", "is_active", "second_factor")
    list_filter = ("role", "org_unit", "is_active")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Townhall", {"fields": ("role", "org_unit", "review_units", "time_zone", "notify_by_email")}),
    )
    # No filter_horizontal (Django's UserAdmin sets one): its widget puts aria-label on a bare span
    # (axe aria-prohibited-attr); the plain multiple select is accessible.
    filter_horizontal = ()
    actions = ["issue_enrolment_code", "reset_second_factor"]

    @admin.action(description="Issue an enrolment code for setting up two-factor sign-in")
    def issue_enrolment_code(self, request, queryset):
        """A code per person, shown once on the next page for the administrator to hand over
        in person or by phone (see `core.enrolment`)."""
        from townhall.core.permissions import require

        require(request.user, "users.manage")
        return self._codes_page(request, list(queryset), reset=False)

    @admin.action(description="Reset two-factor sign-in (remove their apps and issue an enrolment code)")
    def reset_second_factor(self, request, queryset):
        """The documented way back in after a lost phone: remove the devices (audited) and issue
        the enrolment code they need to set up the new phone."""
        from townhall.core import mfa
        from townhall.core.permissions import require

        require(request.user, "users.manage")
        people = list(queryset)
        for person in people:
            mfa.reset(request.user, person)
        return self._codes_page(request, people, reset=True)

    def _codes_page(self, request, people, *, reset: bool):
        from django.template.response import TemplateResponse

        from townhall.core import enrolment

        codes = []
        for person in people:
            code, row = enrolment.issue(request.user, person)
            codes.append({"person": person, "code": code, "expires_at": row.expires_at})
        context = {
            **self.admin_site.each_context(request),
            "title": "Two-factor sign-in reset" if reset else "Enrolment codes",
            "codes": codes,
            "reset": reset,
            "opts": self.model._meta,
        }
        # Admin views are never cached (no-store), so the codes do not stay in a cache.
        return TemplateResponse(request, "core/admin_enrolment_codes.html", context)

    @admin.display(description="Two-factor sign-in")
    def second_factor(self, obj) -> str:
        from townhall.core import enrolment, mfa

        if mfa.has_device(obj):
            return "On"
        waiting = enrolment.open_code(obj)
        if waiting is not None:
            return "Not set up; enrolment code issued"
        return "Not set up; needs an enrolment code" if obj.mfa_required else "Off"


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "expires_at", "revoked")
    readonly_fields = ("key_hash", "prefix")


# Second-factor devices: an administrator may list them and delete them (or use *Reset two-factor
# sign-in* on the person), never read a secret. The libraries' own admin shows the TOTP key on
# the add form, a QR code page, and every backup code inline; these replace it.
class TOTPDeviceAdmin(BaseTOTPDeviceAdmin):
    list_display = ["user", "name", "created_at", "last_used_at", "confirmed"]

    def get_list_display(self, request):
        return self.list_display

    def get_fieldsets(self, request, obj=None):
        return [
            ("Identity", {"fields": ["user", "name", "confirmed"]}),
            ("Timestamps", {"fields": ["created_at", "last_used_at"]}),
            ("Configuration", {"fields": ["step", "t0", "digits", "tolerance"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        # A device is confirmed by its owner typing a code from it, never by a tick here: an
        # administrator could otherwise confirm a device someone else set up and holds.
        return [*super().get_readonly_fields(request, obj), "user", "confirmed"]

    def get_urls(self):  # no config (key + QR code) or QR code pages
        return admin.ModelAdmin.get_urls(self)

    def has_add_permission(self, request):  # a device is enrolled by its owner, never made here
        return False


class StaticDeviceAdmin(BaseStaticDeviceAdmin):
    inlines = []  # no backup-code inline, on any page (the library hides it only on change pages)

    def has_add_permission(self, request):
        return False


for _model, _model_admin in ((TOTPDevice, TOTPDeviceAdmin), (StaticDevice, StaticDeviceAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _model_admin)


def _name_the_libraries_apps() -> None:
    """The admin's index lists apps by their verbose names; three libraries' read as code
    ("Otp_Static", "Otp_Totp", "Tasks Database Backend"), so name them as an administrator would."""
    from django.apps import apps

    names = {
        "otp_static": "Two-factor sign-in: backup codes",
        "otp_totp": "Two-factor sign-in: authenticator apps",
        "django_tasks_database": "Background tasks",
        "auth": "Permission groups",
    }
    for label, name in names.items():
        if apps.is_installed(label) or label in apps.app_configs:
            config = apps.app_configs.get(label)
            if config is not None:
                config.verbose_name = name


_name_the_libraries_apps()
