"""The service map: only the services the person may see, its filters and region counts, pages, the query budget."""

import pytest
from django.urls import reverse

from networks.memberships.models import Membership
from partners.directory.models import GuidanceService, Organisation
from portal.lib.access import MembershipStatus, Role
from portal.lib.choices import Region
from tests import factories
from tests.querybudget import assert_budget

MAP_URL = "/services/"


@pytest.fixture
def catalogue(network, organisation):
    """Services of three organisations in the network, and one of an organisation outside it."""
    library = factories.OrganisationFactory(name="Keski-kirjastot", slug="keski-kirjastot", kind="library")
    ohjaamo = factories.OrganisationFactory(name="Ohjaamo Jyväskylä", slug="ohjaamo", kind="ohjaamo")
    for org in (library, ohjaamo):
        factories.MembershipFactory(network=network, organisation=org)
    stranger = factories.OrganisationFactory(name="Muualla oy", slug="muualla")
    make = factories.GuidanceServiceFactory
    return {
        "opinto": make(
            organisation=organisation,
            name="Henkilökohtainen opinto-ohjaus",
            level="guidance",
            channels=["face_to_face", "online"],
            target_groups=["career_changers"],
            languages=["fi", "sv"],
            regions=["keski-suomi", "pirkanmaa"],
        ),
        "digi": make(
            organisation=library,
            name="Kirjaston digineuvonta",
            level="advice",
            channels=["face_to_face", "group"],
            target_groups=["seniors"],
            languages=["fi"],
            regions=["keski-suomi"],
            description="Apua älypuhelimen ja verkkoasioinnin kanssa.",
        ),
        "ohjaamo": make(
            organisation=ohjaamo,
            name="Ohjaamon matalan kynnyksen neuvonta",
            level="information",
            channels=["chat", "phone"],
            target_groups=["young_adults", "immigrants"],
            languages=["fi", "en", "ar"],
            regions=["keski-suomi", "uusimaa"],
        ),
        "hidden": make(organisation=stranger, name="Salainen palvelu", languages=["fi"], regions=["uusimaa"]),
    }


def _names(response):
    return {service.name for service in response.context["page_obj"].object_list}


@pytest.mark.django_db
def test_map_shows_only_services_the_person_may_see(client, member, catalogue):
    client.force_login(member)
    response = client.get(MAP_URL)
    assert response.status_code == 200
    assert _names(response) == {
        "Henkilökohtainen opinto-ohjaus",
        "Kirjaston digineuvonta",
        "Ohjaamon matalan kynnyksen neuvonta",
    }
    assert "Salainen palvelu" not in response.text
    # Each row links to its organisation.
    assert reverse("partners:organisation_detail", kwargs={"slug": "keski-kirjastot"}) in response.text


@pytest.mark.django_db
def test_outsider_sees_none_of_this_networks_services(client, outsider, catalogue):
    client.force_login(outsider)
    response = client.get(MAP_URL)
    assert response.status_code == 200
    assert _names(response) == set()
    assert all(row["count"] == 0 for row in response.context["region_counts"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"level": "advice"}, {"digi"}),
        ({"level": "guidance"}, {"opinto"}),
        ({"channel": "face_to_face"}, {"opinto", "digi"}),
        ({"channel": "chat"}, {"ohjaamo"}),
        ({"target_group": "immigrants"}, {"ohjaamo"}),
        ({"language": "fi"}, {"opinto", "digi", "ohjaamo"}),
        ({"language": "sv"}, {"opinto"}),
        ({"region": "uusimaa"}, {"ohjaamo"}),
        ({"region": "pirkanmaa"}, {"opinto"}),
        ({"kind": "library"}, {"digi"}),
        ({"organisation": "ohjaamo"}, {"ohjaamo"}),
        ({"organisation": "kirjasto"}, {"digi"}),
        ({"q": "verkkoasioinnin"}, {"digi"}),
        ({"q": "opinto"}, {"opinto"}),
        ({"network": "keski-suomi"}, {"opinto", "digi", "ohjaamo"}),
        ({"language": "fi", "region": "keski-suomi", "level": "information"}, {"ohjaamo"}),
        ({"language": "sv", "channel": "chat"}, set()),
    ],
)
def test_map_filters(client, member, catalogue, query, expected):
    client.force_login(member)
    response = client.get(MAP_URL, query)
    assert response.status_code == 200
    assert not response.context["form"].errors
    assert _names(response) == {catalogue[key].name for key in expected}


@pytest.mark.django_db
def test_network_filter_only_counts_current_members(client, member, network, other_network, catalogue):
    """A network the person is in; an organisation that has left it no longer shows under it."""
    factories.NetworkRoleFactory(network=other_network, user=member, role=Role.MEMBER)
    other_org = other_network.memberships.get().organisation
    factories.GuidanceServiceFactory(organisation=other_org, name="Toisen verkoston palvelu")
    Membership.objects.filter(network=network, organisation__slug="ohjaamo").update(status=MembershipStatus.LEFT)
    client.force_login(member)
    assert _names(client.get(MAP_URL, {"network": "toinen"})) == {"Toisen verkoston palvelu"}
    assert _names(client.get(MAP_URL, {"network": "keski-suomi"})) == {
        "Henkilökohtainen opinto-ohjaus",
        "Kirjaston digineuvonta",
    }


