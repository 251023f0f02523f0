"""Admin for the registry. The credential's ciphertext and fingerprint are never shown or editable.

Every save and delete here is audited like the same change made on the registry's pages (review
16: the admin changed owners, server addresses and requests, and deleted credentials, with no
entry in the trail)."""

from typing import Any

from django.contrib import admin
from django.db import transaction

from townhall.audit.services import record, snapshot
from townhall.registry.models import Account, AccountRequest, Credential, NetworkAudience, Notice


class AuditedAdmin(admin.ModelAdmin):
    """Saves and deletes in the admin write an audit entry (who, what, before and after)."""

    audit_action = ""  # e.g. "account": entries "account.admin_created", "account.admin_changed", …
    audit_many = ()  # many-to-many fields recorded as lists of ids

    def audit_picture(self, obj: Any) -> dict[str, Any]:
        picture = snapshot(obj)
        for name in self.audit_many:
            picture[name] = sorted(getattr(obj, name).values_list("pk", flat=True)) if obj.pk else []
        return picture

    def audit_target(self, obj: Any) -> Any:
        return obj

    def save_model(self, request, obj, form, change):
        old = type(obj).objects.filter(pk=obj.pk).first() if change and obj.pk else None
        obj._audit_before = self.audit_picture(old) if old is not None else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with transaction.atomic():
            super().save_related(request, form, formsets, change)
            obj = form.instance
            before = getattr(obj, "_audit_before", None)
            after = self.audit_picture(obj)
            if before != after:
                verb = "admin_changed" if change else "admin_created"
                record(request.user, f"{self.audit_action}.{verb}", self.audit_target(obj), before=before, after=after)

    def delete_model(self, request, obj):
        with transaction.atomic():
            record(
                request.user,
                f"{self.audit_action}.admin_deleted",
                self.audit_target(obj),
                before=self.audit_picture(obj),
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                record(
                    request.user,
                    f"{self.audit_action}.admin_deleted",
                    self.audit_target(obj),
                    before=self.audit_picture(obj),
                )
            super().delete_queryset(request, queryset)


@admin.register(Account)
class AccountAdmin(AuditedAdmin):
    audit_action = "account"
    audit_many = ("owners",)
    list_display = ("handle", "network", "org_unit", "status", "review_date")
    list_filter = ("network", "status", "purpose")
    search_fields = ("handle", "display_name")
    # No filter_horizontal: its widget puts aria-label on a bare span (axe aria-prohibited-attr);
    # the plain multiple select is accessible.
    raw_id_fields = ("successor",)


@admin.register(Credential)
class CredentialAdmin(AuditedAdmin):
    """Read-only evidence of what is stored and when; the secret itself is not here to see.
    Deleting one is audited against its account, naming its kind and dates, never the secret."""

    audit_action = "account.credentials"

    def audit_picture(self, obj: Any) -> dict[str, Any]:
        return snapshot(obj, ["kind", "stored_at", "stored_by", "encrypted_at", "revoked_at"])

    def audit_target(self, obj: Any) -> Any:
        return obj.account

    list_display = ("account", "kind", "stored_at", "encrypted_at", "revoked_at")
    fields = ("account", "kind", "stored_at", "stored_by", "encrypted_at", "revoked_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccountRequest)
class AccountRequestAdmin(AuditedAdmin):
    audit_action = "account.request"
    audit_many = ("co_owners",)
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
