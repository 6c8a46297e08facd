"""Closed trust surveys for the results' tests: a round of the given organisations, their submitted
responses and ratings written in bulk, closed through ``round_close``."""

from django.utils import timezone

from networks.trust.models import SurveyResponse, TrustRating
from networks.trust.results import round_close
from tests import factories


def rate(response, about, relationship=2, score=3, comment="", value=None):
    """One rating: ``score`` for the three trust questions, ``value`` (default ``score``) for the value ones."""
    value = score if value is None else value
    scored = relationship >= 2
    return TrustRating(
        response=response,
        about=about,
        relationship=relationship,
        reliability=score if scored else None,
        openness=score if scored else None,
        mission_support=score if scored else None,
        influence=value if scored else None,
        involvement=value if scored else None,
        resources=value if scored else None,
        comment=comment,
    )


def trust_round(network, organisations, ratings, *, drafts=(), close=True, **round_kwargs):
    """A trust round asking ``organisations``; ``ratings``: {(rater, about): dict of :func:`rate`'s keywords}
    (every rater gets a submitted response; those in ``drafts`` a draft only). Closed unless ``close`` is false."""
    round_ = factories.SurveyRoundFactory(network=network, organisations=organisations, **round_kwargs)
    raters = {rater for rater, _about in ratings} | set(drafts)
    now = timezone.now()
    responses = {
        org: SurveyResponse.objects.create(round=round_, organisation=org, submitted_at=None if org in drafts else now)
        for org in raters
    }
    TrustRating.objects.bulk_create(
        rate(responses[rater], about, **kwargs) for (rater, about), kwargs in ratings.items()
    )
    if close:
        round_close(round_=round_)
        round_.refresh_from_db()
    return round_


def orgs_in(network, n):
    """``n`` new active member organisations of ``network``."""
    made = factories.OrganisationFactory.create_batch(n)
    for org in made:
        factories.MembershipFactory(network=network, organisation=org)
    return made
