"""The signed-in endpoints' behaviour: cursor pages that walk every row once, the page size's bound, ETag and
304, the caching headers, the rate limit, and access that rests on a basis (leaving the network ends it)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from networks.memberships.models import NetworkRole, RoleBasis
from tests import factories
from tests.access_matrix.api import records
from tests.querybudget import grow_network


def _walk(api, url):
    seen, pages = [], 0
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        seen += body["items"]
        url = body["next"]
        pages += 1
    return seen, pages


def _meetings(network, organiser, n):
    starts = timezone.now().replace(microsecond=0)
    # many meetings at the same moment: the ordering's tiebreak (the id) decides
    return [
        factories.MeetingFactory(
            network=network,
            organiser=organiser,
            starts_at=starts - datetime.timedelta(days=i % 3),
            ends_at=starts + datetime.timedelta(hours=2),
        )
        for i in range(n)
    ]


def test_cursor_pages_walk_every_row_exactly_once(bearer, network, organisation, coordinator):
    meetings = _meetings(network, coordinator, 23)
    grow_network(network, organisation, 17)
    api = bearer(coordinator)
    seen, pages = _walk(api, reverse("api:meeting_list") + "?limit=5")
    assert [row["id"] for row in seen] == [
        m.pk for m in sorted(meetings, key=lambda m: (m.starts_at, m.pk), reverse=True)
    ]
    assert pages == 5
    orgs, _ = _walk(api, reverse("api:organisation_list") + "?limit=4")
    slugs = [row["slug"] for row in orgs]
    assert len(slugs) == len(set(slugs)) == 18  # the cast's organisation and the 17 members grown
    with CaptureQueriesContext(connection) as ctx:
        api.get(reverse("api:organisation_list") + "?limit=4&cursor=" + orgs_cursor(api))
    assert not any("OFFSET" in query["sql"] for query in ctx.captured_queries)


def orgs_cursor(api):
    return api.get(reverse("api:organisation_list") + "?limit=4").json()["next"].split("cursor=")[1]


@pytest.mark.parametrize("limit", ["0", "101", "x"])
def test_the_page_size_is_bounded(bearer, member, limit):
    assert bearer(member).get(reverse("api:network_list") + f"?limit={limit}").status_code == 422


@pytest.mark.parametrize("cursor", ["x", "WyJhIl0", "bm90IGpzb24", "WyJ4IiwgInkiXQ"])
def test_a_bad_cursor_is_a_400(bearer, member, cursor):
    response = bearer(member).get(reverse("api:meeting_list") + f"?cursor={cursor}")
    assert response.status_code == 400
    assert response.json() == {"detail": "Invalid cursor."}


def test_etag_and_304(bearer, member, network, coordinator):
    api = bearer(member)
    url = reverse("api:network_list")
    first = api.get(url)
    etag = first["ETag"]
    assert first["Cache-Control"] == "private, no-cache"
    not_modified = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert api.get(url, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    network.name = "Uusi nimi"
    network.save(update_fields=["name"])
    changed = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_the_rate_limit_per_token(bearer, member, settings):
    settings.API_RATE_PER_TOKEN = 3
    api, other = bearer(member), bearer(member)
    url = reverse("api:network_list")
    assert [api.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = api.get(url)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= settings.API_RATE_WINDOW
    assert other.get(url).status_code == 200  # each token its own


def test_leaving_the_network_ends_what_the_api_gives(bearer, objs):
    records(objs)
    api = bearer(objs.member)
    urls = {
        name: reverse(f"api:{name}_list")
        for name in ("network", "organisation", "meeting", "goal", "decision", "action_item")
    }
    before = {name: len(api.get(url).json()["items"]) for name, url in urls.items()}
    assert all(before.values()), before
    detail = reverse("api:meeting_detail", kwargs={"id": objs.api_meeting.pk})
    assert api.get(detail).status_code == 200
    # the member's role rests on working for the member organisation: the affiliation ends, the role with it
    from partners.directory.services import affiliation_end

    NetworkRole.objects.filter(user=objs.member).update(basis=RoleBasis.ORGANISATION, organisation=objs.organisation)
    affiliation = objs.member.affiliations.get(organisation=objs.organisation)
    affiliation_end(affiliation=affiliation, until=timezone.localdate())
    assert not NetworkRole.objects.filter(user=objs.member).exists()
    after = {name: api.get(url).json()["items"] for name, url in urls.items()}
    assert after == {name: [] for name in urls}
    assert api.get(detail).status_code == 404
