"""Demo data of the public guidance finder: services the organisations show the public, with topics,
municipalities, opening hours and accessibility in three languages, and a Swedish-speaking walk-in service in
Vaasa (Vasa), so that the finder has something to find in every language.

The Vaasa organisation is invented (an ``example.fi`` address, no business ID); no phone numbers are invented.
"""

from networks.memberships.models import Network
from partners.directory.models import GuidanceService, Organisation, OrganisationKind, ServiceChannel, ServiceTopic
from partners.directory.public import refresh_public_documents

_TOPICS = ServiceTopic

# organisation slug → (how many of its services to show, their topics, their municipalities)
_SHOWN = {
    "gradia": (2, [_TOPICS.EDUCATION, _TOPICS.CAREER], ["179"]),
    "ohjaamo-jyvaskyla": (3, [_TOPICS.CAREER, _TOPICS.EMPLOYMENT, _TOPICS.LIFE_SITUATIONS], ["179"]),
    "tyollisyyspalvelut": (2, [_TOPICS.EMPLOYMENT, _TOPICS.CAREER], []),
    "keski-kirjastot": (1, [_TOPICS.EDUCATION, _TOPICS.LIFE_SITUATIONS], ["179", "410", "500"]),
    "monikulttuuriyhdistys": (1, [_TOPICS.INTEGRATION, _TOPICS.LIFE_SITUATIONS], ["179"]),
    "laukaa": (1, [_TOPICS.EMPLOYMENT], ["410"]),
    "ohjaamo-jamsa": (1, [_TOPICS.CAREER, _TOPICS.LIFE_SITUATIONS], ["182"]),
}

_HOURS = {
    "opening_hours_fi": "Ma–to klo 9–16, pe klo 9–14. Ilman ajanvarausta ti klo 12–16.",
    "opening_hours_sv": "Mån–tors kl. 9–16, fre kl. 9–14. Utan tidsbokning tis kl. 12–16.",
    "opening_hours_en": "Mon–Thu 9:00–16:00, Fri 9:00–14:00. Walk-in without appointment Tue 12:00–16:00.",
}
_ACCESS = {
    "accessibility_fi": "Esteetön sisäänkäynti katutasosta, hissi, esteetön wc ja induktiosilmukka.",
    "accessibility_sv": "Tillgänglig ingång från gatunivå, hiss, tillgänglig toalett och hörslinga.",
    "accessibility_en": "Step-free entrance from the street, lift, accessible toilet and induction loop.",
}


def _vasa_service() -> None:
    """The Swedish-speaking walk-in guidance in Vaasa (Vasa)."""
    organisation, _created = Organisation.objects.get_or_create(
        slug="vagledning-vasa",
        defaults={
            "name_fi": "Aikuisohjauksen keskus Vaasa",
            "name_sv": "Vägledningscentret för vuxna i Vasa",
            "name_en": "Adult Guidance Centre Vaasa",
            "kind": OrganisationKind.ONE_STOP_GUIDANCE,
            "municipality": "Vaasa",
            "website": "https://www.vagledning-vasa.example.fi/",
            "languages": ["sv", "fi", "en"],
            "regions": ["pohjanmaa"],
            "description_sv": "Vägledning för vuxna i Vasa med omnejd: studier, arbete och nya steg i livet.",
            "description_fi": "Aikuisten ohjausta Vaasassa ja lähikunnissa: opinnot, työ ja elämän uudet vaiheet.",
        },
    )
    if organisation.services.exists():
        return
    GuidanceService.objects.create(
        organisation=organisation,
        name_fi="Drop in -ohjaus aikuisille",
        name_sv="Drop in-vägledning för vuxna",
        name_en="Drop-in guidance for adults",
        description_fi="Tule kysymään opiskelusta, työnhausta tai alan vaihdosta. Ajanvarausta ei tarvita.",
        description_sv="Kom och fråga om studier, jobbsökning eller byte av bransch. Ingen tidsbokning behövs.",
        description_en="Ask about studying, looking for work or changing careers. No appointment needed.",
        level="advice",
        channels=[ServiceChannel.WALK_IN, ServiceChannel.FACE_TO_FACE, ServiceChannel.PHONE],
        target_groups=["everyone", "career_changers", "immigrants"],
        languages=["sv", "fi", "en"],
        regions=["pohjanmaa"],
        municipalities=["905", "499"],
        topics=[_TOPICS.CAREER, _TOPICS.EDUCATION, _TOPICS.EMPLOYMENT],
        contact_email="dropin@vagledning-vasa.example.fi",
        contact_url="https://www.vagledning-vasa.example.fi/dropin/",
        is_public=True,
        opening_hours_sv="Drop in mån och ons kl. 10–15, tors kl. 12–18.",
        opening_hours_fi="Drop in ma ja ke klo 10–15, to klo 12–18.",
        opening_hours_en="Drop-in Mon and Wed 10:00–15:00, Thu 12:00–18:00.",
        accessibility_sv="Ingång utan trappor från Hovrättsesplanaden, hiss till andra våningen, tillgänglig toalett.",
        accessibility_fi="Portaaton sisäänkäynti, hissi toiseen kerrokseen, esteetön wc.",
        accessibility_en="Step-free entrance, lift to the second floor, accessible toilet.",
    )


def seed_public_services(*, networks, organisations, people, areas) -> None:
    """Show some demo services in the public finder (a DEMO_EXTENSIONS hook, after the services)."""
    for slug, (count, topics, codes) in _SHOWN.items():
        shown = GuidanceService.objects.filter(organisation__slug=slug).order_by("pk")[:count]
        GuidanceService.objects.filter(pk__in=[service.pk for service in shown]).update(
            is_public=True,
            topics=list(topics),
            municipalities=list(codes),
            # update() writes columns: the original one is the Finnish text (portal.lib.translated)
            opening_hours=_HOURS["opening_hours_fi"],
            accessibility=_ACCESS["accessibility_fi"],
            **_HOURS,
            **_ACCESS,
        )
    _vasa_service()
    # The main network's coordinators let its own site show its members' public services in a frame.
    Network.objects.filter(slug="keski-suomi").update(embed_origins=["https://www.keski-suomen-ohjaus.example.fi"])
    refresh_public_documents()  # the services were inserted in bulk, without their save's signal
