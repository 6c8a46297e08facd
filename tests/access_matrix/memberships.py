"""Access-matrix rows of networks and memberships: the networks list and public pages, a network's page and
its editing, joining and memberships, account invitations, the expertise vocabulary, contacts, importing
organisations and the directory export with membership levels.

The matrix network is not public and invited nobody; the cast organisation is its active member.
"""

from partners.directory.models import ExpertiseArea
from tests import factories
from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, PUBLIC, SIGNED_IN, Entry, network_slug, row

APPLICATION_MANAGE = row(302, 404, 404, 404, 200, 200)
INVITED_STAFF = row(302, 200, 404, 404, 403, 200)


def _network_term(objs):
    term, _ = ExpertiseArea.objects.get_or_create(
        network=objs.network, slug="matrix-term", defaults={"name": "Matrix term"}
    )
    return {"slug": objs.network.slug, "pk": term.pk}


def _own_membership(objs):
    """The cast organisation's active membership (the observer, member and coordinator work there)."""
    return {"slug": objs.network.slug, "pk": objs.network.memberships.get(organisation=objs.organisation).pk}


def _application(objs):
    """An application from an organisation nobody in the cast works for: coordinators only."""
    membership = factories.MembershipFactory(
        network=objs.network, organisation__slug="matrix-hakija", status="applied", level="networking"
    )
    return {"slug": objs.network.slug, "pk": membership.pk}


def _invitation_to_outsiders_org(objs):
    """The network has invited the outsider's organisation, which the outsider represents elsewhere: they may accept."""
    organisation = objs.outsider.affiliations.get().organisation
    organisation.memberships.update(representative=objs.outsider)
    membership = factories.MembershipFactory(network=objs.network, organisation=organisation, status="invited")
    return {"slug": objs.network.slug, "pk": membership.pk}


def _observers_role(objs):
    """The observer's role in the matrix network (the page to change or take it)."""
    return {"slug": objs.network.slug, "pk": objs.network.roles.get(user=objs.observer).pk}


def _invitation_token(objs):
    return {"token": objs.invitation.token}


GET = {
    # --- the networks list, public pages and logos ---
    "networks:network_list": Entry(PUBLIC),
    # The matrix network is not public: members only, 404 for everyone else
    # (public networks: tests/networks/memberships/test_network_public.py).
    "networks:network_public": Entry(row(404, 404, 200, 200, 200, 200), network_slug),
    "networks:network_logo": Entry(row(404, 404, 404, 404, 404, 404), network_slug),
    # --- a network's page and editing it, account invitations ---
    "networks:network_detail": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "networks:network_edit": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "networks:invitation_create": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    # Anyone holding the link may accept; a signed-in person is told to sign out first (409).
    "portal:invitation_accept": Entry(row(200, 409, 409, 409, 409, 409), _invitation_token),
    # --- membership and joining ---
    # The matrix network is not public and invited nobody: its people may open the form, others 404.
    "networks:membership_apply": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "networks:membership_invite": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "networks:membership_detail": Entry(NETWORK_READ, _own_membership, login_redirect=True),
    "networks:membership_edit": Entry(NETWORK_WRITE, _own_membership, login_redirect=True),
    "networks:membership_approve": Entry(row(405, 405, 405, 405, 405, 405), _application),  # POST only
    "networks:membership_reject": Entry(APPLICATION_MANAGE, _application, login_redirect=True),
    "networks:membership_accept": Entry(INVITED_STAFF, _invitation_to_outsiders_org, login_redirect=True),
    # --- the expertise vocabulary and contacts ---
    # --- people's roles: the coordinators' page ---
    "networks:role_list": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "networks:role_add": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "networks:role_change": Entry(NETWORK_WRITE, _observers_role, login_redirect=True),
    "networks:role_remove": Entry(NETWORK_WRITE, _observers_role, login_redirect=True),
    "networks:expertise_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "networks:expertise_create": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "networks:expertise_edit": Entry(NETWORK_WRITE, _network_term, login_redirect=True),
    "networks:expertise_delete": Entry(NETWORK_WRITE, _network_term, login_redirect=True),
    "networks:contact_create": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    # --- import and export ---
    "networks:organisation_import": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "networks:organisation_import_template": Entry(
        NETWORK_WRITE, lambda o: {"slug": o.network.slug, "fmt": "xlsx"}, login_redirect=True
    ),
    # Everyone signed in exports the organisations they may see (tests/networks/memberships/test_export.py).
    "partners:organisation_export": Entry(SIGNED_IN, lambda o: {"fmt": "csv"}, login_redirect=True),
}

# An empty POST gives the form (or the delete confirmation) back with errors, or the upload form with an error.
# Approving needs no form: it approves (302), and the admin, after the coordinator, gets the "already a member"
# message (302).
POST = {
    "networks:network_edit": Entry(NETWORK_WRITE, network_slug),
    "networks:invitation_create": Entry(NETWORK_WRITE, network_slug),
    "portal:invitation_accept": Entry(row(200, 409, 409, 409, 409, 409), _invitation_token),
    "networks:membership_apply": Entry(row(302, 404, 200, 200, 200, 200), network_slug),
    "networks:membership_invite": Entry(NETWORK_WRITE, network_slug),
    "networks:membership_edit": Entry(NETWORK_WRITE, _own_membership),
    "networks:membership_approve": Entry(row(302, 404, 404, 404, 302, 302), _application),
    "networks:membership_reject": Entry(APPLICATION_MANAGE, _application),
    "networks:membership_accept": Entry(INVITED_STAFF, _invitation_to_outsiders_org),
    # An empty POST: the form with its errors, or the confirmation again (nothing is taken without it).
    "networks:role_add": Entry(NETWORK_WRITE, network_slug),
    "networks:role_change": Entry(NETWORK_WRITE, _observers_role),
    "networks:role_remove": Entry(NETWORK_WRITE, _observers_role),
    "networks:expertise_create": Entry(NETWORK_WRITE, network_slug),
    "networks:expertise_edit": Entry(NETWORK_WRITE, _network_term),
    "networks:expertise_delete": Entry(NETWORK_WRITE, _network_term),
    "networks:contact_create": Entry(NETWORK_WRITE, network_slug),
    "networks:organisation_import": Entry(NETWORK_WRITE, network_slug),
}

READ_ONLY = {
    "networks:network_list",
    "networks:network_public",
    "networks:network_logo",
    "networks:network_detail",
    "networks:membership_detail",
    "networks:expertise_list",
    "networks:role_list",
    "networks:organisation_import_template",
    "partners:organisation_export",
}

CASES = []
