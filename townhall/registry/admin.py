"""Admin for the registry. The credential's ciphertext and fingerprint are never shown or editable."""

from django.contrib import admin

from townhall.registry.models import Account, AccountRequest, Credential, NetworkAudience, Notice


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("handle", "network", "org_unit", "status", "review_date")
    list_filter = ("network", "status", "purpose")
    search_fields = ("handle", "display_name")
    # No filter_horizontal: its widget puts aria-label on a bare span (axe aria-prohibited-attr);
    # the plain multiple select is accessible.
    raw_id_fields = ("successor",)


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    """Read-only evidence of what is stored and when; the secret itself is not here to see."""

    list_display = ("account", "kind", "stored_at", "encrypted_at", "revoked_at")
    fields = ("account", "kind", "stored_at", "stored_by", "encrypted_at", "revoked_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccountRequest)
class AccountRequestAdmin(admin.ModelAdmin):
    list_display = ("__str__", "requested_by", "status", "created_at")
    list_filter = ("status", "network")
    readonly_fields = ("status", "reviewed_by", "reviewed_at", "decision_reason", "account")


@admin.register(NetworkAudience)
class NetworkAudienceAdmin(admin.ModelAdmin):
    """The recommendation table: edit it as evidence about where audiences are changes."""

    # Strength is edited on each row's page: the list's inline selects have no label (axe).
    list_display = ("audience", "network", "strength", "reason")
    list_filter = ("audience", "network", "strength")


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ("user", "message", "created_at", "read_at")
