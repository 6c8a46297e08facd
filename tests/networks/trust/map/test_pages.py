"""The network map page: the sources switched on and off, the region and level filters, the accessible SVG
(focusable nodes with names), the tables that match the drawn ties, and the change over the trust surveys.
The survey's ties are the coordinators' (test_privacy.py: what the others see)."""

import pytest
from django.urls import reverse

from networks.trust import layout
from tests.networks.trust.map import builders
from tests.networks.trust.map.htmlparse import MapPage

pytestmark = pytest.mark.django_db

ALL = "?shown=1&sources=survey&sources=agreements&sources=meetings&sources=activities"


@pytest.fixture
def world(network, organisation):
    """Four more members: a survey tie a–b, an agreement b–c, a meeting c–d and an activity a–d."""
    a, b, c, d = builders.members(network, 4)
    network.memberships.filter(organisation=d).update(level="strategic")
    d.regions = ["lappi"]
    d.save()
    builders.closed_round(network, [a, b, c, d], [(a, b, 3)])
    builders.agreement(network, [b, c])
    builders.held_meeting(network, [c, d])
    builders.activity(network, [a, d])
    return a, b, c, d


def _page(client, network, query=""):
    response = client.get(reverse("trust:network_map", kwargs={"slug": network.slug}) + query)
    assert response.status_code == 200
    return MapPage(response.content.decode())


def _pairs(page):
    return sorted(tuple(sorted(row[:2])) for row in page.rows.get("map-tie", []))


def test_all_sources_are_on_by_default(client_for, coordinator, network, world):
    a, b, c, d = world
    page = _page(client_for(coordinator), network)
    assert _pairs(page) == sorted(
        tuple(sorted(p)) for p in [(a.name, b.name), (b.name, c.name), (c.name, d.name), (a.name, d.name)]
    )
    assert len(page.svgs[0]["lines"]) == 4


@pytest.mark.parametrize(
    ("source", "pair"), [("survey", (0, 1)), ("agreements", (1, 2)), ("meetings", (2, 3)), ("activities", (0, 3))]
)
def test_switching_a_source_off_removes_its_ties(client_for, coordinator, network, world, source, pair):
    query = ALL.replace(f"&sources={source}", "")
    page = _page(client_for(coordinator), network, query)
    names = sorted((world[pair[0]].name, world[pair[1]].name))
    assert tuple(names) not in _pairs(page)
    assert len(_pairs(page)) == 3
    assert len(page.svgs[0]["lines"]) == 3


def test_no_source_draws_no_ties(client_for, member, network, world):
    page = _page(client_for(member), network, "?shown=1")
    assert _pairs(page) == []
    assert page.svgs[0]["lines"] == []
    assert len(page.svgs[0]["nodes"]) == 5


def test_filters_by_region_and_level(client_for, coordinator, network, world):
    a, b, c, d = world
    page = _page(client_for(coordinator), network, ALL + "&region=lappi")
    assert [n["title"].split(":")[0] for n in page.svgs[0]["nodes"]] == [d.name]
    page = _page(client_for(coordinator), network, ALL + "&level=cooperation")
    assert d.name not in " ".join(n["title"] for n in page.svgs[0]["nodes"])
    assert _pairs(page) == sorted([tuple(sorted((a.name, b.name))), tuple(sorted((b.name, c.name)))])


def test_a_chosen_round_gives_its_survey_ties(client_for, coordinator, network, world):
    a, b, c, d = world
    older = builders.closed_round(network, [a, b, c, d], [(c, a, 4)], closed_days_ago=400)
    page = _page(client_for(coordinator), network, f"?shown=1&sources=survey&round={older.pk}")
    assert _pairs(page) == [tuple(sorted((a.name, c.name)))]
    assert "4" in page.rows["map-tie"][0][2]


def test_the_svg_is_accessible_with_focusable_named_nodes(client_for, member, network, world, organisation):
    page = _page(client_for(member), network)
    svg = page.svgs[0]
    assert "role" not in svg["attrs"]
    assert svg["attrs"]["aria-labelledby"] == "map-title"
    assert svg["titles"][0].startswith("Verkostokartta") or svg["titles"][0]
    nodes = svg["nodes"]
    assert len(nodes) == 5
    for node in nodes:
        assert node["href"].startswith("/organisations/")
        assert node["title"]
    d = world[3]
    (strategic,) = [n for n in nodes if n["title"].startswith(d.name)]
    assert "Strateginen kumppanuus" in strategic["title"] or "Strategic" in strategic["title"]
    assert "2" in strategic["title"]


