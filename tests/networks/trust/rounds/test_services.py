"""Opening and cancelling a trust survey: who is asked, one open survey per network, the dates, the e-mail."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from networks.trust import rounds
from networks.trust.models import RoundStatus, SurveyKind, SurveyRound
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from tests import factories
from tests.networks.trust.rounds.conftest import on, open_round

pytestmark = pytest.mark.django_db


def test_opening_asks_the_active_members_then(network, coordinator, people, django_capture_on_commit_callbacks):
    paused = factories.OrganisationFactory(name="Tauolla")
    factories.MembershipFactory(network=network, organisation=paused, status=MembershipStatus.PAUSED)
    round_ = open_round(network, coordinator, django_capture_on_commit_callbacks)
    assert round_.kind == SurveyKind.TRUST and round_.status == RoundStatus.OPEN
    assert round_.opened_by == coordinator
    names = sorted(round_.organisations.values_list("name", flat=True))
    assert names == ["Gradia", "Jyväskylän kansalaisopisto", "Omnia", "Riveria"]
    # An organisation that joins afterwards is not asked in this round.
    factories.MembershipFactory(network=network, organisation=factories.OrganisationFactory(name="Myöhäinen"))
    assert round_.organisations.count() == 4


def test_the_representatives_and_deputies_are_told(network, coordinator, people, django_capture_on_commit_callbacks):
    round_ = open_round(network, coordinator, django_capture_on_commit_callbacks)
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["gradia.vara@example.fi", "gradia@example.fi", "jasen@example.fi", "omnia@example.fi"]
    finnish = next(m for m in mail.outbox if m.to == ["omnia@example.fi"])
    assert "Keski-Suomen ohjausverkosto" in finnish.subject
    assert "Luottamuskysely 2026" in finnish.body
    assert f"/trust/surveys/{round_.pk}/answer/" in finnish.body
    assert "jokaisesta muusta 3 organisaatiosta" in finnish.body
    swedish = next(m for m in mail.outbox if m.to == ["gradia.vara@example.fi"])
    assert "förtroende" in swedish.subject.lower()


def test_only_one_open_trust_survey_per_network(network, coordinator, opened, django_capture_on_commit_callbacks):
    with pytest.raises(DomainError, match="jo avoin luottamuskysely"):
        open_round(network, coordinator, django_capture_on_commit_callbacks)
    # The database holds it too, whatever the code does.
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SurveyRoundFactory(network=network)
    # A health check may be open at the same time.
    factories.SurveyRoundFactory(network=network, kind=SurveyKind.HEALTH)
    rounds.round_cancel(round_=opened, user=coordinator)
    assert open_round(network, coordinator, django_capture_on_commit_callbacks).is_open


def test_the_dates_are_checked(network, coordinator, people, django_capture_on_commit_callbacks):
    cases = [
        ({"deadline": on(0)}, "deadline"),
        ({"deadline": on(-3)}, "deadline"),
        ({"deadline": on(400)}, "deadline"),
        ({"period_start": on(5), "period_end": on(1)}, "period_end"),
        ({"period_start": on(20), "period_end": on(40), "deadline": on(10)}, "deadline"),
    ]
    for data, field in cases:
        with pytest.raises(DomainError) as caught:
            open_round(network, coordinator, django_capture_on_commit_callbacks, **data)
        assert field in caught.value.error_dict, data
    assert not SurveyRound.objects.exists()
    assert mail.outbox == []


def test_no_round_without_active_members(other_network, outsider, django_capture_on_commit_callbacks):
    other_network.memberships.update(status=MembershipStatus.LEFT)
    with pytest.raises(DomainError):
        open_round(other_network, outsider, django_capture_on_commit_callbacks)


def test_an_empty_title_gets_the_default(network, coordinator, people, django_capture_on_commit_callbacks):
    round_ = open_round(network, coordinator, django_capture_on_commit_callbacks, title="  ")
    assert round_.title == rounds.default_title()


def test_cancelling(opened, coordinator):
    rounds.round_cancel(round_=opened, user=coordinator)
    opened.refresh_from_db()
    assert opened.status == RoundStatus.CANCELLED and opened.closed_at is not None
    with pytest.raises(DomainError):
        rounds.round_cancel(round_=opened, user=coordinator)


def test_organisation_states_and_rate(opened, people):
    factories.SurveyResponseFactory(round=opened, organisation=people["gradia"])
    from django.utils import timezone

    factories.SurveyResponseFactory(round=opened, organisation=people["omnia"], submitted_at=timezone.now())
    states = [(state.name, state.state) for state in rounds.as_states(rounds.organisation_states(opened))]
    assert states == [  # those not submitted first, then by name
        ("Gradia", "draft"),
        ("Jyväskylän kansalaisopisto", "not_started"),
        ("Riveria", "not_started"),
        ("Omnia", "submitted"),
    ]
    rate = rounds.response_rate(opened)
    assert (rate.asked, rate.submitted, rate.drafts, rate.percent) == (4, 1, 1, 25)
