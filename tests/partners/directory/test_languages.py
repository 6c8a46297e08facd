"""Organisations, services and networks in three languages: the reader's language with a marked fallback on
their pages, plain text with its ``lang`` in lists, filters that find every language, the Finnish (original)
column for order and for code, and query budgets that do not change with the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from networks.memberships.models import Membership, Network
from partners.directory.models import GuidanceService, Organisation
from tests import factories
from tests.querybudget import assert_budget, grow_network

pytestmark = pytest.mark.django_db
SWEDISH = {"accept-language": "sv"}


@pytest.fixture
def swedish_client(client, member):
    client.force_login(member)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sv"
    return client


def detail_url(organisation):
    return reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})


def test_the_organisation_page_shows_the_swedish_name_and_marks_the_finnish_description(
    swedish_client, network, organisation
):
    organisation.name_sv = "Jyväskylä medborgarinstitut"
    organisation.description_fi = "Aikuisten ohjausta."
    organisation.save()
    page = swedish_client.get(detail_url(organisation)).text
    assert '<h1 class="mb-1">Jyväskylä medborgarinstitut</h1>' in page
    assert '<div lang="fi"><p>Aikuisten ohjausta.</p></div> <small class="text-body-secondary fallback-mark">' in page
    assert "(på finska)" in page


def test_without_a_swedish_name_the_finnish_one_is_marked(swedish_client, network, organisation):
    page = swedish_client.get(detail_url(organisation)).text
    assert '<h1 class="mb-1"><span lang="fi">Jyväskylän kansalaisopisto</span> <small' in page
    assert "(på finska)" in page


def test_a_service_is_shown_in_the_readers_language(swedish_client, network, organisation):
    factories.GuidanceServiceFactory(
        organisation=organisation, name_fi="Urasuunnittelu", name_sv="Karriärplanering", description_en="In English."
    )
    page = swedish_client.get(detail_url(organisation)).text
    assert "Karriärplanering" in page and "Urasuunnittelu" not in page
    assert '<div lang="en"><p>In English.</p></div>' in page and "(på engelska)" in page


def test_the_network_page_marks_a_fallback(swedish_client, network):
    network.description_fi = "Keski-Suomen aikuisohjaus."
    network.name_sv = "Mellersta Finlands vägledningsnätverk"
    network.save()
    page = swedish_client.get(reverse("networks:network_detail", kwargs={"slug": network.slug})).text
    assert "Mellersta Finlands vägledningsnätverk</h1>" in page
    assert '<div lang="fi"><p>Keski-Suomen aikuisohjaus.</p></div>' in page and "(på finska)" in page


def test_lists_show_the_readers_language_without_a_mark_but_with_lang(swedish_client, network, organisation):
    other = factories.OrganisationFactory(name="Gradia", name_sv="Gradia på svenska")
    Membership.objects.create(network=network, organisation=other, status="active")
    page = swedish_client.get(reverse("partners:organisation_list")).text
    assert "Gradia på svenska" in page
    assert '<span lang="fi">Jyväskylän kansalaisopisto</span>' in page
    assert "(på finska)" not in page


def test_the_directory_finds_a_swedish_name_from_a_finnish_page(client, member, network, organisation):
    organisation.name_sv = "Medborgarinstitutet"
    organisation.save()
    client.force_login(member)
    found = client.get(reverse("partners:organisation_list"), {"q": "medborgar"}).context["page_obj"]
    assert [org.pk for org in found] == [organisation.pk]


def test_the_service_map_finds_a_swedish_service_name(client, member, network, organisation):
    service = factories.GuidanceServiceFactory(organisation=organisation, name="Urasuunnittelu", name_sv="Karriär")
    client.force_login(member)
    response = client.get(reverse("servicemap:service_map"), {"q": "karriär"})
    assert service.name_fi in response.text


def test_lists_are_in_the_order_of_the_finnish_names_in_every_language(swedish_client, network, organisation):
    """The original column (the Finnish name) orders the lists: on a Swedish page, organisations without a
    Swedish name do not sort first, and the (name, id) index keeps serving."""
    for name_fi, name_sv in (("Aalto", "Ö-nimi"), ("Öljy", "")):
        org = factories.OrganisationFactory(name=name_fi, name_sv=name_sv)
        Membership.objects.create(network=network, organisation=org, status="active")
    with translation.override("sv"):
        names = list(Organisation.objects.filter(memberships__network=network).values_list("name", flat=True))
        assert names == ["Aalto", "Jyväskylän kansalaisopisto", "Öljy"]
        query = str(Organisation.objects.order_by("name").query)
    assert '"partners_organisation"."name" ASC' in query and "name_sv" not in query.split("ORDER BY")[1]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_budgets_are_the_same_in_every_language(client, member, network, organisation, language):
    """The same counts as the Finnish budgets (tests/partners/directory/test_budgets.py and
    tests/networks/memberships/test_budgets.py, with the header's unread count): the language columns are on
    the same row."""
    grow_network(network, organisation, 3)
    client.force_login(member)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    assert_budget(client, detail_url(organisation), budget=11, grow=lambda: grow_network(network, organisation, 30))
    url = reverse("networks:network_detail", kwargs={"slug": network.slug})
    assert_budget(client, url, budget=11, grow=lambda: grow_network(network, organisation, 30))


def test_code_writes_the_finnish_column_whatever_the_language():
    """``Model(name=…)``, ``obj.name = …`` and ``update_fields=["name"]`` mean the Finnish (original) column,
    as queries do; only reading ``obj.name`` follows the reader."""
    with translation.override("en"):
        organisation = Organisation.objects.create(name="Ohjaamo", slug="ohjaamo")
        organisation.name_sv = "Navigatorn"
        organisation.save()
    with translation.override("sv"):
        organisation.name = "Ohjaamo Jyväskylä"
        organisation.save(update_fields=["name"])
        organisation.refresh_from_db()
        assert organisation.name == "Navigatorn"
    row = Organisation.objects.filter(pk=organisation.pk).values("name", "name_fi", "name_sv", "name_en").get()
    assert row == {
        "name": "Ohjaamo Jyväskylä",
        "name_fi": "Ohjaamo Jyväskylä",
        "name_sv": "Navigatorn",
        "name_en": None,
    }


def test_the_original_column_follows_the_finnish_one_also_in_bulk(organisation):
    network = Network.objects.bulk_create([Network(name="Verkko", slug="verkko")])[0]
    organisation.name_fi = "Uusi nimi"
    organisation.save(update_fields=["name_fi"])
    assert Organisation.objects.filter(pk=organisation.pk, name="Uusi nimi").exists()
    assert Network.objects.filter(pk=network.pk, name="Verkko", name_fi="Verkko").exists()


def test_a_service_created_in_swedish_keeps_its_finnish_name(organisation):
    from partners.directory import services

    with translation.override("sv"):
        service = services.service_create(
            organisation=organisation, level="advice", channels=["phone"], languages=["sv"], name="Rådgivning"
        )
    stored = GuidanceService.objects.values("name", "name_fi", "name_sv").get(pk=service.pk)
    assert stored == {"name": "Rådgivning", "name_fi": "Rådgivning", "name_sv": None}
