"""What the privacy package adds to one's own profile page: downloading one's data and erasing the account."""

from portal.lib.panels import ACCOUNT_PAGE, panel
from portal.privacy.models import DataExport


@panel(ACCOUNT_PAGE, order=10, template="portal/privacy/includes/account_data.html")
def account_data(request, *, person):
    """The latest data export (one query) and the buttons."""
    return {"latest_export": DataExport.objects.filter(user=person).order_by("-created_at").first()}
