"""Meetings (issue 6), at /meetings/: each part of the feature lists its own patterns."""

from networks.views import (
    meeting_actions,
    meeting_agenda,
    meeting_decisions,
    meeting_feeds,
    meeting_invitations,
    meeting_minutes,
    meeting_polls,
    meetings,
)

app_name = "meetings"
urlpatterns = [
    *meetings.urlpatterns,
    *meeting_polls.urlpatterns,
    *meeting_invitations.urlpatterns,
    *meeting_feeds.urlpatterns,
    *meeting_agenda.urlpatterns,
    *meeting_minutes.urlpatterns,
    *meeting_decisions.urlpatterns,
    *meeting_actions.urlpatterns,
]
