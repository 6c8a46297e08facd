"""Administration of shared goals: their texts, rounds and answers for looking up, and the few things an
administrator may correct."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from networks.goals.indicators import remove_evidence_on_commit
from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalRevision, Indicator, Measurement
from portal.lib.admin import ReadOnlyInline

# Goals are proposed, revised and endorsed on the portal, whose services keep every revision and every
# answer: here a goal's text and status, its revisions, rounds and answers are read-only, and a goal
# cannot be added (it would have no first revision). What the admin may change is what a coordinator
# edits without a revision: quality area, owner, contact, linked agreements; and indicators and their
# measurements. Evidence files are never offered here (they are private; the goal page serves them
# through its permission check), and they leave the disk with their measurements.


def _remove_evidence(measurements) -> None:
    remove_evidence_on_commit(list(measurements))


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


# Meetings are administered in their own module (networks.meetings.admin).
