"""Administration of trust-building: for looking things up and small corrections.

Activities, survey rounds and their answers are recorded on the portal, where the rules live (a round's
results are computed once when it closes, and the privacy thresholds are applied where they are shown).
Here answers and results are read-only: an administrator must not see who said what of whom.
"""

from django.contrib import admin

from networks.trust.models import Activity, Participant, SurveyRound
from portal.lib.admin import ReadOnlyInline


class ParticipantInline(ReadOnlyInline):
    model = Participant
    fields = ["user", "name", "organisation", "is_organiser", "usefulness"]
    readonly_fields = fields


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "kind", "starts_on", "hours", "new_pairs"]
    list_filter = ["kind"]
    list_select_related = ["network"]
    search_fields = ["title"]
    date_hierarchy = "starts_on"
    fields = ["network", "kind", "title", "starts_on", "ends_on", "hours", "place", "online", "description"]
    readonly_fields = ["network"]
    inlines = [ParticipantInline]


@admin.register(SurveyRound)
class SurveyRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "kind", "status", "deadline"]
    list_filter = ["kind", "status"]
    list_select_related = ["network"]
    search_fields = ["title"]
    fields = ["network", "kind", "title", "agreement", "period_start", "period_end", "deadline", "status"]
    readonly_fields = ["network", "kind", "agreement", "status"]
