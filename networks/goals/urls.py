"""Shared goals (issue 5), at /goals/: each part of the feature lists its own patterns."""

from networks.goals.views import endorsements as goal_endorsements
from networks.goals.views import goals
from networks.goals.views import indicators as goal_indicators
from networks.goals.views import reports as goal_reports

app_name = "goals"
urlpatterns = [
    *goals.urlpatterns,
    *goal_endorsements.urlpatterns,
    *goal_indicators.urlpatterns,
    *goal_reports.urlpatterns,
]
