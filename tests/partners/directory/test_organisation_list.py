"""The organisation directory: what the person may see, its filters, pages and empty states, the query budget."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from networks.memberships.models import Membership
from partners.directory import selectors
from partners.directory.forms.organisations import OrganisationFilterForm
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus
from tests import factories
from tests.querybudget import assert_budget

LIST_URL = reverse("partners:organisation_list")


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    """Uploads go to a temporary folder; messages are compared in English (the source language)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def directory(network, other_network, organisation):
    """Organisations of the cast's network with different kinds, regions and languages."""
    organisation.kind = Organisation.Kind.ADULT_EDUCATION_CENTRE
    organisation.regions = ["keski-suomi"]
    organisation.languages = ["fi"]
    organisation.save()
    library = factories.OrganisationFactory(
        name="Jyväskylän kaupunginkirjasto",
        short_name="JKL-kirjasto",
        kind=Organisation.Kind.LIBRARY,
        regions=["keski-suomi", "pirkanmaa"],
        languages=["fi", "sv"],
    )
    employment = factories.OrganisationFactory(
        name="Työllisyyspalvelut",
        kind=Organisation.Kind.EMPLOYMENT_SERVICES,
        regions=["uusimaa"],
        languages=["fi", "en"],
    )
    factories.MembershipFactory(network=network, organisation=library)
    factories.MembershipFactory(network=network, organisation=employment, status=MembershipStatus.PAUSED)
    gone = factories.OrganisationFactory(name="Lähtenyt ry", kind=Organisation.Kind.NGO)
    factories.MembershipFactory(network=network, organisation=gone, status=MembershipStatus.LEFT)
    return {
        "library": library,
        "employment": employment,
        "gone": gone,
        "hidden": other_network.memberships.get().organisation,
    }


def names(response):
    return [o.name for o in response.context["page_obj"].object_list]


@pytest.mark.django_db
def test_directory_lists_what_the_person_may_see(client, member, directory, organisation):
    client.force_login(member)
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert names(response) == ["Jyväskylän kansalaisopisto", "Jyväskylän kaupunginkirjasto", "Työllisyyspalvelut"]
    # Another network's members and organisations that left are not listed.
    assert directory["hidden"].name not in response.text
    assert "Lähtenyt ry" not in response.text
    assert "Keski-Suomi" in response.text or "Central Finland" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "library"}, ["Jyväskylän kaupunginkirjasto"]),
        ({"region": "keski-suomi"}, ["Jyväskylän kansalaisopisto", "Jyväskylän kaupunginkirjasto"]),
        ({"region": "uusimaa"}, ["Työllisyyspalvelut"]),
        ({"language": "sv"}, ["Jyväskylän kaupunginkirjasto"]),
        ({"q": "KAUPUNGIN"}, ["Jyväskylän kaupunginkirjasto"]),
        ({"q": "jkl-kir"}, ["Jyväskylän kaupunginkirjasto"]),  # the short name
        ({"network": "keski-suomi", "language": "en"}, ["Työllisyyspalvelut"]),
        ({"region": "lappi"}, []),
    ],
)
def test_directory_filters(client, member, directory, query, expected):
    client.force_login(member)
    response = client.get(LIST_URL, query)
    assert response.status_code == 200
    assert names(response) == expected
    if not expected:
        assert "No organisations match these filters" in response.text


@pytest.mark.django_db
def test_network_filter_offers_only_visible_networks(client, member, directory, other_network):
    client.force_login(member)
    response = client.get(LIST_URL)
    assert 'value="keski-suomi"' in response.text
    assert 'value="toinen"' not in response.text
    # A guessed slug of another network is an invalid choice: ignored, never a way to peek.
    response = client.get(LIST_URL, {"network": "toinen"})
    assert response.status_code == 200
    assert "network" not in response.context["filters"]
    assert directory["hidden"].name not in names(response)


