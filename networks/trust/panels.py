"""What trust-building adds to the dashboard (see :mod:`portal.lib.panels`): for members, their upcoming
activities and the surveys waiting for their organisation; for coordinators, the trust trend, the response
rate of an open round, the strongest and weakest ties and the organisations with no new contacts this year."""

from networks.trust import results
from portal.lib.panels import DASHBOARD, panel

# --- joint activities -------------------------------------------------------------------------------------


# --- survey rounds ----------------------------------------------------------------------------------------


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
