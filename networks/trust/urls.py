"""URLs of trust-building at /trust/ (namespace ``trust``): joint activities, survey rounds and their answers,
results, partnership health checks, the network map and the reports."""

from django.urls import path

from networks.trust.views import activities, activity_report, participants

app_name = "trust"

# Joint activities and their reflections; the activity report for funders.
activity_patterns = [
    path("network/<slug:slug>/activities/", activities.activity_list, name="activity_list"),
    path("network/<slug:slug>/activities/new/", activities.activity_create, name="activity_create"),
    path("network/<slug:slug>/activities/report/", activity_report.activity_report, name="activity_report"),
    path(
        "network/<slug:slug>/activities/report.xlsx",
        activity_report.activity_report_export,
        name="activity_report_export",
    ),
    path("activities/<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/delete/", activities.activity_delete, name="activity_delete"),
    path("activities/<int:pk>/participants/add/", participants.participant_add, name="participant_add"),
    path(
        "activities/<int:pk>/participants/<int:participant>/remove/",
        participants.participant_remove,
        name="participant_remove",
    ),
    path("activities/<int:pk>/reflection/", participants.reflection_edit, name="reflection_edit"),
]

# Survey rounds: opening, answering, the response rate.
round_patterns = []

# Closing a round and its results.
result_patterns = []

# Partnership health checks.
health_patterns = []

# The network map.
map_patterns = []

urlpatterns = [*activity_patterns, *round_patterns, *result_patterns, *health_patterns, *map_patterns]