@pytest.mark.django_db
def test_selector_ignores_networks_the_user_does_not_see(member, directory, other_network):
    """The export calls the selector directly: a hidden network narrows to nothing, it leaks nothing."""
    assert list(selectors.organisation_directory(user=member, filters={"network": "toinen"})) == []
    both = selectors.organisation_directory(user=member, filters={"region": ["uusimaa", "pirkanmaa"]})
    assert [o.name for o in both] == ["Jyväskylän kaupunginkirjasto", "Työllisyyspalvelut"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"kind": "dragon"},
        {"region": "atlantis"},
        {"language": "xx"},
        {"network": "\x00"},
        {"q": "kirja\x00sto"},
        {"q": "x" * 500},
        {"page": "abc"},
        {"page": "99999"},
        {"region": ["keski-suomi", "uusimaa"]},
    ],
)
def test_bad_filters_are_ignored_never_an_error(client, member, directory, query):
    client.force_login(member)
    response = client.get(LIST_URL, query)
    # NUL bytes are refused by the portal's middleware (400) before the view; the rest are ignored.
    has_nul = any("\x00" in value for value in query.values() if isinstance(value, str))
    assert response.status_code == (400 if has_nul else 200)


@pytest.mark.django_db
def test_filter_form_has_labels_and_is_a_get_form(client, member, directory):
    client.force_login(member)
    html = client.get(LIST_URL).text
    form = re.search(r'<form[^>]*id="organisation-filters"[^>]*>', html).group(0)
    assert 'method="get"' in form
    for field in ("q", "kind", "region", "language", "network"):
        assert f'for="id_{field}"' in html
    assert "csrfmiddlewaretoken" not in html.split('id="organisation-filters"')[1].split("</form>")[0]


def test_filter_form_drops_invalid_values():
    class Nobody:
        is_authenticated = False

    form = OrganisationFilterForm({"kind": "library", "region": "atlantis", "q": "  "}, user=Nobody())
    assert form.filters() == {"kind": "library"}
    assert OrganisationFilterForm(None, user=Nobody()).filters() == {}


@pytest.mark.django_db
def test_directory_is_paginated_and_has_an_empty_state(client, member, network, organisation, outsider):
    client.force_login(outsider)
    response = client.get(LIST_URL)
    # The outsider sees their own network's organisation only.
    assert names(response) == ["Toinen org"]
    orgs = Organisation.objects.bulk_create(Organisation(name=f"Org {n:03}", slug=f"org-{n:03}") for n in range(60))
    Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)
    client.force_login(member)
    first = client.get(LIST_URL)
    assert first.context["page_obj"].paginator.count == 61
    assert len(first.context["page_obj"]) == 50
    assert len(client.get(LIST_URL, {"page": 2}).context["page_obj"]) == 11
    lonely = factories.UserFactory()
    client.force_login(lonely)
    assert "There are no organisations to show yet" in client.get(LIST_URL).text


@pytest.mark.django_db
def test_directory_actions_include_is_right_above_the_results(client, member, directory):
    client.force_login(member)
    response = client.get(LIST_URL)
    assert "partners/directory/includes/directory_actions.html" in [t.name for t in response.templates]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?region=keski-suomi&kind=library&language=fi&network=keski-suomi&q=org"])
def test_directory_query_budget(client, member, network, query):
    """The same number of queries at 10 and at 1,000 organisations."""

    def add(count, start):
        orgs = Organisation.objects.bulk_create(
            Organisation(
                name=f"Org {n:05}",
                slug=f"org-{n:05}",
                kind=Organisation.Kind.LIBRARY,
                regions=["keski-suomi", "uusimaa"],
                languages=["fi", "sv"],
            )
            for n in range(start, start + count)
        )
        Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)

    add(10, 0)
    client.force_login(member)
    response = client.get(LIST_URL + query)
    assert response.context["page_obj"].paginator.count >= 10
    assert_budget(client, LIST_URL + query, budget=8, grow=lambda: add(990, 10))
    assert client.get(LIST_URL + query).context["page_obj"].paginator.count >= 1000
