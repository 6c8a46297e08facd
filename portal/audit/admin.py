"""The audit log in the admin: read only, for administrators (the database refuses changes anyway)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["when", "kind", "actor_label", "subject_label", "ip", "details_text"]
    list_filter = ["kind", "when"]
    search_fields = ["actor_label", "subject_label", "ip"]
    date_hierarchy = "when"
    list_per_page = 50
    # The log grows without end until retention: no COUNT(*) of the whole table on every page.
    show_full_result_count = False
    fields = ["when", "kind", "actor_label", "actor", "subject_label", "subject", "ip", "user_agent", "details"]
    readonly_fields = fields
    actions = None

    @admin.display(description=_("details"))
    def details_text(self, obj):
        return ", ".join(f"{key}: {value}" for key, value in obj.details.items())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
