"""Demo data of memberships on the collaboration continuum: representatives, history, an application
and an invitation.

The history is dated relative to the day the demo is seeded, so the network page's chart of the
last three years always shows organisations moving along the continuum. Every person is
fictional and every address is under ``example.fi``.
"""

import datetime

from django.utils import timezone

from networks.memberships.models import Membership, MembershipChange, MembershipLevel, NetworkRole
from partners.directory.models import Organisation, OrganisationKind
from portal.accounts.models import Invitation
from portal.demo_data.people import ADMIN_EMAIL, COORDINATOR_EMAIL, PEOPLE
from portal.lib.access import MembershipStatus, Role

MAIN_NETWORK = "keski-suomi"

_L = MembershipLevel
_A = MembershipStatus.ACTIVE

# How the main network's members moved along the continuum: organisation slug → steps of
# (months before today, level, status, reason). The first level is the one they joined at (on their
# joining date); the last step is where they stand now (as in portal.demo_data.MEMBERSHIPS).
PATHS = {
    "gradia": [
        (None, _L.NETWORKING, _A, ""),
        (33, _L.COOPERATION, _A, "Yhteiset ohjauspäivät aikuisopiskelijoille sovittu."),
        (21, _L.COORDINATION, _A, "Yhteinen hakeutumisvaiheen ohjausmalli ja jaettu ohjaajaresurssi."),
        (9, _L.STRATEGIC, _A, "Kumppanuussopimus vuosille 2025–2028 allekirjoitettu."),
    ],
    "tyollisyyspalvelut": [
        (None, _L.COOPERATION, _A, ""),
        (30, _L.COORDINATION, _A, "Työllisyyspalvelut siirtyivät kunnalle; yhteinen palveluohjaus alkoi."),
        (10, _L.STRATEGIC, _A, "Kumppanuussopimus: yhteiset tavoitteet ja mittarit."),
    ],
    "jamk": [
        (None, _L.COORDINATION, _A, ""),
        (27, _L.STRATEGIC, _A, "Jatkuvan oppimisen kumppanuus sovittu."),
    ],
    "jyu": [
        (None, _L.COOPERATION, _A, ""),
        (20, _L.COORDINATION, _A, "Avoimen yliopiston ohjaus mukaan verkoston ohjausmalliin."),
    ],
    "ohjaamo-jyvaskyla": [
        (None, _L.COOPERATION, _A, ""),
        (31, _L.COORDINATION, _A, "Ohjaamon jalkautuva ohjaus suunnitellaan yhdessä."),
    ],
    "keski-suomen-opisto": [
        (None, _L.NETWORKING, _A, ""),
        (26, _L.COOPERATION, _A, "Yhteinen kotoutumiskoulutuksen infotilaisuus."),
    ],
    "kansalaisopisto": [
        (None, _L.NETWORKING, _A, ""),
        (14, _L.COOPERATION, _A, "Digitukikurssit ohjataan verkoston kautta."),
    ],
    "laukaa": [
        (None, _L.NETWORKING, _A, ""),
        (17, _L.COOPERATION, _A, "Kunnan ohjauspisteen aukioloista sovittu yhdessä."),
    ],
    "hyvinvointialue": [
        (None, _L.NETWORKING, _A, ""),
        (24, _L.COOPERATION, _A, "Työkyvyn tuen asiakasohjaus yhteistyössä."),
        (6, _L.COORDINATION, _A, "Monialainen asiakasyhteistyö vakiintui: yhteinen suunnitelma."),
    ],
    "keski-kirjastot": [
        (None, _L.NETWORKING, _A, ""),
        (11, _L.COOPERATION, _A, "Kirjastojen digituki ja ohjausilloat yhdessä verkoston kanssa."),
    ],
    "kesayliopisto": [
        (None, _L.NETWORKING, _A, ""),
        (8, _L.NETWORKING, MembershipStatus.PAUSED, "Kesäyliopiston ohjaustoiminta on tauolla."),
    ],
}

# Members whose representative the coordinator has not named yet (the dashboard's to-do list shows them).
WITHOUT_REPRESENTATIVE = {"laukaa"}

APPLICANT_EMAIL = "markku.ojala@konepaja.example.fi"
APPLICATION_NOTE = (
    "Konepaja etsii osaavaa työvoimaa ja haluaa tarjota työpaikkaohjausta ja oppisopimuspaikkoja "
    "aikuisille. Haluamme tuntea alueen ohjaajat ja kertoa koulutustarpeistamme."
)

INVITED_ORGANISATION = ("keski-suomen-yrittajat", "Keski-Suomen Yrittäjät ry", "KSY")
INVITED_CONTACT = "toimisto@ksyrittajat.example.fi"
INVITATION_MESSAGE = "Tervetuloa mukaan kertomaan yrittäjien osaamistarpeista ja yrittäjyysneuvonnasta."


