from django.contrib import admin

from networks.models import Membership, Network, NetworkRole


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


class NetworkRoleInline(admin.TabularInline):
    model = NetworkRole
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "require_mfa_for_coordinators", "created_at"]
    list_filter = ["require_mfa_for_coordinators"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline, NetworkRoleInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = [
        "organisation",
        "network",
        "level",
        "status",
        "joined_on",
        "left_on",
    ]
    list_filter = ["level", "status", "network"]
    search_fields = ["organisation__name", "network__name"]
    autocomplete_fields = ["organisation", "network"]
    list_select_related = ["organisation", "network"]


@admin.register(NetworkRole)
class NetworkRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "role"]
    list_filter = ["role", "network"]
    search_fields = ["user__email", "user__last_name", "network__name"]
    autocomplete_fields = ["user", "network"]
    list_select_related = ["user", "network"]
