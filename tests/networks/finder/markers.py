"""The marker check of what the public sees: every field that is not public, of organisations, services,
networks, people and memberships, holds a marker string; no public response may contain it.

``build_marked_data()`` makes the data and returns it with its marker; ``public_urls(data)`` are the finder's
pages that show it; ``assert_no_marker(text, marker)`` fails with where the marker was found. The open API's
tests run the same check over their responses.
"""

from types import SimpleNamespace

from django.urls import reverse

from networks.memberships.models import MembershipLevel, MembershipStatus
from partners.directory.models import GuidanceService, Organisation
from tests import factories

MARKER = "Zq9Mrkxw"  # short enough for a business ID's column (9 characters)


def _marked_service(organisation, marker: str, *, is_public: bool, number: int) -> GuidanceService:
    return factories.GuidanceServiceFactory(
        organisation=organisation,
        is_public=is_public,
        name_fi=f"{marker} palvelu {number}",
        name_sv=f"{marker} tjänst {number}",
        name_en=f"{marker} service {number}",
        description_fi=f"{marker} sisäinen kuvaus",
        description_sv=f"{marker} intern beskrivning",
        contact_email=f"{marker.lower()}{number}@example.fi",
        contact_phone=f"+358 40 {number}00 {marker}",
        contact_url=f"https://example.fi/{marker}/{number}/",
        opening_hours_fi=f"{marker} aukiolo",
        accessibility_fi=f"{marker} esteettömyys",
        topics=["career"],
        municipalities=["179"],
    )


def build_marked_data(marker: str = MARKER) -> SimpleNamespace:
    """A public organisation with one public service (only public text, no marker) and every non-public field
    marked: the organisation's e-mail, phone, address and business ID, a non-public service of it, an
    organisation with no public service, a private network (its name and descriptions), a membership's
    application note, and a person working for the public organisation (names, e-mail, title, phone)."""
    public_organisation = factories.OrganisationFactory(
        name="Julkinen ohjausorganisaatio",
        slug="julkinen-ohjaus",
        business_id=marker,
        email=f"{marker.lower()}@example.fi",
        phone=f"+358 40 {marker}",
        address=f"{marker}katu 1, Jyväskylä",
        description="Aikuisten ohjausta Jyväskylässä.",
        embed_origins=["https://embed.example.fi"],
    )
    Organisation.objects.filter(pk=public_organisation.pk).update(regions=["keski-suomi"], languages=["fi"])
    public_service = factories.GuidanceServiceFactory(
        organisation=public_organisation,
        is_public=True,
        name="Uraohjaus aikuisille",
        description="Ohjausta uran muutoksiin.",
        contact_email="ura@example.fi",
        opening_hours_fi="Ma–pe 9–15",
        accessibility_fi="Esteetön sisäänkäynti",
        topics=["career"],
        municipalities=["179"],
    )
    hidden_service = _marked_service(public_organisation, marker, is_public=False, number=1)
    private_organisation = factories.OrganisationFactory(
        name=f"{marker} yksityinen",
        slug="yksityinen-organisaatio",
        email=f"{marker.lower()}.private@example.fi",
        description=f"{marker} kuvaus",
    )
    private_service = _marked_service(private_organisation, marker, is_public=False, number=2)
    network = factories.NetworkFactory(
        name=f"{marker} verkosto",
        slug="marked-network",
        description=f"{marker} jäsenille",
        field=f"{marker} ala",
        is_public=False,
        public_description=f"{marker} (the page is private)",
    )
    for organisation in (public_organisation, private_organisation):
        factories.MembershipFactory(
            network=network,
            organisation=organisation,
            level=MembershipLevel.COOPERATION,
            status=MembershipStatus.ACTIVE,
            application_note=f"{marker} hakemus",
        )
    person = factories.UserFactory(
        first_name=marker, last_name=f"{marker}nen", email=f"{marker.lower()}.person@example.fi", phone=marker
    )
    factories.AffiliationFactory(user=person, organisation=public_organisation, title=f"{marker} ohjaaja")
    public_network = factories.NetworkFactory(name="Avoin verkosto", slug="open-network", is_public=True)
    factories.MembershipFactory(network=public_network, organisation=public_organisation, application_note=marker)
    factories.MembershipFactory(network=public_network, organisation=private_organisation)
    return SimpleNamespace(
        marker=marker,
        organisation=public_organisation,
        service=public_service,
        hidden_service=hidden_service,
        private_organisation=private_organisation,
        private_service=private_service,
        network=network,
        public_network=public_network,
        person=person,
    )


def public_urls(data) -> list[str]:
    """Every public page, embed and sitemap that shows ``data``'s organisation, in each language."""
    service = {"slug": data.organisation.slug, "pk": data.service.pk}
    pages = [
        reverse("finder:finder"),
        reverse("finder:finder") + "?q=ohjaus",
        reverse("finder:finder") + "?municipality=179&topic=career",
        reverse("finder:service", kwargs=service),
        reverse("finder:organisation", kwargs={"slug": data.organisation.slug}),
        reverse("finder:embed_organisation", kwargs={"slug": data.organisation.slug}),
        reverse("finder:embed_network", kwargs={"slug": data.public_network.slug}),
    ]
    urls = [f"{page}{'&' if '?' in page else '?'}lang={code}" for page in pages for code in ("fi", "sv", "en")]
    return [*urls, reverse("sitemap")]


def assert_no_marker(text: str, marker: str = MARKER, *, where: str = "") -> None:
    lowered = text.lower()
    position = lowered.find(marker.lower())
    assert position < 0, f"{where}: the marker is shown: …{text[max(0, position - 120) : position + 60]}…"
