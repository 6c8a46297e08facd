"""What the API adds to one's own profile page: the way to one's personal access tokens."""

from portal.lib.panels import ACCOUNT_PAGE, panel


@panel(ACCOUNT_PAGE, order=20, template="portal/api/includes/account_tokens.html")
def account_tokens(request, *, person):
    """A link only: no query."""
    return {}
