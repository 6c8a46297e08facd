"""Access-matrix rows of the public guidance finder: anyone may read its pages, signed in or not, in every role;
a service that is not public, an organisation without a public service and a private network that lists no site
are 404 for everyone (cases). The pages only read: a POST is 405 (tests/networks/finder/test_pages.py)."""

from tests import factories
from tests.access_matrix.rows import PUBLIC, Case, Entry, row

NOBODY = row(404, 404, 404, 404, 404, 404)


def _public_service(objs):
    if not hasattr(objs, "public_service"):
        objs.public_service = factories.GuidanceServiceFactory(organisation=objs.organisation, is_public=True)
    return objs.public_service


def _service(objs):
    return {"slug": objs.organisation.slug, "pk": _public_service(objs).pk}


def _organisation(objs):
    _public_service(objs)
    return {"slug": objs.organisation.slug}


def _network(objs):
    _public_service(objs)
    objs.network.embed_origins = ["https://www.example.fi"]
    objs.network.save()
    return {"slug": objs.network.slug}


def _hidden_service(objs):
    return {"slug": objs.organisation.slug, "pk": factories.GuidanceServiceFactory(organisation=objs.organisation).pk}


def _private_network(objs):
    _public_service(objs)
    return {"slug": objs.network.slug}


GET = {
    "finder:finder": Entry(PUBLIC),
    "finder:service": Entry(PUBLIC, _service),
    "finder:organisation": Entry(PUBLIC, _organisation),
    # The matrix organisation has no logo: 404 for everyone (a served logo: tests/networks/finder/test_pages.py).
    "finder:organisation_logo": Entry(NOBODY, _organisation),
    "finder:embed_network": Entry(PUBLIC, _network),
    "finder:embed_organisation": Entry(PUBLIC, _organisation),
    "sitemap": Entry(PUBLIC),
}

POST = {}

READ_ONLY = set(GET)

CASES = [
    Case("finder:service", "not public", Entry(NOBODY, _hidden_service)),
    Case("finder:organisation", "no public service", Entry(NOBODY, lambda objs: {"slug": objs.organisation.slug})),
    Case(
        "finder:embed_organisation", "no public service", Entry(NOBODY, lambda objs: {"slug": objs.organisation.slug})
    ),
    Case("finder:embed_network", "private and no site listed", Entry(NOBODY, _private_network)),
]
