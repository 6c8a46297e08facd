"""The finder's pages: filters, the Finnish search, languages without cookies, the cache, JSON-LD, the sitemap,
and 404 for what is not public."""

import json
import re

import pytest
from django.urls import reverse

from partners.directory.services import service_update
from tests import factories

FINDER = reverse("finder:finder")


def _found(client, **params) -> set[str]:
    """The names of the services the finder lists for ``params`` (in Finnish)."""
    response = client.get(FINDER, {"lang": "fi", **params})
    assert response.status_code == 200
    return set(
        re.findall(r'<h3 class="h5 card-title" id="service-\d+"><a [^>]*>([^<]+)</a>', response.content.decode())
    )


def _service(name, **fields):
    fields.setdefault("organisation", factories.OrganisationFactory())
    return factories.GuidanceServiceFactory(name=name, is_public=True, **fields)


@pytest.mark.django_db
def test_a_municipality_finds_the_services_that_list_it_or_serve_its_whole_region(client):
    _service("Vaasan palvelu", regions=["pohjanmaa"], municipalities=["905"])
    _service("Koko Pohjanmaa", regions=["pohjanmaa"], municipalities=[])
    _service("Vain Mustasaari", regions=["pohjanmaa"], municipalities=["499"])
    _service("Uusimaa", regions=["uusimaa"], municipalities=[])
    _service("Vaasa ilman maakuntaa", regions=[], municipalities=["905"])
    factories.GuidanceServiceFactory(name="Ei julkinen", is_public=False, regions=["pohjanmaa"])
    assert _found(client, municipality="905") == {"Vaasan palvelu", "Koko Pohjanmaa", "Vaasa ilman maakuntaa"}
    assert _found(client, municipality="499") == {"Koko Pohjanmaa", "Vain Mustasaari"}
    assert _found(client, municipality="091") == {"Uusimaa"}
    assert len(_found(client)) == 5


