"""Access-matrix rows of the directory: organisations and their guidance services, the service map, people,
profiles and affiliations.

Organisations and their guidance services are edited by the organisation's representative or deputy (the
member) and its networks' coordinators; the observer works there too, but working for an organisation is
not enough (people add affiliations themselves): 403.
"""

from tests import factories
from tests.access_matrix.rows import NETWORK_READ, SIGNED_IN, Entry, row

ORG_STAFF = row(302, 404, 403, 200, 200, 200)
OWN_ONLY = row(302, 404, 404, 200, 404, 404)  # the member's own affiliation: nobody else's, not even an admin's


def _organisation(objs):
    return {"slug": objs.organisation.slug}


def _service(objs):
    service = factories.GuidanceServiceFactory(organisation=objs.organisation)
    return {"slug": objs.organisation.slug, "pk": service.pk}


def _member_affiliation(objs):
    return {"pk": objs.member.affiliations.get().pk}


GET = {
    # --- the organisation directory, an organisation's page, editing it ---
    "partners:organisation_list": Entry(SIGNED_IN, login_redirect=True),
    "partners:organisation_detail": Entry(NETWORK_READ, _organisation, login_redirect=True),
    "partners:organisation_edit": Entry(ORG_STAFF, _organisation, login_redirect=True),
    # The matrix organisation has no logo: 404 even for those who may see it (served logos:
    # tests/partners/directory/test_organisation_page.py).
    "partners:organisation_logo": Entry(row(302, 404, 404, 404, 404, 404), _organisation, login_redirect=True),
    # --- guidance services and the service map ---
    # The organisation's people (the observer and the member work there too) and its networks' coordinators.
    "partners:service_create": Entry(ORG_STAFF, _organisation, login_redirect=True),
    "partners:service_edit": Entry(ORG_STAFF, _service, login_redirect=True),
    "partners:service_delete": Entry(ORG_STAFF, _service, login_redirect=True),
    # Every signed-in person: each sees the services of the organisations visible to them.
    "servicemap:service_map": Entry(SIGNED_IN, login_redirect=True),
    # Only the services the person may see (tests/partners/directory/test_export.py).
    "servicemap:service_export": Entry(SIGNED_IN, lambda o: {"fmt": "xlsx"}, login_redirect=True),
    # --- people, profiles and affiliations ---
    "portal:profile_detail": Entry(SIGNED_IN, login_redirect=True),
    "portal:profile_edit": Entry(SIGNED_IN, login_redirect=True),
    "portal:person_detail": Entry(NETWORK_READ, lambda o: {"uuid": o.member.uuid}, login_redirect=True),
    "portal:people_list": Entry(SIGNED_IN, login_redirect=True),
    "portal:affiliation_create": Entry(SIGNED_IN, login_redirect=True),
    "portal:affiliation_end": Entry(OWN_ONLY, _member_affiliation, login_redirect=True),
}

# An empty POST gives the form (or the delete confirmation) back with errors; an empty POST to delete a service
# asks again (no confirm=yes).
POST = {
    "partners:organisation_edit": Entry(ORG_STAFF, _organisation),
    "partners:service_create": Entry(ORG_STAFF, _organisation),
    "partners:service_edit": Entry(ORG_STAFF, _service),
    "partners:service_delete": Entry(ORG_STAFF, _service),
    "portal:profile_edit": Entry(row(302, 200, 200, 200, 200, 200)),
    "portal:affiliation_create": Entry(row(302, 200, 200, 200, 200, 200)),
    "portal:affiliation_end": Entry(OWN_ONLY, _member_affiliation),
}

READ_ONLY = {
    "partners:organisation_list",
    "partners:organisation_detail",
    "partners:organisation_logo",
    "servicemap:service_map",
    "servicemap:service_export",
    "portal:profile_detail",
    "portal:person_detail",
    "portal:people_list",
}

CASES = []
