"""Demo data of trust surveys: two closed trust surveys of the demo network a year apart, the second denser
and with higher trust, so the trend on the results page and the dashboard tells a story.

The responses and ratings are written directly (as the answer form would store them) and each round is
closed through :func:`networks.trust.results.round_close`, which computes and stores the results; then the
first round's dates are moved a year back. Deterministic: ``random.Random(seed)``.
"""

import datetime
import random

from django.utils import timezone

from networks.memberships.models import Membership
from networks.trust.models import SurveyKind, SurveyResponse, SurveyRound, TrustRating
from networks.trust.results import round_close
from portal.lib.access import ESTABLISHED

COMMENTS = [
    "Yhteistyö on sujunut hyvin ja tieto kulkee.",
    "Sovituista asioista pidetään kiinni.",
    "Toivoisimme tiiviimpää yhteydenpitoa ohjauksen käytännöistä.",
    "Yhteiset koulutukset ovat olleet hyödyllisiä.",
    "Asiakkaiden ohjaus eteenpäin toimii joustavasti.",
    "Yhteyshenkilöt vaihtuvat usein, mikä hankaloittaa yhteistyötä.",
    "Avoin ja rakentava kumppani verkostossa.",
    "Resursseja yhteiseen kehittämiseen on ollut niukasti.",
]


def _ratings(rng, response, others, *, tie_share, trust_base):
    """One organisation's ratings of the others: a tie with about ``tie_share`` of them, trust around
    ``trust_base`` (1–4)."""
    made = []
    for about in others:
        tied = rng.random() < tie_share
        relationship = rng.choice((2, 2, 3, 3, 4)) if tied else rng.choice((0, 0, 1))
        scores = {}
        if relationship >= 2:
            for name in ("reliability", "openness", "mission_support", "influence", "involvement", "resources"):
                scores[name] = max(1, min(4, round(trust_base + rng.uniform(-1.0, 1.0))))
        comment = rng.choice(COMMENTS) if relationship >= 2 and rng.random() < 0.25 else ""
        made.append(TrustRating(response=response, about=about, relationship=relationship, comment=comment, **scores))
    return made


def _round(network, organisations, rng, *, title, year, answer_share, tie_share, trust_base):
    round_ = SurveyRound.objects.create(
        network=network,
        kind=SurveyKind.TRUST,
        title=title,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        deadline=timezone.localdate() + datetime.timedelta(days=14),
    )
    round_.organisations.set(organisations)
    now = timezone.now()
    ratings = []
    for organisation, representative in organisations.items():
        if rng.random() > answer_share:
            continue
        response = SurveyResponse.objects.create(
            round=round_, organisation=organisation, answered_by=representative, submitted_at=now
        )
        others = [other for other in organisations if other != organisation]
        ratings += _ratings(rng, response, others, tie_share=tie_share, trust_base=trust_base)
    TrustRating.objects.bulk_create(ratings)
    round_close(round_=round_)
    return round_


def seed_trust_rounds(network, *, seed: int = 2026) -> list[SurveyRound]:
    """Two closed trust surveys of ``network``'s established members, a year apart (last year's and this
    year's); the later one answered by more, with more ties and higher trust."""
    rng = random.Random(seed)
    memberships = Membership.objects.filter(network=network, status__in=ESTABLISHED).select_related("organisation")
    organisations = {m.organisation: m.representative for m in memberships.order_by("organisation__name")}
    if len(organisations) < 3:
        return []
    this_year = timezone.localdate().year
    first = _round(
        network,
        organisations,
        rng,
        title=f"Luottamuskysely {this_year - 1}",
        year=this_year - 1,
        answer_share=0.7,
        tie_share=0.35,
        trust_base=2.4,
    )
    second = _round(
        network,
        organisations,
        rng,
        title=f"Luottamuskysely {this_year}",
        year=this_year,
        answer_share=0.9,
        tie_share=0.6,
        trust_base=3.1,
    )
    year = datetime.timedelta(days=365)
    SurveyRound.objects.filter(pk=first.pk).update(
        opened_at=first.opened_at - year - datetime.timedelta(days=21),
        closed_at=first.closed_at - year,
        deadline=first.deadline - year,
    )
    SurveyRound.objects.filter(pk=second.pk).update(opened_at=second.opened_at - datetime.timedelta(days=21))
    return [first, second]
