"""Factories and helpers of the health check tests: a health check, an organisation's answer, a closed check."""

import factory
from django.utils import timezone

from networks.trust.models import HealthAspect, HealthRating, SurveyResponse, SurveyRound
from networks.trust.results import round_close
from tests import factories


class HealthCheckFactory(factories.SurveyRoundFactory):
    """An open health check of the whole network; pass ``network`` and ``organisations=[...]``."""

    kind = SurveyRound.Kind.HEALTH
    title = factory.Sequence(lambda n: f"Kumppanuuden terveystarkastus {n}")


class HealthRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HealthRating

    aspect = HealthAspect.GOALS
    colour = "green"


def answer(round_, organisation, colours: dict | None = None, *, comments: dict | None = None, submitted=True, by=None):
    """``organisation``'s answer: ``colours`` per aspect (green for the rest), submitted unless told."""
    colours = colours or {}
    comments = comments or {}
    response = SurveyResponse.objects.create(
        round=round_, organisation=organisation, answered_by=by, submitted_at=timezone.now() if submitted else None
    )
    for aspect in HealthAspect.values:
        HealthRatingFactory(
            response=response, aspect=aspect, colour=colours.get(aspect, "green"), comment=comments.get(aspect, "")
        )
    return response


def closed_check(network, organisations, answers, **kwargs):
    """A closed health check asking ``organisations``, with ``answers`` (organisation → colours) submitted."""
    round_ = HealthCheckFactory(network=network, organisations=organisations, **kwargs)
    for organisation, colours in answers.items():
        answer(round_, organisation, colours)
    round_close(round_=round_)
    round_.refresh_from_db()
    return round_