@pytest.mark.django_db
def test_network_filter_offers_only_the_persons_networks(client, member, other_network, catalogue):
    client.force_login(member)
    response = client.get(MAP_URL, {"network": "toinen"})
    assert "network" in response.context["form"].errors  # not theirs: a form error, the filter ignored
    assert len(_names(response)) == 3
    assert 'value="toinen"' not in response.text


@pytest.mark.django_db
def test_region_counts(client, member, catalogue):
    client.force_login(member)
    counts = {row["value"]: row["count"] for row in client.get(MAP_URL).context["region_counts"]}
    assert list(counts) == Region.values  # all 19, in the vocabulary's order
    assert counts["keski-suomi"] == 3
    assert counts["uusimaa"] == 1  # the hidden service in Uusimaa is not counted
    assert counts["pirkanmaa"] == 1
    assert sum(counts.values()) == 5

    # Counts follow the other filters, but not the region filter itself.
    response = client.get(MAP_URL, {"language": "fi", "channel": "face_to_face", "region": "pirkanmaa"})
    counts = {row["value"]: row["count"] for row in response.context["region_counts"]}
    assert counts["keski-suomi"] == 2
    assert counts["pirkanmaa"] == 1
    assert counts["uusimaa"] == 0
    assert _names(response) == {"Henkilökohtainen opinto-ohjaus"}
    # A service listing a region twice still counts once.
    GuidanceService.objects.filter(pk=catalogue["digi"].pk).update(regions=["keski-suomi", "keski-suomi"])
    counts = {row["value"]: row["count"] for row in client.get(MAP_URL).context["region_counts"]}
    assert counts["keski-suomi"] == 3


@pytest.mark.django_db
def test_clicking_a_region_filters(client, member, catalogue):
    client.force_login(member)
    response = client.get(MAP_URL, {"language": "fi"})
    assert 'href="?language=fi&amp;region=uusimaa&amp;page=1"' in response.text
    chosen = client.get(MAP_URL, {"language": "fi", "region": "uusimaa", "page": "1"})
    assert _names(chosen) == {"Ohjaamon matalan kynnyksen neuvonta"}
    assert 'aria-current="true"' in chosen.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "level=therapy",
        "network=no-such-network",
        "region=atlantis&region=uusimaa",
        "language=" + "x" * 5000,
        "q=" + "y" * 5000,
        "kind[]=library",
        "page=-1",
        "page=abc",
        "page=99999",
        "level=advice&level=guidance",
        "q=%27%3B%20DROP%20TABLE%20x%3B--",
    ],
)
def test_bad_query_strings_never_fail(client, member, catalogue, query):
    client.force_login(member)
    response = client.get(f"{MAP_URL}?{query}")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["channel=%00", "q=%00", "organisation=a%00b", "network=%00", "%00=%00"])
def test_nul_bytes_in_the_query_string_get_400(client, member, catalogue, query):
    client.force_login(member)
    assert client.get(f"{MAP_URL}?{query}").status_code == 400


@pytest.mark.django_db
def test_a_bad_filter_is_ignored_and_the_others_apply(client, member, catalogue):
    client.force_login(member)
    response = client.get(MAP_URL, {"level": "therapy", "language": "sv"})
    assert "level" in response.context["form"].errors
    assert _names(response) == {"Henkilökohtainen opinto-ohjaus"}


@pytest.mark.django_db
def test_map_is_paginated(client, member, organisation):
    factories.GuidanceServiceFactory.create_batch(55, organisation=organisation)
    client.force_login(member)
    first = client.get(MAP_URL)
    assert len(first.context["page_obj"]) == 50
    assert first.context["page_obj"].paginator.count == 55
    assert len(client.get(MAP_URL, {"page": 2}).context["page_obj"]) == 5


@pytest.mark.django_db
def test_map_refuses_post(client, member):
    client.force_login(member)
    assert client.post(MAP_URL).status_code == 405


# --- query budget ---------------------------------------------------------------------------------


def _add_organisations_with_services(network, count, start):
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Budjettiorganisaatio {n:05d}", slug=f"budjetti-{n:05d}", kind="library")
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(network=network, organisation=org, status=MembershipStatus.ACTIVE) for org in organisations
    )
    GuidanceService.objects.bulk_create(
        GuidanceService(
            organisation=org,
            name=f"Palvelu {i}",
            level=GuidanceService.Level.values[i % 3],
            channels=["online"],
            target_groups=["everyone"],
            languages=["fi", "sv"][: 1 + i % 2],
            regions=[Region.values[i % 19], Region.values[(i + 5) % 19]],
        )
        for org in organisations
        for i in range(2)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?language=fi&region=uusimaa&kind=library&network=keski-suomi&q=Palvelu"])
def test_service_map_query_budget(client, member, network, query):
    _add_organisations_with_services(network, 10, 0)
    client.force_login(member)
    # session, user, MFA check, networks for the filter form (+1 to check a chosen network),
    # count, a page of services with their organisations, region counts, the header's unread count
    assert_budget(
        client,
        MAP_URL + query,
        budget=9 if query else 8,
        grow=lambda: _add_organisations_with_services(network, 990, 10),
    )
