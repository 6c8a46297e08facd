"""What a network's news adds to the dashboard (see :mod:`portal.lib.panels`): the latest items of the
person's networks."""

from networks.news import selectors
from portal.lib.panels import DASHBOARD, panel


@panel(DASHBOARD, order=25, template="networks/news/includes/dashboard.html")
def latest_news(request, *, coordinated, today):
    """The newest items of the networks the person has a role in (one query)."""
    items = selectors.latest_news(user=request.user)
    return {"latest_news": items} if items else None
