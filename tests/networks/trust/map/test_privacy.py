"""What one organisation said of another in a trust survey is for the network's coordinators only: members and
observers see the map without the survey's ties (no survey source, round or closeness to choose, no
relationship in the tie table, nothing of it from the cache) and not the change over the surveys."""

import pytest
from django.urls import reverse
from django.utils import translation

from networks.trust.models import Relationship
from tests.networks.trust.map import builders
from tests.networks.trust.map.htmlparse import MapPage

pytestmark = pytest.mark.django_db

SURVEY_QUERY = "?shown=1&sources=survey&sources=agreements&sources=meetings&sources=activities&closeness=working"


@pytest.fixture
def world(network, organisation):
    """Four more members: a survey tie a–b (coordination), an agreement b–c, a meeting c–d and an activity a–d."""
    a, b, c, d = builders.members(network, 4)
    round_ = builders.closed_round(network, [a, b, c, d], [(a, b, 3)])
    builders.agreement(network, [b, c])
    builders.held_meeting(network, [c, d])
    builders.activity(network, [a, d])
    return a, b, c, d, round_


def _get(client, network, query=""):
    response = client.get(reverse("trust:network_map", kwargs={"slug": network.slug}) + query)
    assert response.status_code == 200
    return response


def _pairs(page):
    return sorted(tuple(sorted(row[:2])) for row in page.rows.get("map-tie", []))


def _relationship_labels():
    labels = set()
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            labels |= {str(label) for label in Relationship.labels if label}
    return labels


@pytest.fixture(params=["member", "observer"])
def reader(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("query", ["", SURVEY_QUERY])
def test_members_and_observers_see_no_survey_ties(client_for, reader, network, world, query):
    a, b, c, d, round_ = world
    response = _get(client_for(reader), network, query + (f"&round={round_.pk}" if query else ""))
    html = response.content.decode()
    page = MapPage(html)
    expected = sorted(tuple(sorted(p)) for p in [(b.name, c.name), (c.name, d.name), (a.name, d.name)])
    assert _pairs(page) == expected
    assert len(page.svgs[0]["lines"]) == 3
    cells = " ".join(row[2] for row in page.rows["map-tie"])
    assert not any(label in cells for label in _relationship_labels())
    assert "survey" not in response.context["filters"]["sources"]
    assert not response.context["form"].errors  # a coordinator's link is no error, the survey is left out
    assert 'value="survey"' not in html
    assert 'name="round"' not in html
    assert 'name="closeness"' not in html
    assert round_.title not in html
    assert "map-survey-note" in html
    assert reverse("trust:network_map_change", kwargs={"slug": network.slug}) not in html


def test_the_coordinator_sees_the_survey_and_its_choices(client_for, coordinator, network, world):
    a, b, _c, _d, _round = world
    response = _get(client_for(coordinator), network)
    html = response.content.decode()
    page = MapPage(html)
    assert tuple(sorted((a.name, b.name))) in _pairs(page)
    (row,) = [r for r in page.rows["map-tie"] if sorted(r[:2]) == sorted([a.name, b.name])]
    assert any(label in row[2] for label in _relationship_labels())
    assert 'value="survey"' in html
    assert 'name="round"' in html
    assert 'name="closeness"' in html
    assert "map-survey-note" not in html
    assert reverse("trust:network_map_change", kwargs={"slug": network.slug}) in html


def test_a_coordinators_cached_map_is_not_served_to_a_member(client_for, coordinator, member, network, world):
    drawn = _get(client_for(coordinator), network)
    assert len(MapPage(drawn.content.decode()).svgs[0]["lines"]) == 4
    seen = _get(client_for(member), network)
    page = MapPage(seen.content.decode())
    assert len(page.svgs[0]["lines"]) == 3
    assert page.svgs[0]["titles"] != MapPage(drawn.content.decode()).svgs[0]["titles"]


def test_the_change_over_the_surveys_is_the_coordinators(client_for, coordinator, member, observer, network, world):
    url = reverse("trust:network_map_change", kwargs={"slug": network.slug})
    assert client_for(member).get(url).status_code == 403
    assert client_for(observer).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 200
