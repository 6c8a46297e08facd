"""Search: Finnish analysis with Voikko, the index and its upkeep, the query, visibility and the page."""

import logging
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.memberships.models import Membership, NetworkRole
from partners.directory.models import GuidanceService, Organisation
from portal.accounts.models import User
from portal.lib.errors import DomainError
from portal.search import analysis, index, query
from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.querybudget import assert_budget

SEARCH = reverse("portal:search")


def titles(user, text, kind=None):
    """What ``user`` finds for ``text``: {kind: [titles]} (or one kind's titles)."""
    found = {group.kind: [entry.title for entry in group.results] for group in query.grouped(user, query.parse(text))}
    return found.get(kind, []) if kind else found


# --- analysis ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("kaupungin", "kaupunki"),
        ("koulutuksen", "koulutus"),
        ("neuvontaa", "neuvonta"),
        ("aikuisille", "aikuinen"),
        ("aikuisten", "aikuinen"),
        ("Jyväskylässä", "jyväskylä"),
        ("Virtasen", "virtanen"),
    ],
)
def test_voikko_gives_the_base_form(word, base):
    terms = analysis.word_terms(word)
    assert terms[0] == word.lower()  # the word itself, for names Voikko does not know
    assert base in terms


def test_compound_parts_are_indexed_but_not_searched():
    assert analysis.word_terms("Ohjauspalvelut") == ["ohjauspalvelut", "ohjauspalvelu", "ohjaus", "palvelu"]
    assert analysis.word_terms("aikuisohjauksen")[-2:] == ["aikuinen", "ohjaus"]
    assert analysis.word_terms("Opinto-ohjaajat")[-2:] == ["opinto", "ohjaaja"]
    # A derived word is not a compound: neuvo+n+ta has no parts.
    assert analysis.word_terms("neuvontaa") == ["neuvontaa", "neuvonta"]
    # A query word keeps to its own forms, or "ohjauspalvelut" would find every "palvelu".
    assert analysis.word_terms("Ohjauspalvelut", parts=False) == ["ohjauspalvelut", "ohjauspalvelu"]


def test_unknown_words_are_kept_lower_cased():
    terms = analysis.terms("Vägledningen ÅBO xyzzy-42")
    assert terms[:3] == ["vägledningen", "åbo", "xyzzy-42"]
    assert all(term == term.lower() for term in terms)


def test_without_voikko_the_analysis_falls_back_to_lower_cased_words(monkeypatch, caplog):
    import libvoikko

    def broken(language):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(libvoikko, "Voikko", broken)
    monkeypatch.setattr(analysis, "_unavailable_logged", threading.Event())
    analysis.clear_caches()
    results = []

    def run():  # a new thread: its own (not yet loaded) Voikko
        results.append(analysis.terms("Kaupungin palvelut"))
        results.append(analysis.terms("Jyväskylässä"))

    with caplog.at_level(logging.WARNING, logger="portal.search.analysis"):
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    analysis.clear_caches()  # forget the fallback answers
    assert results == [["kaupungin", "palvelut"], ["jyväskylässä"]]
    warnings = [record for record in caplog.records if "Voikko could not be loaded" in record.getMessage()]
    assert len(warnings) == 1


def test_voikko_is_used_from_many_threads_at_once():
    analysis.clear_caches()
    words = ["kaupungin", "koulutuksen", "neuvontaa", "aikuisille", "Jyväskylässä", "Ohjauspalvelut"] * 20
    expected = [analysis.analyse_word.__wrapped__(word) for word in words]
    errors = []

    def run():
        try:
            for word, result in zip(words, expected, strict=True):
                assert analysis.analyse_word.__wrapped__(word) == result
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors


# --- query parsing and bad input ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "!!! ???", "a" * 201, " ".join(["sana"] * 11)])
def test_unusable_queries_raise_a_search_error(text):
    with pytest.raises(DomainError):
        query.parse(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    ["'", "\\", "kaupunki:*", "a & b | !c", "(((", "o'brien", "'; DROP TABLE x; --", "ääkköset-ÅÄÖ", "🙂 ohjaus"],
)
def test_odd_characters_never_break_the_query(member, text):
    try:
        parsed = query.parse(text)
    except DomainError:
        return  # nothing searchable in it: the page says so
    query.grouped(member, parsed)


# --- finding things ----------------------------------------------------------------------------


@pytest.fixture
def city(network):
    """Jyväskylän kaupunki, a member of the network, with a service and a person."""
    city = factories.OrganisationFactory(
        name="Jyväskylän kaupunki", slug="jyvaskylan-kaupunki", municipality="Jyväskylä", kind="municipality"
    )
    factories.MembershipFactory(network=network, organisation=city)
    factories.GuidanceServiceFactory(
        organisation=city,
        name="Ohjauspalvelut aikuisille",
        description="Neuvontaa koulutuksesta ja työstä. Vägledningen sker på svenska.",
        target_groups=["immigrants"],
    )
    person = factories.UserFactory(first_name="Mikko", last_name="Virtanen", title="Opinto-ohjaaja")
    factories.AffiliationFactory(user=person, organisation=city)
    factories.NetworkRoleFactory(network=network, user=person)
    return city


