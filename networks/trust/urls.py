"""URLs of trust-building at /trust/ (namespace ``trust``): joint activities, survey rounds and their answers,
results, partnership health checks, the network map and the reports."""

from django.urls import path

from networks.trust.views import activities, activity_report, health, participants, results, rounds
from networks.trust.views import map as map_views

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
round_patterns = [
    path("network/<slug:slug>/surveys/", rounds.round_list, name="round_list"),
    path("network/<slug:slug>/surveys/new/", rounds.round_open, name="round_open"),
    path("surveys/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("surveys/<int:pk>/answer/", rounds.round_answer, name="round_answer"),
    path("surveys/<int:pk>/cancel/", rounds.round_cancel, name="round_cancel"),
    path("surveys/<int:pk>/close/", rounds.round_close, name="round_close"),
]

# Closing a round and its results.
result_patterns = [
    path("surveys/<int:pk>/results/", results.round_results, name="round_results"),
    path("surveys/<int:pk>/results/pairs/", results.round_result_pairs, name="round_result_pairs"),
    path("surveys/<int:pk>/results.xlsx", results.round_results_export, name="round_results_export"),
]

# Partnership health checks.
health_patterns = [
    path("network/<slug:slug>/health/", health.health_list, name="health_list"),
    path("network/<slug:slug>/health/new/", health.health_create, name="health_create"),
    path("health/<int:pk>/", health.health_detail, name="health_detail"),
    path("health/<int:pk>/answer/", health.health_answer, name="health_answer"),
    path("health/<int:pk>/close/", health.health_close, name="health_close"),
    path("health/<int:pk>/cancel/", health.health_cancel, name="health_cancel"),
    path("health/<int:pk>/review-meeting/", health.health_review_create, name="health_review_create"),
]

# The network map.
map_patterns = [
    path("network/<slug:slug>/map/", map_views.network_map, name="network_map"),
    path("network/<slug:slug>/map/change/", map_views.network_map_change, name="network_map_change"),
]

urlpatterns = [*activity_patterns, *round_patterns, *result_patterns, *health_patterns, *map_patterns]
