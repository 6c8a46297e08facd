"""Builders of the network map's data: member organisations, closed trust surveys with submitted ratings,
attended meetings and joint activities with participants."""

import datetime
import itertools

from django.utils import timezone

from networks.meetings.models import Attendance
from networks.trust.models import Participant, SurveyResponse, TrustRating
from tests import factories

_BATCH = itertools.count()


def members(network, n, *, level="cooperation", regions=("keski-suomi",), prefix="Jäsen"):
    """``n`` organisations in active memberships of ``network``."""
    orgs = []
    for i in range(n):
        org = factories.OrganisationFactory(name=f"{prefix} {i:03d}", regions=list(regions))
        factories.MembershipFactory(network=network, organisation=org, level=level)
        orgs.append(org)
    return orgs


def closed_round(network, organisations, ratings, *, title=None, closed_days_ago=1, submitted=True):
    """A closed trust survey of ``organisations`` whose responses rate: ``ratings`` is a list of
    (from organisation, about organisation, relationship)."""
    round_ = factories.SurveyRoundFactory(
        network=network,
        organisations=organisations,
        status="closed",
        closed_at=timezone.now() - datetime.timedelta(days=closed_days_ago),
        **({"title": title} if title else {}),
    )
    responses = {}
    for rater, about, relationship in ratings:
        if rater.pk not in responses:
            responses[rater.pk] = SurveyResponse.objects.create(
                round=round_, organisation=rater, submitted_at=timezone.now() if submitted else None
            )
        TrustRating.objects.create(response=responses[rater.pk], about=about, relationship=relationship)
    return round_


def held_meeting(network, organisations, *, days_ago=30, status="held"):
    """A meeting of ``network`` held ``days_ago`` days ago, attended by a person of each organisation."""
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    meeting = factories.MeetingFactory(
        network=network,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        status=status,
        cancel_reason="Peruttiin." if status == "cancelled" else "",
    )
    for org in organisations:
        Attendance.objects.create(meeting=meeting, user=factories.UserFactory(), organisation=org)
    return meeting


def activity(network, organisations):
    """A joint activity of ``network`` with one participant of each organisation (named, no account)."""
    made = factories.ActivityFactory(network=network)
    for org in organisations:
        Participant.objects.create(activity=made, name=f"Osallistuja {org.pk}", organisation=org)
    return made


def agreement(network, organisations, *, status="active"):
    extra = {"termination_reason": "Lopetettiin."} if status == "terminated" else {}
    made = factories.AgreementFactory(network=network, status=status, **extra)
    for org in organisations:
        factories.AgreementPartyFactory(agreement=made, organisation=org)
    return made