@pytest.fixture
def indexed(city, organisation, network, other_network, member, outsider):
    index.rebuild()


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


# --- only what the user may see ------------------------------------------------------------------


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


@pytest.mark.django_db
@pytest.mark.usefixtures("indexed")
def test_the_page_shows_only_visible_results(client_for, member, outsider):
    response = client_for(outsider).get(SEARCH, {"q": "kaupungin"})
    assert response.status_code == 200
    assert "Jyväskylän kaupunki" not in response.content.decode()
    response = client_for(member).get(SEARCH, {"q": "kaupungin"})
    assert "Jyväskylän kaupunki" in response.content.decode()


# --- keeping the index current ---------------------------------------------------------------------


@pytest.mark.django_db
def test_saves_and_deletes_keep_the_index_current(member, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        org = factories.OrganisationFactory(name="Äänekosken kirjasto", slug="aanekoski")
        factories.MembershipFactory(network=network, organisation=org)
        service = factories.GuidanceServiceFactory(organisation=org, name="Digituki")
    assert titles(member, "kirjastossa", SearchKind.ORGANISATION) == ["Äänekosken kirjasto"]
    assert titles(member, "digituki") == {SearchKind.SERVICE: ["Digituki"]}

    with django_capture_on_commit_callbacks(execute=True):
        org.name = "Äänekosken kulttuuritalo"
        org.save()
    assert titles(member, "kulttuuritalossa", SearchKind.ORGANISATION) == ["Äänekosken kulttuuritalo"]
    assert titles(member, "kirjasto") == {}
    # The service's entry shows its organisation's name: it follows the rename.
    assert SearchEntry.objects.get(kind=SearchKind.SERVICE, object_id=service.pk).subtitle == org.name

    with django_capture_on_commit_callbacks(execute=True):
        org.delete()
    assert titles(member, "kulttuuritalo") == {}
    assert titles(member, "digituki") == {}
    assert not SearchEntry.objects.filter(kind__in=[SearchKind.ORGANISATION, SearchKind.SERVICE]).exists()


@pytest.mark.django_db
def test_a_persons_entry_follows_their_name_and_expertise_but_not_organisations(
    member, organisation, django_capture_on_commit_callbacks
):
    area = factories.ExpertiseAreaFactory(name="Urasuunnittelu")
    with django_capture_on_commit_callbacks(execute=True):
        member.first_name, member.last_name = "Aino", "Korhonen"
        member.save()
    assert titles(member, "Korhosen", SearchKind.PERSON) == ["Aino Korhonen"]

    with django_capture_on_commit_callbacks(execute=True):
        member.expertise.add(area)
    assert titles(member, "urasuunnittelua", SearchKind.PERSON) == ["Aino Korhonen"]
    with django_capture_on_commit_callbacks(execute=True):
        area.name = "Uraohjaus"
        area.save()
    assert titles(member, "urasuunnittelu") == {}
    assert titles(member, "uraohjausta", SearchKind.PERSON) == ["Aino Korhonen"]
    with django_capture_on_commit_callbacks(execute=True):
        area.people.clear()
    assert titles(member, "uraohjaus") == {}

    # Organisation names are not indexed for people: the searcher may not see every organisation a
    # person they can see works for (a hidden organisation's name must not surface through them).
    with django_capture_on_commit_callbacks(execute=True):
        factories.AffiliationFactory(user=member, organisation__name="Salainen Zyxwv Oy", primary=False)
    assert titles(member, "zyxwv", SearchKind.PERSON) == []  # (the organisation itself is theirs to find)
    # Nor the terms of a network's own vocabulary: only portal-wide terms.
    private = factories.ExpertiseAreaFactory(name="Kvanttiohjaus", network=factories.NetworkFactory())
    with django_capture_on_commit_callbacks(execute=True):
        member.expertise.add(private)
    assert titles(member, "kvanttiohjaus") == {}

    with django_capture_on_commit_callbacks(execute=True):
        member.delete()
    assert not SearchEntry.objects.filter(kind=SearchKind.PERSON, object_id=member.pk).exists()


@pytest.mark.django_db
def test_saves_of_other_fields_do_not_reindex(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        member.save(update_fields=["last_login"])  # every sign-in
    assert callbacks == []


@pytest.mark.django_db
def test_networks_are_indexed_on_save(member, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        network.field = "Maahanmuuttajien ohjaus"
        network.save()
    assert titles(member, "maahanmuuttajille", SearchKind.NETWORK) == [network.name]


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


# --- the page ------------------------------------------------------------------------------------


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
    # session, user, the MFA check, then one query for the grouped results (count + page for one kind)
    assert_budget(client_for(member), url, budget=5, grow=lambda: add(10, 990))
