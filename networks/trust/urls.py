"""URLs of trust-building at /trust/ (namespace ``trust``): joint activities, survey rounds and their answers,
results, partnership health checks, the network map and the reports."""

from django.urls import path

from networks.trust.views import results

app_name = "trust"

# Joint activities and their reflections; the activity report for funders.
activity_patterns = []

# Survey rounds: opening, answering, the response rate.
round_patterns = []

# Closing a round and its results.
result_patterns = [
    path("surveys/<int:pk>/results/", results.round_results, name="round_results"),
    path("surveys/<int:pk>/results/pairs/", results.round_result_pairs, name="round_result_pairs"),
    path("surveys/<int:pk>/results.xlsx", results.round_results_export, name="round_results_export"),
]

# Partnership health checks.
health_patterns = []

# The network map.
map_patterns = []

urlpatterns = [*activity_patterns, *round_patterns, *result_patterns, *health_patterns, *map_patterns]
