"""What a search finds: inflected forms, compound parts, Swedish, choices' labels, typos, prefixes, every word,
ranking; only what the person may see; rebuilding the index."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from partners.directory.models import GuidanceService, Organisation
from portal.accounts.models import User
from portal.search import index
from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.portal.search.search_helpers import titles

# --- finding things -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_inflected_forms_find_each_other(member):
    assert titles(member, "kaupungin", SearchKind.ORGANISATION) == ["Jyväskylän kaupunki"]
    assert titles(member, "Jyväskylässä kaupungissa", SearchKind.ORGANISATION) == ["Jyväskylän kaupunki"]
    # ... and the other way round: the base form finds an inflected name.
    factories.OrganisationFactory(name="Jyväskylän kaupungin kirjasto", slug="kirjasto")
    index.rebuild()
    assert "Jyväskylän kaupunki" in titles(member, "kaupunki", SearchKind.ORGANISATION)
    assert titles(member, "koulutuksen", SearchKind.SERVICE) == ["Ohjauspalvelut aikuisille"]
    assert titles(member, "aikuisten neuvonta", SearchKind.SERVICE) == ["Ohjauspalvelut aikuisille"]


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_a_compound_part_finds_the_compound(member):
    assert titles(member, "palvelu", SearchKind.SERVICE) == ["Ohjauspalvelut aikuisille"]
    assert titles(member, "ohjaajia", SearchKind.PERSON) == ["Mikko Virtanen"]  # opinto-ohjaaja


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_swedish_is_stemmed(member):
    assert titles(member, "vägledning", SearchKind.SERVICE) == ["Ohjauspalvelut aikuisille"]
    assert titles(member, "vägledningen", SearchKind.SERVICE) == ["Ohjauspalvelut aikuisille"]


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_labels_of_choices_are_searchable(member):
    # The target group "immigrants" (Maahanmuuttajat in Finnish), the organisation kind "municipality".
    assert titles(member, "immigrants", SearchKind.SERVICE) == ["Ohjauspalvelut aikuisille"]
    assert titles(member, "municipality", SearchKind.ORGANISATION) == ["Jyväskylän kaupunki"]


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_a_typo_in_a_name_is_forgiven(member):
    assert titles(member, "kansalaisopsto", SearchKind.ORGANISATION) == ["Jyväskylän kansalaisopisto"]
    assert titles(member, "Virtanan", SearchKind.PERSON) == ["Mikko Virtanen"]


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_the_last_word_matches_as_a_prefix(member):
    assert titles(member, "kansalaisop", SearchKind.ORGANISATION) == ["Jyväskylän kansalaisopisto"]
    assert titles(member, "mikko virt", SearchKind.PERSON) == ["Mikko Virtanen"]


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_every_word_must_match(member):
    assert titles(member, "kansalaisopisto maahanmuuttajat") == {}


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_people_are_not_found_by_e_mail_or_phone(member):
    member.phone = "+358 40 123 4567"
    member.save()
    index.rebuild()
    assert titles(member, member.email) == {}
    assert titles(member, "4567") == {}


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_results_are_ranked_title_first(member, network, city):
    other = factories.OrganisationFactory(name="Muu yhdistys", description="Toimimme Jyväskylän kaupungin tukena.")
    factories.MembershipFactory(network=network, organisation=other)
    index.rebuild()
    assert titles(member, "kaupunki", SearchKind.ORGANISATION) == ["Jyväskylän kaupunki", "Muu yhdistys"]


# --- only what the user may see -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_an_outsider_sees_nothing_of_the_network(member, outsider):
    for text in ["kaupunki", "kansalaisopisto", "Virtanen", "palvelu", "ohjausverkosto"]:
        assert titles(member, text), text
        assert titles(outsider, text) == {}, text
    # The outsider finds their own network and organisation.
    found = titles(outsider, "toinen")
    assert found[SearchKind.ORGANISATION] == ["Toinen org"]
    assert found[SearchKind.NETWORK] == ["Toinen verkosto"]
    assert SearchKind.ORGANISATION not in titles(member, "toinen")
    assert SearchKind.NETWORK not in titles(member, "toinen")


# --- rebuilding the index -------------------------------------------------------------------------


@pytest.mark.django_db
def test_rebuild_command_indexes_everything(city, organisation, network, member, admin_user):
    nameless = factories.UserFactory(first_name="", last_name="")
    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Search index rebuilt" in out.getvalue()
    counts = dict(SearchEntry.objects.values_list("kind").annotate(n=Count("pk")))
    assert counts == {
        SearchKind.ORGANISATION: Organisation.objects.count(),
        SearchKind.SERVICE: 1,
        SearchKind.PERSON: User.objects.count() - 1,  # a person without a name has nothing to show
        SearchKind.NETWORK: 1,
    }
    assert not SearchEntry.objects.filter(kind=SearchKind.PERSON, object_id=nameless.pk).exists()
    assert titles(member, "kaupungin", SearchKind.ORGANISATION) == ["Jyväskylän kaupunki"]


@pytest.mark.django_db
def test_rebuild_is_fast_in_bulk(network):
    """Thousands of objects are indexed in a few statements per batch, not one per object."""
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Esimerkkiorganisaatio {n}", slug=f"org-{n}", description="Ohjausta aikuisille.")
        for n in range(3000)
    )
    GuidanceService.objects.bulk_create(
        GuidanceService(organisation=org, name="Ohjauspalvelu", description="Neuvontaa ja ohjausta.") for org in orgs
    )
    with CaptureQueriesContext(connection) as ctx:
        counts = index.rebuild()
    assert counts[SearchKind.ORGANISATION] == 3001  # and the network's own organisation
    assert counts[SearchKind.SERVICE] == 3000
    assert len(ctx.captured_queries) < 40
