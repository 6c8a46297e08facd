"""What the resource library adds to other pages (see :mod:`portal.lib.panels`): the public resources of a
network on its public page, which anyone may read, a page at a time."""

from networks.resources.selectors import public_resources
from portal.lib.pagination import paginate
from portal.lib.panels import NETWORK_PUBLIC_PAGE, panel

PUBLIC_PER_PAGE = 10


@panel(NETWORK_PUBLIC_PAGE, order=20, template="networks/resources/includes/public_panel.html")
def public_library(request, *, network):
    """The network's public documents and links, the newest first (a count and a page: two queries)."""
    page_obj = paginate(request, public_resources(network), per_page=PUBLIC_PER_PAGE, param="resources")
    if not page_obj.paginator.count:
        return None
    return {"network": network, "resources_page": page_obj}
