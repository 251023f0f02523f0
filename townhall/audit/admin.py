"""The audit trail in Django's admin, in the same words as the /audit/ page.

The admin is where an administrator lands when looking for an entry by hand; showing the raw
action code (``incident.updated``) and the JSON snapshots there would undo what the trail page
does, so the list reads as sentences and an entry's page shows the field-by-field table."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from townhall.audit.models import AuditEntry
from townhall.web import audit_display


class ActionFilter(admin.SimpleListFilter):
    """Filter by what was done, named in words rather than by action code."""

    title = "what was done"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        actions = AuditEntry.objects.order_by().values_list("action", flat=True).distinct()
        named = {a: audit_display.describe_action(a) for a in actions}
        return sorted(((a, text[:1].upper() + text[1:]) for a, text in named.items()), key=lambda p: p[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("seq", "at", "what_happened")
    list_filter = (ActionFilter,)
    search_fields = ("actor_label", "action", "object_repr", "object_id")
    fields = ("seq", "at", "what_happened", "what_changed", "hash", "prev_hash")
    readonly_fields = fields

    @admin.display(description="What happened")
    def what_happened(self, entry: AuditEntry) -> str:
        return audit_display.present(entry, audit_display.people_names([entry])).sentence

    @admin.display(description="What changed")
    def what_changed(self, entry: AuditEntry) -> str:
        changes = audit_display.present(entry).changes
        if not changes:
            return "No fields recorded."
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            ((c.label, c.before, c.after) for c in changes),
        )
        return format_html(
            "<table><thead><tr><th scope='col'>Field</th><th scope='col'>Before</th>"
            "<th scope='col'>After</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
