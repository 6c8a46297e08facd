"""The notifications in the Django admin: for support, read-mostly. A notification is what the portal told a
person: staff may look at it or delete it, never change what it says or where its link leads."""

from django.contrib import admin

from portal.notifications.models import Digest, Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "kind", "delivery", "created_at", "read_at"]
    list_filter = ["kind", "delivery"]
    search_fields = ["subject", "user__email"]
    raw_id_fields = ["user", "digest"]
    readonly_fields = ["uuid", "created_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # view only (and delete)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery", "updated_at"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["user", "period", "period_start", "created_at"]
    list_filter = ["period"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
