"""What the goals domain adds to the dashboard: the goals waiting for the answer of an organisation the person
answers for, and for coordinators the proposals waiting for endorsement to be opened."""

from networks.goals import selectors
from portal.lib.panels import DASHBOARD, panel


@panel(DASHBOARD, order=30, template="networks/goals/includes/dashboard.html")
def goals_waiting(request, *, coordinated, today):
    """One query for the answers awaited, and one for the proposals when the person coordinates a network."""
    return {
        "goals_awaiting_answer": selectors.goals_awaiting_answer(user=request.user),
        "goal_proposals": selectors.goal_proposals_waiting(network_ids=coordinated) if coordinated else None,
    }
