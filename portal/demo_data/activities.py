"""Demo data of joint activities: a year of the main network's trust-building work.

About two activities a month from ten months back to two months ahead, of every kind, organised by one or two
member organisations and linked to some of the network's goals; the participants are people of the network
with the organisation they work for, and now and then a named guest without an account. Past activities have
reflections and usefulness ratings. Finally the personal contacts between people of different organisations
are recomputed from the meetings, activities and agreements (:func:`networks.trust.contacts.contacts_rebuild`).

The choices come from ``random.Random(seed)``, so the same database gets the same activities; dates are
relative to the day of seeding.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from networks.goals.models import Goal
from networks.meetings.services import invitable_organisations, people_organisations
from networks.trust.activities import activity_people
from networks.trust.contacts import contacts_rebuild
from networks.trust.models import Activity, ActivityKind, Participant
from portal.demo_data.people import COORDINATOR_EMAIL, COUNSELLOR_EMAIL

# (kind, title, hours)
ACTIVITIES = [
    (ActivityKind.JOB_SHADOWING, "Työn varjostus: opinto-ohjaajan päivä", Decimal("6")),
    (ActivityKind.JOINT_TRAINING, "Yhteinen koulutus: osaamisen tunnistaminen", Decimal("4")),
    (ActivityKind.PEER_MENTORING, "Vertaismentorointi: uudet ohjaajat", Decimal("2")),
    (ActivityKind.STUDY_VISIT, "Opintokäynti TE-palveluihin", Decimal("3")),
    (ActivityKind.GUIDANCE_DAY, "Yhteinen ohjauspäivä kirjastossa", Decimal("5")),
    (ActivityKind.INFORMAL, "Ohjaajien aamukahvit", Decimal("1.5")),
    (ActivityKind.JOINT_TRAINING, "Koulutus: maahanmuuttajien ohjaus", Decimal("3.5")),
    (ActivityKind.JOB_SHADOWING, "Työn varjostus: hyvinvointialueen palveluohjaus", Decimal("7")),
    (ActivityKind.STUDY_VISIT, "Opintokäynti Ohjaamoon", Decimal("2.5")),
    (ActivityKind.OTHER, "Yhteinen messuosasto Studia-messuilla", Decimal("8")),
]
PLACES = [
    "Gradia, Viitaniementie 1, Jyväskylä",
    "Jyväskylän kaupunginkirjasto, Vapaudenkatu 39",
    "Ohjaamo Jyväskylä, Kauppakatu 19",
    "",
]
GUESTS = ["Liisa Laaksonen", "Pekka Virtanen", "Sanna Korhonen", "Jari Nieminen"]
REFLECTIONS = [
    "Sain paljon uusia ideoita omaan ohjaustyöhöni.",
    "Oli hyödyllistä nähdä, miten toisessa organisaatiossa asiakasta ohjataan eteenpäin.",
    "Tutustuin ihmisiin, joille voin nyt soittaa suoraan.",
    "Hyvä keskustelu, mutta aikaa olisi saanut olla enemmän.",
    "Ymmärrän nyt paremmin kumppanin palvelut ja rajat.",
    "",
]
MONTHS = range(-10, 3)
DAYS = (6, 20)


def _day(today: datetime.date, months: int, day: int) -> datetime.date:
    month_index = today.year * 12 + today.month - 1 + months
    return datetime.date(month_index // 12, month_index % 12 + 1, day)


def seed_activities(network, *, people=None, seed: int = 2026, **_ignored) -> list[Activity]:
    """A year of ``network``'s joint activities with participants and reflections, then the contacts."""
    rng = random.Random(seed)
    today = timezone.localdate()
    people = people or {}
    recorders = [people[email] for email in (COORDINATOR_EMAIL, COUNSELLOR_EMAIL) if email in people]
    candidates = list(activity_people(network).order_by("email"))
    working_for = people_organisations(network, [person.pk for person in candidates])
    candidates = [person for person in candidates if person.pk in working_for]
    organisations = list(invitable_organisations(network))
    goals = list(Goal.objects.filter(network=network).order_by("title", "pk"))
    made = []
    for number, (months, day) in enumerate((m, d) for m in MONTHS for d in DAYS):
        kind, title, hours = ACTIVITIES[number % len(ACTIVITIES)]
        starts_on = _day(today, months, day)
        activity = Activity.objects.create(
            network=network,
            kind=kind,
            title=title,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=1) if kind == ActivityKind.JOB_SHADOWING else None,
            hours=hours,
            place=rng.choice(PLACES),
            online=rng.random() < 0.2,
            description="Jäsenorganisaatioiden ohjaajat oppivat toisiltaan ja tutustuvat toistensa työhön.",
            created_by=rng.choice(recorders) if recorders else None,
        )
        activity.organisers.set(rng.sample(organisations, k=min(len(organisations), rng.randint(1, 2))))
        if goals and rng.random() < 0.6:
            activity.goals.set(rng.sample(goals, k=1))
        _participants(activity, rng, candidates, working_for, organisations, past=starts_on <= today)
        made.append(activity)
    contacts_rebuild(network)
    return made


def _participants(activity, rng, candidates, working_for, organisations, *, past: bool) -> None:
    chosen = rng.sample(candidates, k=min(len(candidates), rng.randint(3, 9)))
    rows = []
    for index, person in enumerate(chosen):
        reflects = past and rng.random() < 0.6
        rows.append(
            Participant(
                activity=activity,
                user=person,
                organisation_id=working_for[person.pk],
                is_organiser=index == 0,
                reflection=rng.choice(REFLECTIONS) if reflects else "",
                usefulness=rng.randint(3, 5) if reflects else None,
                reflected_at=timezone.now() if reflects else None,
            )
        )
    if organisations and rng.random() < 0.4:
        rows.append(Participant(activity=activity, name=rng.choice(GUESTS), organisation=rng.choice(organisations)))
    Participant.objects.bulk_create(rows)
