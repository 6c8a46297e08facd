"""Shared goals (issue 5), at /goals/: each part of the feature lists its own patterns."""

from networks.views import goal_endorsements, goal_indicators, goal_reports, goals

app_name = "goals"
urlpatterns = [
    *goals.urlpatterns,
    *goal_endorsements.urlpatterns,
    *goal_indicators.urlpatterns,
    *goal_reports.urlpatterns,
]
