"""Query budgets (HOUSE-STYLE rule 22): a page's query count must not grow with the data; and a network to grow.

A signed-in person's full page counts, besides its own queries, the session, the user, the MFA requirement and
the header's unread notifications (one query each); a fragment (htmx) or a visitor's page has no unread count.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from networks.memberships.models import Membership, NetworkRole
from partners.directory.models import Affiliation
from tests import factories


def count_queries(client, url) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


def assert_budget(client, url, *, budget: int, grow) -> None:
    """Fetch ``url``, call ``grow()`` to add much more data, fetch again: both within ``budget`` and equal.

    ``grow`` should multiply the rows the page lists (e.g. 3 → 300).
    """
    small, _ = count_queries(client, url)
    grow()
    large, large_sql = count_queries(client, url)
    detail = "\n".join(large_sql)
    assert small == large, f"{url}: {small} queries with little data, {large} with much:\n{detail}"
    assert large <= budget, f"{url}: {large} queries, budget {budget}:\n{detail}"


def grow_network(network, organisation, n) -> None:
    """Add ``n`` member organisations to ``network`` and ``n`` people working for ``organisation``, a tenth of
    them coordinators of the network and the rest members."""
    orgs = factories.OrganisationFactory.create_batch(n)
    Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)
    people = factories.UserFactory.create_batch(n)
    NetworkRole.objects.bulk_create(NetworkRole(network=network, user=p, role="coordinator") for p in people[: n // 10])
    NetworkRole.objects.bulk_create(NetworkRole(network=network, user=p, role="member") for p in people[n // 10 :])
    Affiliation.objects.bulk_create(Affiliation(user=p, organisation=organisation, primary=True) for p in people)