def test_a_stronger_tie_is_a_wider_line(client_for, coordinator, network, world):
    a, b, _c, _d = world
    builders.agreement(network, [a, b])  # a–b: survey and agreements
    page = _page(client_for(coordinator), network, "?shown=1&sources=survey&sources=agreements")
    widths = sorted(line["width"] for line in page.svgs[0]["lines"])
    assert len(widths) == 2
    assert widths[0] < widths[1]


def test_the_node_table_says_level_and_degree(client_for, coordinator, network, world, organisation):
    page = _page(client_for(coordinator), network)
    rows = {row[0]: row for row in page.rows["map-node-row"]}
    assert rows[world[0].name][2] == "2"
    assert rows[organisation.name][2] == "0"
    assert rows[world[3].name][1] != rows[world[0].name][1]


def test_the_tie_table_shows_sources_and_weights(client_for, coordinator, network, world):
    a, b, _c, _d = world
    builders.agreement(network, [a, b])
    page = _page(client_for(coordinator), network)
    (row,) = [r for r in page.rows["map-tie"] if sorted(r[:2]) == sorted([a.name, b.name])]
    assert "3" in row[2]
    assert ";" in row[2]  # two sources


def test_the_map_is_drawn_once_then_taken_from_the_cache(client_for, member, network, world, monkeypatch):
    client = client_for(member)
    url = reverse("trust:network_map", kwargs={"slug": network.slug})

    def svg():
        return client.get(url).content.decode().split('class="trust-map"')[1].split("</svg>")[0]

    first = svg()
    monkeypatch.setattr(layout, "render_svg", lambda *a, **k: pytest.fail("drawn again"))
    assert svg() == first


def test_a_cached_map_follows_new_agreements_activities_and_ended_agreements(client_for, member, network, world):
    """A repeat view is drawn from the cache under the sources' fingerprint: any change behind a source draws
    the map again."""
    a, b, c, d = world
    client = client_for(member)
    assert (a.name, c.name) not in _pairs(_page(client, network)) and (b.name, d.name) not in _pairs(
        _page(client, network)
    )
    made = builders.agreement(network, [a, c])
    assert tuple(sorted((a.name, c.name))) in _pairs(_page(client, network))
    builders.activity(network, [b, d])
    assert tuple(sorted((b.name, d.name))) in _pairs(_page(client, network))
    type(made).objects.filter(pk=made.pk).update(status="expired")  # as the daily job ends it, without a save
    assert tuple(sorted((a.name, c.name))) not in _pairs(_page(client, network))


def test_empty_network_and_no_closed_survey(client_for, coordinator, other_network):
    from tests import factories

    factories.NetworkRoleFactory(network=other_network, user=coordinator, role="coordinator")
    response = client_for(coordinator).get(reverse("trust:network_map", kwargs={"slug": other_network.slug}))
    assert response.status_code == 200
    change = client_for(coordinator).get(reverse("trust:network_map_change", kwargs={"slug": other_network.slug}))
    assert change.status_code == 200


def test_change_over_time_uses_the_same_positions(client_for, coordinator, network, world):
    a, b, c, d = world
    builders.closed_round(network, [a, b, c, d], [(a, b, 2), (c, d, 2), (a, c, 1)], closed_days_ago=0)
    response = client_for(coordinator).get(reverse("trust:network_map_change", kwargs={"slug": network.slug}))
    html = response.content.decode()
    page = MapPage(html)
    first, second = page.svgs
    assert len(first["lines"]) == 1
    assert len(second["lines"]) == 3
    assert first["nodes"] == second["nodes"] == []  # the small pictures are not links
    circles_first = html.split('class="trust-map trust-map-small"')[1].split("</svg>")[0].count("<circle")
    assert circles_first == 5
    positions = [sorted(part.split("<circle ")[1:]) for part in html.split('class="trust-map trust-map-small"')[1:]]
    coords = [[c.split(' r="')[0] for c in p] for p in positions]
    assert coords[0] == coords[1]
    (change,) = page.rows["map-change"]
    assert change[2:4] == ["2", "0"]
    assert f"{a.name} – {c.name}" in change[4]


def test_invalid_filters_are_ignored_and_shown(client_for, coordinator, network, world):
    response = client_for(coordinator).get(
        reverse("trust:network_map", kwargs={"slug": network.slug}) + ALL + "&region=atlantis&round=999999&months=5"
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"region", "round", "months"}
    page = MapPage(response.content.decode())
    assert len(page.svgs[0]["nodes"]) == 5
    assert len(_pairs(page)) == 4


def test_working_together_leaves_out_awareness(client_for, coordinator, network, world):
    a, b, c, d = world
    builders.closed_round(network, [a, b, c, d], [(a, b, 1), (c, d, 2)], closed_days_ago=0)
    page = _page(client_for(coordinator), network, "?shown=1&sources=survey&closeness=working")
    assert _pairs(page) == [tuple(sorted((c.name, d.name)))]
