"""What trust-building adds to the dashboard (see :mod:`portal.lib.panels`): for members, their upcoming
activities and the surveys waiting for their organisation; for coordinators, the trust trend, the response
rate of an open round, the strongest and weakest ties and the organisations with no new contacts this year."""

from django.urls import NoReverseMatch, reverse

from networks.trust import activity_queries, results, rounds
from portal.lib.panels import DASHBOARD, panel

# --- joint activities -------------------------------------------------------------------------------------


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

# Where a round of each kind is answered and followed (a kind whose pages are not there: no link).
ANSWER_URLS = {"trust": "trust:round_answer", "health": "trust:health_answer"}
DETAIL_URLS = {"trust": "trust:round_detail", "health": "trust:health_detail"}


def _url(names: dict, round_) -> str | None:
    try:
        return reverse(names[round_.kind], kwargs={"pk": round_.pk})
    except (KeyError, NoReverseMatch):
        return None


@panel(DASHBOARD, order=35, template="networks/trust/rounds/includes/dashboard.html")
def surveys_waiting(request, *, coordinated, today):
    """For members, the surveys waiting for an organisation they speak for (one query); for coordinators, the
    response rate of the open rounds of the networks they coordinate (one query)."""
    waiting = rounds.rounds_awaiting_answer(user=request.user, today=today)
    for round_ in waiting:
        round_.answer_url = _url(ANSWER_URLS, round_)
    rates = rounds.open_round_rates(network_ids=coordinated) if coordinated else []
    for round_ in rates:
        round_.detail_url = _url(DETAIL_URLS, round_)
    if not waiting and not rates:
        return None
    return {"surveys_waiting": waiting, "open_round_rates": rates}


# --- results ----------------------------------------------------------------------------------------------


@panel(DASHBOARD, order=55, template="networks/trust/results/dashboard.html")
def trust_trend(request, *, coordinated, today):
    """For coordinators: each coordinated network's trust trend over its last closed trust surveys, and the
    strongest and weakest ties of the latest; two queries, from the results stored at close."""
    if not coordinated:
        return None
    trend = results.trust_trend(network_ids=coordinated)
    if not trend:
        return None
    for entry, ties in zip(trend, results.named_ties(entry["latest"] for entry in trend), strict=True):
        entry["ties"] = ties
    return {"trend": trend}
