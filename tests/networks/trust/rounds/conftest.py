"""The world of the survey round tests: the cast's network with three more active member organisations.

The cast organisation (Jyväskylän kansalaisopisto) is represented by the ``member``; Gradia has a
representative and a Swedish-speaking deputy; Omnia a representative; Riveria has none. ``opened`` is a trust
survey opened by the coordinator through the service, due in ten days, its opening e-mails cleared.
"""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from networks.trust import rounds
from tests import factories


def on(n: int) -> datetime.date:
    """Today plus ``n`` days."""
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def people(network, organisation, member, partner_organisation):
    gradia_rep = factories.UserFactory(email="gradia@example.fi", first_name="Greta", last_name="Gradia")
    gradia_deputy = factories.UserFactory(email="gradia.vara@example.fi", languages=["sv"])
    network.memberships.filter(organisation=partner_organisation).update(
        representative=gradia_rep, deputy=gradia_deputy
    )
    omnia = factories.OrganisationFactory(name="Omnia", slug="omnia")
    omnia_rep = factories.UserFactory(email="omnia@example.fi")
    factories.MembershipFactory(network=network, organisation=omnia, representative=omnia_rep)
    riveria = factories.OrganisationFactory(name="Riveria", slug="riveria")
    factories.MembershipFactory(network=network, organisation=riveria)
    return {
        "organisation": organisation,
        "member": member,
        "gradia": partner_organisation,
        "gradia_rep": gradia_rep,
        "gradia_deputy": gradia_deputy,
        "omnia": omnia,
        "omnia_rep": omnia_rep,
        "riveria": riveria,
    }


def open_round(network, coordinator, capture, **kwargs):
    data = {"title": "Luottamuskysely 2026", "period_start": on(-300), "period_end": on(-1), "deadline": on(10)}
    data.update(kwargs)
    with capture(execute=True):
        return rounds.round_open(network=network, user=coordinator, **data)


@pytest.fixture
def opened(network, coordinator, people, django_capture_on_commit_callbacks):
    round_ = open_round(network, coordinator, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    return round_


def full(relationship=2, score=3, comment=""):
    """One row of a complete answer (trust and value only where the relationship is working together)."""
    from networks.trust.answering import SCORE_FIELDS, RatingInput

    scores = {name: score for name in SCORE_FIELDS} if relationship >= 2 else {}
    return RatingInput(relationship=relationship, scores=scores, comment=comment)


def post_data(rows: dict, *, action="draft", version="new") -> dict:
    """The answer form's POST: ``rows`` maps an organisation's id to its relationship and, optionally, scores."""
    from networks.trust.answering import SCORE_FIELDS

    data = {"action": action, "version": version}
    for pk, row in rows.items():
        relationship, score = (row, None) if not isinstance(row, tuple) else row
        if relationship is not None:
            data[f"r{pk}-relationship"] = str(relationship)
        if score is not None:
            for name in SCORE_FIELDS:
                data[f"r{pk}-{name}"] = str(score)
    return data
