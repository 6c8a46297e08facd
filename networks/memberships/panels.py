"""What the memberships domain adds to other pages: the coordinator's to-do list on the dashboard, a contact's
invitation on a person's page, and an organisation's networks on its page."""

from networks.memberships import selectors
from portal.lib.panels import DASHBOARD, ORGANISATION_ASIDE, PERSON_PAGE, panel


@panel(DASHBOARD, order=10, template="networks/memberships/includes/dashboard_todo.html")
def coordinator_todo(request, *, coordinated, today):
    """Open applications, invitations and members without a representative (one query), for coordinators."""
    if not coordinated:
        return None
    return {"todo": selectors.coordinator_todo(network_ids=coordinated)}


@panel(PERSON_PAGE, order=10, template="networks/memberships/includes/person_invitation.html")
def contact_invitation(request, *, person):
    """A contact without an account, on the page the coordinators of their networks see: invite them."""
    targets = selectors.contact_invitation_targets(person=person, viewer=request.user)
    return {"person": person, "invitation_targets": targets} if targets else None


@panel(ORGANISATION_ASIDE, order=10, template="networks/memberships/includes/organisation_networks.html")
def organisation_networks(request, *, organisation):
    """The organisation's memberships in the networks the person may see (other networks stay private)."""
    return {"memberships": selectors.organisation_memberships(organisation=organisation, user=request.user)}