def _moment(day: datetime.date) -> datetime.datetime:
    """Noon of ``day`` in Helsinki time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _months_ago(today: datetime.date, months: int) -> datetime.date:
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, min(today.day, 28))


def seed_membership_history(*, networks, organisations, people, areas) -> None:
    """Representatives for the main network's members, history for every membership, one pending
    application and one open invitation."""
    today = timezone.localdate()
    main = networks[MAIN_NETWORK]
    coordinator = people.get(COORDINATOR_EMAIL)
    slug_of = {organisation.pk: slug for slug, organisation in organisations.items()}
    main_memberships = _name_representatives(main=main, people=people, slug_of=slug_of)
    _backfill_history(main=main, coordinator=coordinator, slug_of=slug_of, today=today)
    _invite_an_organisation(main=main, coordinator=coordinator, today=today)
    # The named people take part in the network.
    for membership in main_memberships:
        if membership.status in (MembershipStatus.ACTIVE, MembershipStatus.PAUSED):
            for person in (membership.representative, membership.deputy):
                if person is not None:
                    NetworkRole.objects.get_or_create(network=main, user=person, defaults={"role": Role.MEMBER})


def _name_representatives(*, main, people, slug_of) -> list[Membership]:
    """Representatives and deputies: the first two people of each member organisation; the applicant
    represents the employer that has applied."""
    staff: dict[str, list] = {}
    for person in PEOPLE:
        email, organisation_slug = person[0], person[7]
        if email != ADMIN_EMAIL and email in people:
            staff.setdefault(organisation_slug, []).append(people[email])
    memberships = list(Membership.objects.filter(network=main))
    for membership in memberships:
        slug = slug_of.get(membership.organisation_id)
        named = staff.get(slug, [])
        if membership.status == MembershipStatus.APPLIED:
            membership.representative = people.get(APPLICANT_EMAIL)
            membership.application_note = APPLICATION_NOTE
        elif slug not in WITHOUT_REPRESENTATIVE and named:
            membership.representative = named[0]
            membership.deputy = named[1] if len(named) > 1 else None
    Membership.objects.bulk_update(memberships, ["representative", "deputy", "application_note"])
    return memberships


def _change(membership, *, day, by, old_level, old_status, level, status, reason) -> MembershipChange:
    return MembershipChange(
        membership=membership,
        network_id=membership.network_id,
        changed_at=_moment(day),
        changed_by=by,
        old_level=old_level,
        new_level=level,
        old_status=old_status,
        new_status=status,
        reason=reason,
    )


def _backfill_history(*, main, coordinator, slug_of, today) -> None:
    """A first row for every membership without history, and the main network's moves along the continuum."""
    changes = []
    for membership in Membership.objects.filter(changes__isnull=True):
        slug = slug_of.get(membership.organisation_id)
        if membership.status in (MembershipStatus.APPLIED, MembershipStatus.INVITED):
            changes.append(
                _change(
                    membership,
                    day=today - datetime.timedelta(days=10),
                    by=membership.representative,
                    old_level="",
                    old_status="",
                    level=membership.level,
                    status=membership.status,
                    reason=membership.application_note,
                )
            )
            continue
        path = (PATHS.get(slug) if membership.network_id == main.pk else None) or [
            (None, membership.level, membership.status, "")
        ]
        if (path[-1][1], path[-1][2]) != (membership.level, membership.status):
            raise ValueError(f"The demo history of {slug} does not end where its membership stands.")
        joined = membership.joined_on or today - datetime.timedelta(days=365 * 3)
        old_level = old_status = ""
        previous_day = joined
        for months, level, status, reason in path:
            day = joined if months is None else max(_months_ago(today, months), previous_day + datetime.timedelta(1))
            changes.append(
                _change(
                    membership,
                    day=day,
                    by=None if months is None else coordinator,
                    old_level=old_level,
                    old_status=old_status,
                    level=level,
                    status=status,
                    reason=reason,
                )
            )
            old_level, old_status, previous_day = level, status, day
    MembershipChange.objects.bulk_create(changes)


def _invite_an_organisation(*, main, coordinator, today) -> None:
    """An organisation the coordinator has invited, and its contact person's open invitation."""
    slug, name, short_name = INVITED_ORGANISATION
    invited, _created = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "short_name": short_name,
            "kind": OrganisationKind.NGO,
            "municipality": "Jyväskylä",
            "website": "https://www.ksyrittajat.example.fi/",
        },
    )
    membership, created = Membership.objects.get_or_create(
        network=main,
        organisation=invited,
        defaults={"level": MembershipLevel.NETWORKING, "status": MembershipStatus.INVITED},
    )
    if created:
        _change(
            membership,
            day=today - datetime.timedelta(days=5),
            by=coordinator,
            old_level="",
            old_status="",
            level=membership.level,
            status=membership.status,
            reason=INVITATION_MESSAGE,
        ).save()
        Invitation.objects.create(email=INVITED_CONTACT, organisation=invited, network=main, invited_by=coordinator)
