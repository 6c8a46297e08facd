"""What the agreements domain adds to other pages: on the dashboard, the agreements waiting for the person's
organisation's signature and the coordinator's agreements to follow up; on an organisation's page, its
agreements."""

from partners.agreements import selectors
from partners.agreements.filters import organisation_agreements
from portal.lib.panels import DASHBOARD, ORGANISATION_PAGE, panel


@panel(DASHBOARD, order=20, template="partners/agreements/includes/dashboard_signatures.html")
def awaiting_signature(request, *, coordinated, today):
    """What waits for the signature of an organisation the person speaks for (one query)."""
    agreements = selectors.agreements_awaiting_signature(user=request.user)
    return {"awaiting_signature": agreements} if agreements else None


@panel(DASHBOARD, order=50, template="partners/agreements/includes/dashboard_todo.html")
def coordinator_todo(request, *, coordinated, today):
    """The coordinator's three lists: ending soon, drafts left untouched, parties yet to sign (one query)."""
    if not coordinated:
        return None
    return {"agreement_todo": selectors.coordinator_agreement_todo(network_ids=coordinated)}


@panel(ORGANISATION_PAGE, order=10, template="partners/agreements/includes/organisation_agreements.html")
def agreements_of_organisation(request, *, organisation):
    """The agreements the organisation is a party to that the person may see."""
    agreements = organisation_agreements(organisation=organisation, user=request.user)
    return {"agreements": agreements} if agreements else None
