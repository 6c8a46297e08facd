"""What trust-building adds to the dashboard (see :mod:`portal.lib.panels`): for members, their upcoming
activities and the surveys waiting for their organisation; for coordinators, the trust trend, the response
rate of an open round, the strongest and weakest ties and the organisations with no new contacts this year."""

# --- joint activities -------------------------------------------------------------------------------------

from networks.trust import activity_queries
from portal.lib.panels import DASHBOARD, panel


@panel(DASHBOARD, order=45, template="networks/trust/activities/includes/dashboard_upcoming.html")
def my_upcoming_activities(request, *, coordinated, today):
    """Activities ahead in the person's networks, theirs marked (one query)."""
    activities = activity_queries.my_upcoming_activities(user=request.user, today=today)
    return {"upcoming_activities": activities} if activities else None


@panel(DASHBOARD, order=46, template="networks/trust/activities/includes/dashboard_quiet.html")
def quiet_organisations(request, *, coordinated, today):
    """For coordinators: the active member organisations with no new contacts this year (one query)."""
    if not coordinated:
        return None
    memberships = activity_queries.quiet_organisations(network_ids=coordinated, year=today.year)
    return {"quiet_memberships": memberships, "year": today.year} if memberships else None


# --- survey rounds ----------------------------------------------------------------------------------------


# --- results ----------------------------------------------------------------------------------------------