def bulk_world(network, n, *, ratings_per_org=60, meetings=0, per_meeting=6, activities=0, rounds=1):
    """A large network in a few bulk inserts: ``n`` members (one person each), ``rounds`` closed trust surveys
    where each organisation rates ``ratings_per_org`` others (who rate it back; two more in each later round),
    ``meetings`` held meetings within the year and ``activities`` joint activities, each with ``per_meeting``
    organisations."""
    from django.contrib.auth import get_user_model

    from networks.meetings.models import Meeting
    from networks.memberships.models import Membership
    from networks.trust.models import Activity
    from partners.directory.models import Organisation

    tag = f"{network.slug}-{next(_BATCH)}"
    levels = ["networking", "cooperation", "coordination", "strategic"]
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"{tag} org {i:03d}", slug=f"{tag}-org-{i}", regions=["keski-suomi"]) for i in range(n)
    )
    Membership.objects.bulk_create(
        Membership(network=network, organisation=o, status="active", level=levels[i % 4]) for i, o in enumerate(orgs)
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"{tag}-{i}@example.fi", first_name="A", last_name=str(i)) for i in range(n)
    )
    now = timezone.now()
    for r in range(rounds):
        round_ = factories.SurveyRoundFactory(
            network=network, organisations=orgs, status="closed", closed_at=now - datetime.timedelta(days=10 + r)
        )
        responses = SurveyResponse.objects.bulk_create(
            SurveyResponse(round=round_, organisation=o, submitted_at=now) for o in orgs
        )
        TrustRating.objects.bulk_create(
            TrustRating(response=resp, about=orgs[(i + sign * k * 7) % n], relationship=1 + (k + r) % 4)
            for i, resp in enumerate(responses)
            for k in range(1, min((ratings_per_org + 2 * r) // 2, (n - 1) // 2) + 1)
            for sign in (1, -1)
        )
    made = Meeting.objects.bulk_create(
        Meeting(
            network=network,
            title=f"T {m}",
            starts_at=now - datetime.timedelta(days=1 + m % 360),
            ends_at=now - datetime.timedelta(days=1 + m % 360) + datetime.timedelta(hours=1),
            status="held",
        )
        for m in range(meetings)
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, user=users[(m * 7 + k) % n], organisation=orgs[(m * 7 + k) % n])
        for m, meeting in enumerate(made)
        for k in range(per_meeting)
    )
    acts = Activity.objects.bulk_create(
        Activity(network=network, kind="training", title=f"A {i}", starts_on=now.date(), hours=2)
        for i in range(activities)
    )
    Participant.objects.bulk_create(
        Participant(activity=act, name="X", organisation=orgs[(i * 5 + k) % n])
        for i, act in enumerate(acts)
        for k in range(per_meeting)
    )
    return orgs


KINDS = [
    "kansalaisopisto",
    "TE-palvelut",
    "ammattiopisto",
    "kirjasto",
    "kaupungin työllisyyspalvelut",
    "yhdistys",
    "ohjaamo",
    "ammattikorkeakoulu",
    "työpaja",
    "seurakunta",
]
TOWNS = [
    "Jyväskylän",
    "Äänekosken",
    "Jämsän",
    "Keuruun",
    "Saarijärven",
    "Laukaan",
    "Viitasaaren",
    "Muuramen",
    "Hankasalmen",
    "Joutsan",
    "Kannonkosken",
    "Konneveden",
    "Petäjäveden",
    "Toivakan",
    "Uuraisten",
]


def demo_network(network, n, *, seed=7, groups=5):
    """A network that looks like a real one: ``n`` organisations with plausible names in ``groups`` regional
    clusters, mostly tied within their cluster, a trust survey, agreements, meetings and activities."""
    import random

    rng = random.Random(seed)
    levels = ["networking", "cooperation", "coordination", "strategic"]
    orgs = []
    for i in range(n):
        name = f"{TOWNS[i % len(TOWNS)]} {KINDS[(i // len(TOWNS) + i) % len(KINDS)]}"
        if i >= len(TOWNS) * len(KINDS):
            name = f"{name} {i}"
        org = factories.OrganisationFactory(name=name, regions=["keski-suomi" if i % 4 else "pirkanmaa"])
        factories.MembershipFactory(
            network=network, organisation=org, level=levels[min(3, int(rng.random() ** 1.6 * 4))]
        )
        orgs.append(org)
    group = {o.pk: i % groups for i, o in enumerate(orgs)}
    ratings = []
    for a in orgs:
        for b in orgs:
            if a is b:
                continue
            chance = 0.45 if group[a.pk] == group[b.pk] else 0.025
            if rng.random() < chance * (6 / max(6, n / 8)):
                ratings.append((a, b, rng.choice([1, 2, 2, 3, 3, 4])))
    builders_round = closed_round(network, orgs, ratings, title="Luottamuskysely 2026")
    for g in range(groups):
        members_ = [o for o in orgs if group[o.pk] == g]
        agreement(network, rng.sample(members_, min(3, len(members_))))
        for _ in range(3):
            held_meeting(network, rng.sample(members_, min(4, len(members_))), days_ago=rng.randint(5, 300))
        activity(network, rng.sample(orgs, 3))
    return orgs, builders_round