@pytest.mark.django_db
def test_filters_by_topic_channel_language_target_group_and_level(client):
    _service(
        "Ura", topics=["career"], channels=["walk_in"], languages=["sv"], target_groups=["seniors"], level="advice"
    )
    _service("Koulutus", topics=["education"], channels=["phone"], languages=["fi"], target_groups=["everyone"])
    _service("Kotoutuminen", topics=["integration"], channels=["video"], languages=["ar"], target_groups=["immigrants"])
    assert _found(client, topic="career") == {"Ura"}
    assert _found(client, channel="walk_in") == {"Ura"}
    assert _found(client, channel="video") == {"Kotoutuminen"}
    assert _found(client, language="sv") == {"Ura"}
    # services for all adults are for every group too
    assert _found(client, target_group="seniors") == {"Ura", "Koulutus"}
    assert _found(client, target_group="immigrants") == {"Kotoutuminen", "Koulutus"}
    assert _found(client, level="advice") == {"Ura"}
    assert _found(client, topic="career", language="fi") == set()
    # an unknown value is an error next to its field, not a filter and not a failure
    response = client.get(FINDER, {"topic": "nonsense", "lang": "en"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
def test_the_finnish_search_finds_inflected_words_in_public_fields_only(client, public_service):
    hidden = factories.GuidanceServiceFactory(name="Kirjaston salainen palvelu", is_public=False)
    assert _found(client, q="kirjastossa") == {"Kirjaston digineuvonta"}  # kirjasto, inflected
    assert _found(client, q="neuvonta") == {"Kirjaston digineuvonta"}  # a part of the compound
    assert _found(client, q="aikuisten") == {"Kirjaston digineuvonta"}  # description: aikuisille
    assert _found(client, q="Jyväskylässä") == {"Kirjaston digineuvonta"}  # its municipality's name
    assert _found(client, q="salainen") == set()
    assert hidden.name not in client.get(FINDER, {"q": "kirjasto"}).content.decode()
    # the organisation's name is searched too, and a change of it shows at once
    public_service.organisation.name = "Keskikirjastot"
    public_service.organisation.save()
    assert _found(client, q="keskikirjastoissa") == {"Kirjaston digineuvonta"}


@pytest.mark.django_db
def test_pages_set_no_cookie_and_are_public(client, public_service):
    service = {"slug": public_service.organisation.slug, "pk": public_service.pk}
    for url in (
        FINDER,
        FINDER + "?q=kirjasto&municipality=179",
        reverse("finder:service", kwargs=service),
        reverse("finder:organisation", kwargs={"slug": public_service.organisation.slug}),
        reverse("finder:embed_organisation", kwargs={"slug": public_service.organisation.slug}),
        reverse("finder:service", kwargs={**service, "pk": public_service.pk + 1000}),  # a 404
        reverse("sitemap"),
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
        assert "Set-Cookie" not in response.headers and not response.cookies, url
        assert "public" in response["Cache-Control"], url
        vary = response.get("Vary", "")
        assert "Accept-Language" in vary and "Cookie" not in vary, url
    assert not client.cookies


@pytest.mark.django_db
def test_the_language_comes_from_the_address_else_from_the_browser(client, public_service):
    url = reverse("finder:service", kwargs={"slug": public_service.organisation.slug, "pk": public_service.pk})
    swedish = client.get(url, HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9").content.decode()
    assert '<html lang="sv">' in swedish and "Bibliotekets digitala rådgivning" in swedish
    # the address wins over the browser; the English page shows the Finnish text with its mark
    english = client.get(url + "?lang=en", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert '<html lang="en">' in english
    assert '<span lang="fi">Kirjaston digineuvonta</span>' in english and "(in Finnish)" in english
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="de")["Content-Language"] == "fi"
    # the links carry the language on
    assert f'href="{FINDER}?lang=en"' in english


@pytest.mark.django_db
def test_a_change_shows_in_the_finder_at_once(client, public_service):
    assert _found(client) == {"Kirjaston digineuvonta"}
    service_update(service=public_service, name_fi="Digituki kirjastossa")
    assert _found(client) == {"Digituki kirjastossa"}
    public_service.organisation.services.create(
        name="Toinen palvelu", is_public=True, channels=["phone"], languages=["fi"]
    )
    assert _found(client) == {"Digituki kirjastossa", "Toinen palvelu"}
    service_update(service=public_service, is_public=False)
    assert _found(client) == {"Toinen palvelu"}
    public_service.organisation.delete()
    assert _found(client) == set()


@pytest.mark.django_db
def test_the_result_list_is_cached(client, public_service, django_assert_max_num_queries):
    client.get(FINDER, {"q": "kirjasto", "lang": "sv"})
    # the version and the cached list: no query of the services
    with django_assert_max_num_queries(2) as queries:
        response = client.get(FINDER, {"lang": "sv", "q": "kirjasto"})
    assert "guidanceservice" not in " ".join(query["sql"] for query in queries.captured_queries)
    assert "Bibliotekets digitala rådgivning" in response.content.decode()


@pytest.mark.django_db
def test_the_service_page_carries_its_schema_org_data_escaped(client, public_service):
    public_service.name_fi = "Ohjaus </script><script>alert(1)</script> & muuta"
    public_service.save()
    url = reverse("finder:service", kwargs={"slug": public_service.organisation.slug, "pk": public_service.pk})
    html = client.get(url, {"lang": "fi"}).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    assert "<script>alert" not in html
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Service"
    assert data["name"] == "Ohjaus </script><script>alert(1)</script> & muuta"
    assert data["provider"]["@type"] == "Organization"
    assert data["provider"]["name"] == public_service.organisation.name
    assert {area["name"] for area in data["areaServed"]} == {"Jyväskylä", "Keski-Suomi"}
    assert [language["alternateName"] for language in data["availableLanguage"]] == ["fi", "sv"]
    assert data["availableChannel"][0]["servicePhone"]["telephone"] == "040 123 4567"
    assert data["hoursAvailable"]["description"] == "Ma–to 10–16"
    assert data["url"].endswith(f"{url}?lang=fi")


@pytest.mark.django_db
def test_a_public_authority_gives_a_government_service(client, public_service):
    public_service.organisation.kind = "municipality"
    public_service.organisation.save()
    url = reverse("finder:service", kwargs={"slug": public_service.organisation.slug, "pk": public_service.pk})
    html = client.get(url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "GovernmentService"


@pytest.mark.django_db
def test_the_sitemap_lists_only_what_is_public(client, public_service, network):
    hidden = factories.GuidanceServiceFactory(organisation=public_service.organisation, is_public=False)
    private_organisation = factories.OrganisationFactory(slug="no-public-services")
    factories.GuidanceServiceFactory(organisation=private_organisation)
    factories.NetworkFactory(slug="open-network", is_public=True)
    xml = client.get(reverse("sitemap")).content.decode()
    slug = public_service.organisation.slug
    assert f"/find/services/{slug}/{public_service.pk}/" in xml
    assert f"/find/services/{slug}/{hidden.pk}/" not in xml
    assert f"/find/organisations/{slug}/" in xml
    assert "no-public-services" not in xml
    assert "/networks/open-network/about/" in xml
    assert f"/networks/{network.slug}/" not in xml
    assert xml.count("<url>") == 3 + 1 + 1 + 1  # the finder in three languages, a service, an organisation, a network


@pytest.mark.django_db
def test_what_is_not_public_is_not_found(client, public_service):
    hidden = factories.GuidanceServiceFactory(organisation=public_service.organisation, is_public=False)
    other = factories.GuidanceServiceFactory(is_public=False)
    slug = public_service.organisation.slug
    for url in (
        reverse("finder:service", kwargs={"slug": slug, "pk": hidden.pk}),
        reverse("finder:service", kwargs={"slug": other.organisation.slug, "pk": public_service.pk}),
        reverse("finder:organisation", kwargs={"slug": other.organisation.slug}),
        reverse("finder:organisation_logo", kwargs={"slug": slug}),  # public, but without a logo
        reverse("finder:embed_organisation", kwargs={"slug": other.organisation.slug}),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert not response.cookies
    assert client.get(reverse("finder:organisation", kwargs={"slug": slug})).status_code == 200
    assert client.post(FINDER).status_code == 405


@pytest.mark.django_db
def test_an_empty_result_says_what_to_try(client, public_service):
    html = client.get(FINDER, {"topic": "integration", "lang": "en"}).content.decode()
    assert "0 services found" in html
    assert "No service matches all of these." in html
    assert "Anywhere in Finland" in html


@pytest.mark.django_db
def test_other_parameters_neither_make_cache_keys_nor_links(client, public_service, django_assert_max_num_queries):
    for number in range(25):
        factories.GuidanceServiceFactory(organisation=public_service.organisation, is_public=True, name=f"P {number}")
    html = client.get(FINDER, {"lang": "fi", "topic": "", "utm_source": "kampanja"}).content.decode()
    assert "?page=2" not in html and "page=2" in html  # the page links: the form's fields, the page and the language
    assert "utm_source" not in html.split('id="results-heading"')[1]
    with django_assert_max_num_queries(2):
        client.get(FINDER, {"lang": "fi", "topic": "", "other": "1"})


@pytest.mark.django_db
def test_a_signed_in_person_gets_the_same_public_page(client, member, public_service):
    client.force_login(member)
    response = client.get(FINDER, {"lang": "fi"})
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert "Kirjaston digineuvonta" in response.content.decode()
    assert member.email not in response.content.decode()


@pytest.mark.django_db
def test_a_migrate_forgets_the_cached_lists(client, public_service):
    from django.core.management import call_command

    from networks.finder import cache

    client.get(FINDER)
    before = cache.version()
    call_command("migrate", "networks", verbosity=0)
    assert cache.version() != before
