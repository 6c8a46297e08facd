"""Administration of networks, memberships and roles.

Memberships changed here keep their history as the services do: a change of level or status
writes a MembershipChange (by the administrator, with the reason given). The history itself is
read-only.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalRevision, Indicator, Measurement
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
    autocomplete_fields = ["user"]


@admin.register(Network)
class NetworkAdmin(ChoiceArrayAdminMixin, admin.ModelAdmin):
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
        (_("Security"), {"fields": ["require_mfa_for_coordinators"]}),
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
    list_display = ["user", "network", "role"]
    list_filter = ["role", "network"]
    search_fields = ["user__email", "user__last_name", "network__name"]
    autocomplete_fields = ["user", "network"]
    list_select_related = ["user", "network"]


# --- shared goals (issue 5) ----------------------------------------------------------------------------
#
# Goals are proposed, revised and endorsed on the portal, whose services keep every revision and every
# answer: here a goal's text and status, its revisions, rounds and answers are read-only, and a goal
# cannot be added (it would have no first revision). What the admin may change is what a coordinator
# edits without a revision: quality area, owner, contact, linked agreements; and indicators and their
# measurements. Evidence files are never offered here (they are private; the goal page serves them
# through its permission check), and they leave the disk with their measurements.


def _remove_evidence(measurements) -> None:
    from networks.goals.indicators import remove_evidence_on_commit

    remove_evidence_on_commit(list(measurements))


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class GoalRevisionInline(ReadOnlyInline):
    """Every text the goal has had, newest first."""

    model = GoalRevision
    fields = ["number", "title", "period_start", "period_end", "summary", "created_by", "created_at"]
    readonly_fields = fields
    ordering = ["-number"]


class EndorsementRoundInline(ReadOnlyInline):
    """The rounds of endorsement, newest first; each opens on its own page with its answers."""

    model = EndorsementRound
    fields = ["revision", "rule", "set_size", "deadline", "outcome", "opened_by", "opened_at", "closed_at"]
    readonly_fields = fields
    show_change_link = True
    ordering = ["-opened_at", "-pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("revision__goal", "opened_by")


class IndicatorInline(ReadOnlyInline):
    model = Indicator
    fields = ["name", "unit", "direction", "baseline_value", "target_value", "target_date", "frequency", "owner"]
    readonly_fields = fields
    show_change_link = True


class GoalAdminForm(forms.ModelForm):
    """Only the goal's own network's agreements can be linked (as on the portal): an agreement of another
    network would show the goal's title to that network's people, and the agreement's to this one's."""

    class Meta:
        model = Goal
        fields = ["quality_area", "owner_organisation", "contact", "agreements"]

    def clean_agreements(self):
        agreements = self.cleaned_data.get("agreements")
        network_id = self.instance.network_id
        if agreements is not None and network_id is not None and agreements.exclude(network_id=network_id).exists():
            raise forms.ValidationError(_("Only the network's own agreements can be linked."))
        return agreements


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    form = GoalAdminForm
    list_display = ["title", "network", "status", "quality_area", "period_start", "period_end", "revision"]
    list_filter = ["status", "quality_area", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "description", "network__name", "owner_organisation__name"]
    list_select_related = ["network"]
    autocomplete_fields = ["owner_organisation", "contact", "agreements"]
    date_hierarchy = "period_start"
    readonly_fields = [
        "network",
        "title",
        "description",
        "rationale",
        "period_start",
        "period_end",
        "status",
        "drop_reason",
        "revision",
        "status_before_revision",
        "proposed_by",
        "status_changed_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["network", "title", "description", "rationale", "period_start", "period_end"]}),
        (_("Status"), {"fields": ["status", "status_before_revision", "drop_reason", "revision", "status_changed_at"]}),
        (
            _("Responsibility"),
            {"fields": ["quality_area", "owner_organisation", "contact", "proposed_by", "agreements"]},
        ),
        (_("Dates"), {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [GoalRevisionInline, EndorsementRoundInline, IndicatorInline]

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        _remove_evidence(Measurement.objects.filter(indicator__goal=obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        _remove_evidence(Measurement.objects.filter(indicator__goal__in=queryset))
        super().delete_queryset(request, queryset)


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0
    fields = ["measured_on", "value", "note", "evidence_name", "evidence_size", "recorded_by", "recorded_at"]
    readonly_fields = ["evidence_name", "evidence_size", "recorded_by", "recorded_at"]
    ordering = ["-measured_on", "-pk"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "goal", "direction", "baseline_value", "target_value", "target_date", "frequency", "owner"]
    list_filter = ["direction", "frequency"]
    search_fields = ["name", "goal__title"]
    list_select_related = ["goal", "owner"]
    autocomplete_fields = ["goal", "owner"]
    inlines = [MeasurementInline]

    def get_readonly_fields(self, request, obj=None):
        # An indicator stays with its goal: moved to another network's goal, its measurements and their
        # private evidence files would go with it.
        return ["goal"] if obj is not None else []

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for measurement in instances:
            if measurement.pk is None:
                measurement.recorded_by = request.user
            measurement.save()
        _remove_evidence(formset.deleted_objects)
        for measurement in formset.deleted_objects:
            measurement.delete()

    def delete_model(self, request, obj):
        _remove_evidence(obj.measurements.all())
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        _remove_evidence(Measurement.objects.filter(indicator__in=queryset))
        super().delete_queryset(request, queryset)


class EndorsementInline(ReadOnlyInline):
    """The answers of the round, newest first: never added, changed or deleted here."""

    model = Endorsement
    fields = ["organisation", "answer", "reason", "answered_by", "answered_at", "is_current"]
    readonly_fields = fields
    ordering = ["-answered_at", "-pk"]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "answered_by")


@admin.register(EndorsementRound)
class EndorsementRoundAdmin(admin.ModelAdmin):
    """Rounds of endorsement and their answers, as the services wrote them: read-only."""

    list_display = ["goal", "revision", "rule", "deadline", "outcome", "opened_at", "closed_at"]
    list_filter = ["outcome", "rule"]
    search_fields = ["goal__title"]
    list_select_related = ["goal", "revision__goal"]
    date_hierarchy = "opened_at"
    fields = [
        "goal",
        "revision",
        "rule",
        "set_size",
        "deadline",
        "outcome",
        "opened_by",
        "opened_at",
        "closed_at",
        "reminder_sent_at",
    ]
    readonly_fields = fields
    inlines = [EndorsementInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # Deleting stays possible, as for membership history: deleting a goal cascades to its rounds.


# Meetings (issue 6) are administered in their own module.
