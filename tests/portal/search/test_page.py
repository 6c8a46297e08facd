"""The search page: signed-in people only, only visible results grouped by kind with links, more than ten to a
kind paginated, friendly answers to bad input, the header's search box, the query budget."""

from dataclasses import replace

import pytest
from django.urls import reverse

from networks.memberships.models import Membership, NetworkRole
from partners.directory.models import Organisation
from portal.accounts.models import User
from portal.search import index, query
from portal.search.models import SearchKind
from tests import factories
from tests.querybudget import assert_budget

SEARCH = reverse("portal:search")


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_the_page_shows_only_visible_results(client_for, member, outsider):
    response = client_for(outsider).get(SEARCH, {"q": "kaupungin"})
    assert response.status_code == 200
    assert "Jyväskylän kaupunki" not in response.content.decode()
    response = client_for(member).get(SEARCH, {"q": "kaupungin"})
    assert "Jyväskylän kaupunki" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(SEARCH, {"q": "kaupunki"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_the_page_groups_results_and_links_to_the_objects(client_for, member, city):
    person = city.affiliations.get().user
    response = client_for(member).get(SEARCH, {"q": "jyväskylä"})
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("partners:organisation_detail", kwargs={"slug": city.slug}) in html
    response = client_for(member).get(SEARCH, {"q": "virtanen"})
    assert reverse("portal:person_detail", kwargs={"uuid": person.uuid}) in response.content.decode()
    # A service links to its organisation's page.
    response = client_for(member).get(SEARCH, {"q": "ohjauspalvelut"})
    groups = response.context["groups"]
    assert [group.kind for group in groups] == [SearchKind.SERVICE]
    assert groups[0].results[0].url == reverse("partners:organisation_detail", kwargs={"slug": city.slug})


@pytest.mark.django_db
def test_more_than_ten_results_link_to_one_kind_paginated(client_for, member, network):
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Kirjasto {n:02d}", slug=f"kirjasto-{n}") for n in range(25)
    )
    for org in orgs:
        factories.MembershipFactory(network=network, organisation=org)
    index.rebuild()
    client = client_for(member)
    response = client.get(SEARCH, {"q": "kirjastot"})
    (group,) = response.context["groups"]
    assert (group.count, len(group.results), group.has_more) == (25, 10, True)
    more = f"{SEARCH}?q=kirjastot&amp;kind=organisation"
    assert more in response.content.decode()

    response = client.get(SEARCH, {"q": "kirjastot", "kind": "organisation", "page": "2"})
    page = response.context["page_obj"]
    assert page.paginator.count == 25
    assert len(page.object_list) == 5
    assert all(entry.url.startswith("/organisations/kirjasto-") for entry in page.object_list)


@pytest.mark.django_db
def test_the_overview_counts_each_kind_only_up_to_its_cap(client_for, member, network, monkeypatch):
    """A word that many match: the overview reads a bounded number per kind, says "20+", and links to the
    kind's list, which counts them all."""
    monkeypatch.setattr(query, "CANDIDATES", 20)
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Kirjasto {n:02d}", slug=f"kirjasto-{n}") for n in range(25)
    )
    for org in orgs:
        factories.MembershipFactory(network=network, organisation=org)
    index.rebuild()
    response = client_for(member).get(SEARCH, {"q": "kirjastot"})
    (group,) = response.context["groups"]
    assert (group.count, group.capped, len(group.results), group.has_more) == (20, True, 10, True)
    assert "20+" in response.content.decode()
    response = client_for(member).get(SEARCH, {"q": "kirjastot", "kind": "organisation"})
    assert response.context["page_obj"].paginator.count == 25


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, None),
        ({"q": ""}, None),
        ({"q": "   "}, None),
        ({"q": "x" * 500}, "too long"),
        ({"q": "?!"}, "letters or numbers"),
        ({"q": "kaupunki", "kind": "bogus"}, None),
        ({"q": "kaupunki", "kind": "person", "page": "abc"}, None),
        ({"q": "kaupunki", "kind": ["person", "network"]}, None),
    ],
)
def test_bad_input_gets_a_friendly_answer(client_for, member, params, message):
    response = client_for(member).get(SEARCH, params, headers={"accept-language": "en"})
    assert response.status_code == 200
    if message:
        assert message in response.content.decode()


@pytest.mark.django_db
def test_a_nul_byte_is_refused_not_a_500(client_for, member):
    response = client_for(member).get(SEARCH, {"q": "kau\x00punki"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_nothing_found_says_so(client_for, member):
    response = client_for(member).get(SEARCH, {"q": "olematon"})
    assert response.status_code == 200
    assert "ei löytynyt mitään" in response.content.decode()  # the default language is Finnish


@pytest.mark.django_db
def test_the_header_has_a_search_box_for_signed_in_people(client_for, member):
    html = client_for(member).get(reverse("portal:profile_detail")).content.decode()
    assert 'role="search"' in html
    assert f'action="{SEARCH}"' in html
    assert 'for="header-search"' in html
    html = client_for(None).get(reverse("portal:home")).content.decode()
    assert 'id="header-search"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [None, "organisation", "person"])
def test_query_budget(client_for, member, network, organisation, kind):
    """The same number of queries at 10 and at 1,000 matching organisations (and people)."""

    def add(first, count):
        orgs = Organisation.objects.bulk_create(
            Organisation(name=f"Esimerkkiorganisaatio {n}", slug=f"esim-{n}") for n in range(first, first + count)
        )
        Membership.objects.bulk_create(Membership(network=network, organisation=org) for org in orgs)
        people = User.objects.bulk_create(
            User(email=f"olli{org.pk}@example.fi", first_name="Olli", last_name=f"Organisaatio{org.pk}")
            for org in orgs[: max(2, count // 20)]
        )
        NetworkRole.objects.bulk_create(NetworkRole(network=network, user=person) for person in people)
        index.rebuild()

    add(0, 10)
    url = f"{SEARCH}?q=organisaatio" + (f"&kind={kind}" if kind else "")
    # session, user, the MFA check, the header's unread count, then the grouped results (count + page for one kind),
    # for every kind the person's networks first (the network records' first cut); no organisation's words match
    # "organisaatio" (a compound's part), so the list of organisations reads names alike through the trigram
    # indexes (no sequential scans, the names, the setting put back)
    budget = {None: 7, "organisation": 8, "person": 6}[kind]
    assert_budget(client_for(member), url, budget=budget, grow=lambda: add(10, 990))


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_the_overview_leaves_out_a_kind_whose_visible_to_is_none(member, monkeypatch):
    """A kind whose ``visible_to`` answers ``none()`` is left out of the one query (not an error)."""
    goals = index.source(SearchKind.GOAL)
    monkeypatch.setitem(
        index._sources, SearchKind.GOAL, replace(goals, visible=lambda user: goals.model.objects.none())
    )
    assert SearchKind.GOAL not in {group.kind for group in query.grouped(member, query.parse("kaupungin"))}
