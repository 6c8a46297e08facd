"""Administration of meetings: for looking things up and small corrections.

Meetings are created, invited to, moved through their statuses and minuted on the portal, where the
rules live (invitations and calendar updates are e-mailed, approved minutes are locked and changed only
by recorded amendments). Here the record is read-only but for the few fields an administrator may fix;
nothing can be moved to another network; calendar-feed tokens are not shown at all.
"""

from django.contrib import admin

from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Amendment,
    Attendance,
    Decision,
    Invitee,
    Meeting,
    MinutesCheck,
    TimePoll,
)
from portal.lib.admin import ReadOnlyInline


class InviteeInline(ReadOnlyInline):
    model = Invitee
    fields = ["user", "organisation", "reply", "replied_at"]
    readonly_fields = fields


class AttendanceInline(ReadOnlyInline):
    model = Attendance
    fields = ["user", "organisation"]
    readonly_fields = fields


class AgendaItemInline(ReadOnlyInline):
    model = AgendaItem
    fields = ["position", "title", "status", "presenter", "planned_minutes", "goal", "unfinished"]
    readonly_fields = fields


class AmendmentInline(ReadOnlyInline):
    model = Amendment
    fields = ["item", "decision", "reason", "made_by", "made_at"]
    readonly_fields = fields


class MinutesCheckInline(ReadOnlyInline):
    model = MinutesCheck
    fields = ["user", "role", "verdict", "reason", "made_at", "cleared_at"]
    readonly_fields = fields


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "kind", "starts_at", "status"]
    list_filter = ["status", "kind", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "place"]
    date_hierarchy = "starts_at"
    fields = [
        "network",
        "kind",
        "title",
        "description",
        "starts_at",
        "ends_at",
        "place",
        "online_link",
        "organiser",
        "chair",
        "first_checker",
        "second_checker",
        "status",
        "cancel_reason",
        "minutes_approved_at",
        "minutes_approved_by",
        "uid",
        "sequence",
    ]
    # The time and place are changed on the portal, which sends the calendar update; the status moves there;
    # the organiser and the chair (who approves the minutes) are people of the network, chosen there.
    readonly_fields = [
        "network",
        "organiser",
        "chair",
        "first_checker",
        "second_checker",
        "starts_at",
        "ends_at",
        "place",
        "online_link",
        "status",
        "cancel_reason",
        "minutes_approved_at",
        "minutes_approved_by",
        "uid",
        "sequence",
    ]
    inlines = [AgendaItemInline, InviteeInline, AttendanceInline, AmendmentInline, MinutesCheckInline]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("network")


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "decided_on", "goal"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["text"]
    readonly_fields = ["network", "meeting", "item", "text", "goal", "decided_on", "recorded_by", "recorded_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "owner", "due_on", "status"]
    list_filter = ["status", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["what"]
    fields = ["network", "meeting", "item", "what", "owner", "organisation", "due_on", "status", "status_note"]
    readonly_fields = ["network", "meeting", "item", "owner", "organisation"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("network", "owner")


@admin.register(TimePoll)
class TimePollAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "created_at", "closed_at"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title"]
    readonly_fields = ["network", "organiser", "meeting", "closed_at", "invitees", "organisations"]
    exclude = []

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
