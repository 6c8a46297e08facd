"""Administration of networks, memberships and roles.

Memberships changed here keep their history as the services do: a change of level or status
writes a MembershipChange (by the administrator, with the reason given). The history itself is
read-only.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from networks.memberships.models import Membership, MembershipChange, Network, NetworkRole
from portal.lib.admin import ChoiceArrayAdminMixin, choice_array_filter
from portal.lib.choices import Region


def _record_change(*, membership: Membership, old_level: str, old_status: str, user, reason: str) -> None:
    """A MembershipChange row when the level or status moved (or the membership was created)."""
    if (old_level, old_status) == (membership.level, membership.status):
        return
    MembershipChange.objects.create(
        membership=membership,
        network_id=membership.network_id,
        changed_by=user,
        old_level=old_level,
        new_level=membership.level,
        old_status=old_status,
        new_status=membership.status,
        reason=reason,
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["organisation", "level", "status", "joined_on", "left_on", "representative", "deputy"]
    autocomplete_fields = ["organisation", "representative", "deputy"]
    show_change_link = True


class NetworkRoleInline(admin.TabularInline):
    model = NetworkRole
    extra = 0
    autocomplete_fields = ["user", "organisation"]


@admin.register(Network)
class NetworkAdmin(ChoiceArrayAdminMixin, TranslationAdmin):
    list_display = ["name", "slug", "field", "is_public", "require_mfa_for_coordinators", "created_at"]
    list_filter = [
        "is_public",
        "require_mfa_for_coordinators",
        choice_array_filter("regions", _("region"), Region.choices),
    ]
    search_fields = ["name", "description", "field"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at"]
    logo_url_name = "networks:network_logo"
    fieldsets = [
        (None, {"fields": ["name", "slug", "field", "regions", "description", "logo"]}),
        (_("Public page"), {"fields": ["is_public", "public_description"]}),
        (_("Security"), {"fields": ["require_mfa_for_coordinators", "accept_provider_mfa"]}),
        (_("Dates"), {"fields": ["created_at"]}),
    ]
    inlines = [MembershipInline, NetworkRoleInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        before = {
            f.instance.pk: (f.initial.get("level", ""), f.initial.get("status", ""))
            for f in formset.forms
            if f.instance.pk
        }
        super().save_formset(request, form, formset, change)
        for membership in formset.new_objects + [obj for obj, _fields in formset.changed_objects]:
            old_level, old_status = before.get(membership.pk, ("", ""))
            _record_change(
                membership=membership,
                old_level=old_level,
                old_status=old_status,
                user=request.user,
                reason=str(_("Changed in the administration")),
            )
        return None


class MembershipChangeInline(admin.TabularInline):
    """The membership's history, newest first; read-only."""

    model = MembershipChange
    extra = 0
    can_delete = False
    fields = ["changed_at", "changed_by", "old_level", "new_level", "old_status", "new_status", "reason"]
    readonly_fields = fields
    ordering = ["-changed_at", "-pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")


class MembershipAdminForm(forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the membership's history when the level or status changes."),
    )

    class Meta:
        model = Membership
        fields = [
            "network",
            "organisation",
            "level",
            "status",
            "joined_on",
            "left_on",
            "representative",
            "deputy",
            "application_note",
        ]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    form = MembershipAdminForm
    list_display = ["organisation", "network", "level", "status", "joined_on", "left_on", "representative"]
    list_filter = ["level", "status", "network"]
    search_fields = ["organisation__name", "network__name"]
    autocomplete_fields = ["organisation", "network", "representative", "deputy"]
    list_select_related = ["organisation", "network", "representative"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["network", "organisation", "level", "status", "change_reason"]}),
        (_("Dates"), {"fields": ["joined_on", "left_on", "updated_at"]}),
        (_("Named people"), {"fields": ["representative", "deputy"]}),
        (_("Application"), {"fields": ["application_note"]}),
    ]
    inlines = [MembershipChangeInline]

    def save_model(self, request, obj, form, change):
        old_level = form.initial.get("level", "") if change else ""
        old_status = form.initial.get("status", "") if change else ""
        super().save_model(request, obj, form, change)
        _record_change(
            membership=obj,
            old_level=old_level,
            old_status=old_status,
            user=request.user,
            reason=form.cleaned_data.get("change_reason") or str(_("Changed in the administration")),
        )


@admin.register(MembershipChange)
class MembershipChangeAdmin(admin.ModelAdmin):
    """The history of memberships: written by the services, never added or edited here."""

    list_display = [
        "changed_at",
        "network",
        "membership",
        "old_level",
        "new_level",
        "old_status",
        "new_status",
        "changed_by",
    ]
    list_filter = ["new_level", "new_status", "network"]
    search_fields = ["membership__organisation__name", "network__name", "reason"]
    list_select_related = ["network", "membership__organisation", "membership__network", "changed_by"]
    date_hierarchy = "changed_at"
    fields = [
        "membership",
        "network",
        "changed_at",
        "changed_by",
        "old_level",
        "new_level",
        "old_status",
        "new_status",
        "reason",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # Deleting stays possible (default permissions): deleting a membership, network or organisation
    # cascades to its history, and the admin refuses a cascade it may not carry out.


@admin.register(NetworkRole)
class NetworkRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "network", "role", "basis", "organisation"]
    list_filter = ["role", "basis", "network"]
    search_fields = ["user__email", "user__last_name", "network__name"]
    autocomplete_fields = ["user", "network", "organisation"]
    list_select_related = ["user", "network", "organisation"]
