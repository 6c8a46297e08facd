"""Meetings (issue 6), at /meetings/: each part of the feature lists its own patterns."""

from networks.meetings.views import actions as meeting_actions
from networks.meetings.views import agenda as meeting_agenda
from networks.meetings.views import decisions as meeting_decisions
from networks.meetings.views import feeds as meeting_feeds
from networks.meetings.views import invitations as meeting_invitations
from networks.meetings.views import meetings
from networks.meetings.views import minutes as meeting_minutes
from networks.meetings.views import polls as meeting_polls

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
