"""Public services: the organisation's editors mark a service public on the service form, with its topics,
municipalities, opening hours and accessibility; the one rule of what is public
(``GuidanceService.objects.public()``, ``Organisation.objects.with_public_profile()``); the public search document
holds the public fields only."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from partners.directory.models import GuidanceService, Organisation
from portal.lib import municipalities
from tests import factories
from tests.partners.directory.test_services import VALID


@pytest.mark.django_db
def test_the_service_form_marks_a_service_public_with_its_new_fields(client, member, organisation):
    client.force_login(member)
    url = reverse("partners:service_create", kwargs={"slug": organisation.slug})
    page = client.get(url).content.decode()
    for name in ("is_public", "topics", "municipalities", "opening_hours_sv", "accessibility_fi"):
        assert f'name="{name}"' in page, name
    assert "walk_in" in page
    data = {
        **VALID,
        "channels": ["walk_in", "video"],
        "is_public": "on",
        "topics": ["integration", "career"],
        "municipalities": ["905", "499", "905"],
        "opening_hours_fi": "Ma–to 9–15",
        "opening_hours_sv": "Mån–tors 9–15",
        "accessibility_fi": "Esteetön sisäänkäynti",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    service = GuidanceService.objects.get(organisation=organisation)
    assert service.is_public
    assert service.channels == ["walk_in", "video"]
    assert service.topics == ["career", "integration"]  # the vocabulary's order
    assert service.municipalities == ["499", "905"]
    assert service.opening_hours_sv == "Mån–tors 9–15"
    assert service.accessibility == "Esteetön sisäänkäynti"
    assert GuidanceService.objects.public().get() == service
    assert Organisation.objects.with_public_profile().get() == organisation


@pytest.mark.django_db
def test_an_unknown_municipality_or_topic_is_refused(organisation):
    service = factories.GuidanceServiceFactory(organisation=organisation)
    service.municipalities = ["999"]
    with pytest.raises(ValidationError):
        service.full_clean()
    for field, value in (("municipalities", ["999"]), ("topics", ["astrology"])):
        with pytest.raises(IntegrityError), transaction.atomic():
            GuidanceService.objects.filter(pk=service.pk).update(**{field: value})


@pytest.mark.django_db
def test_an_organisation_has_a_public_profile_while_one_of_its_services_is_public(organisation):
    service = factories.GuidanceServiceFactory(organisation=organisation)
    factories.GuidanceServiceFactory(organisation=factories.OrganisationFactory(), is_public=False)
    assert not Organisation.objects.with_public_profile().exists()
    assert not GuidanceService.objects.public().exists()
    service.is_public = True
    service.save()
    assert list(Organisation.objects.with_public_profile()) == [organisation]
    assert list(GuidanceService.objects.public()) == [service]


@pytest.mark.django_db
def test_the_public_search_document_holds_public_fields_only(organisation):
    organisation.email = "salainen@example.fi"
    organisation.address = "Piilokatu 5"
    organisation.save()
    service = factories.GuidanceServiceFactory(
        organisation=organisation, name="Uraohjaus", description="Ohjausta aikuisille", municipalities=["905"]
    )
    document = GuidanceService.objects.values_list("public_document", flat=True).get(pk=service.pk)
    assert "'uraohjaus'" in document and "'ura'" in document  # a compound and its part
    assert "'vaasa'" in document and "'vasa'" in document  # the municipality in both languages
    assert "'piilokatu'" not in document and "'salainen'" not in document


def test_the_municipalities_map_to_their_regions():
    assert len(municipalities.CODES) >= 300
    assert municipalities.region_of("905") == "pohjanmaa"
    assert municipalities.region_of("638") == "uusimaa"
    assert municipalities.get("638").swedish == "Borgå"
    assert municipalities.name("091", "sv") == "Helsingfors"
    assert municipalities.name("179", "sv") == "Jyväskylä"  # no Swedish name of its own
    assert municipalities.region_of("171") == "pohjois-savo"  # Joroinen since 2021
    for region in ("uusimaa", "keski-suomi", "pohjanmaa", "varsinais-suomi", "pirkanmaa"):
        assert municipalities.codes_in(region), region
    assert len(municipalities.codes_in("uusimaa")) == 26
    assert len(municipalities.codes_in("keski-suomi")) == 22


@pytest.mark.django_db
def test_the_organisation_page_says_which_services_are_public(client, member, organisation):
    public = factories.GuidanceServiceFactory(organisation=organisation, is_public=True, name="Julkinen")
    factories.GuidanceServiceFactory(organisation=organisation, name="Sisäinen")
    client.force_login(member)
    html = client.get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})).content.decode()
    link = reverse("finder:service", kwargs={"slug": organisation.slug, "pk": public.pk})
    assert html.count("Julkinen ohjauspalveluhaussa") == 1
    assert f'href="{link}"' in html
