"""What the meetings domain adds to other pages: the person's action items and next meetings on the dashboard,
and on a goal's page what the network's meetings decided about it."""

from networks.meetings.selectors.dashboard import my_next_meetings, my_open_actions
from networks.meetings.selectors.records import goal_records as meeting_records
from portal.lib.panels import DASHBOARD, GOAL_PAGE, panel


@panel(DASHBOARD, order=40, template="networks/meetings/includes/dashboard.html")
def my_meetings(request, *, coordinated, today):
    """The person's open action items, overdue first (one query), and their next meetings (one query)."""
    return {
        "my_actions": my_open_actions(user=request.user),
        "next_meetings": my_next_meetings(user=request.user),
        "today": today,
    }


@panel(GOAL_PAGE, order=10, template="networks/meetings/includes/goal_records.html")
def goal_records(request, *, goal):
    decisions, items = meeting_records(goal=goal, user=request.user)
    return {"decisions": decisions, "items": items}
