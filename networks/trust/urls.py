"""URLs of trust-building at /trust/ (namespace ``trust``): joint activities, survey rounds and their answers,
results, partnership health checks, the network map and the reports."""

from django.urls import path

from networks.trust.views import rounds

app_name = "trust"

# Joint activities and their reflections; the activity report for funders.
activity_patterns = []

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
result_patterns = []

# Partnership health checks.
health_patterns = []

# The network map.
map_patterns = []

urlpatterns = [*activity_patterns, *round_patterns, *result_patterns, *health_patterns, *map_patterns]
