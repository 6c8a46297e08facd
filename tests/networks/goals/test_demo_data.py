"""``manage.py seed_demo`` gives the main network shared goals in every status."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from networks.goals import selectors
from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalStatus, Indicator
from partners.agreements.models import Agreement
from portal.accounts.models import User
from portal.demo_data import COORDINATOR_EMAIL, COUNSELLOR_EMAIL


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())
    return Goal.objects.filter(network__slug="keski-suomi")


def _months(first, last) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


@pytest.mark.django_db
def test_seed_demo_has_goals_in_every_status(seeded):
    assert set(seeded.values_list("status", flat=True)) == set(GoalStatus.values)
    assert set(seeded.values_list("quality_area", flat=True)) == set(Goal.Area.values)
    # Every goal was made through the services: each has its first revision.
    for goal in seeded:
        assert goal.revisions.filter(number=1).exists(), goal


@pytest.mark.django_db
def test_a_revised_goal_with_two_revisions_and_a_dropped_one_with_its_reason(seeded):
    revised = seeded.get(status=GoalStatus.REVISED)
    assert revised.revision == 2
    assert list(revised.revisions.order_by("number").values_list("number", flat=True)) == [1, 2]
    assert revised.revisions.get(number=2).summary
    rounds = revised.rounds.order_by("opened_at")
    assert [r.outcome for r in rounds] == [EndorsementRound.Outcome.AGREED, EndorsementRound.Outcome.OPEN]
    assert [r.revision.number for r in rounds] == [1, 2]
    assert revised.status_before_revision == GoalStatus.IN_PROGRESS

    dropped = seeded.get(status=GoalStatus.DROPPED)
    assert dropped.drop_reason
    assert dropped.rounds.get().outcome == EndorsementRound.Outcome.CANCELLED


@pytest.mark.django_db
def test_rounds_have_answers_with_reservations_and_objections(seeded):
    answers = Endorsement.objects.filter(round__goal__in=seeded)
    assert {a.answer for a in answers} == set(Endorsement.Answer.values)
    assert all(a.reason for a in answers if a.answer != Endorsement.Answer.AGREE)
    # Every answer was given before its round closed, and the history goes back more than a year.
    for round_ in EndorsementRound.objects.filter(goal__in=seeded):
        for answer in round_.answers.all():
            assert round_.opened_at <= answer.answered_at
            assert round_.closed_at is None or answer.answered_at <= round_.closed_at
    oldest = EndorsementRound.objects.filter(goal__in=seeded).order_by("opened_at").first()
    assert (timezone.now() - oldest.opened_at).days > 365


@pytest.mark.django_db
def test_indicators_have_a_year_of_monthly_and_quarterly_measurements(seeded):
    indicators = Indicator.objects.filter(goal__in=seeded).prefetch_related("measurements")
    long_series = [
        indicator
        for indicator in indicators
        if (days := [m.measured_on for m in indicator.measurements.all()])
        and len(days) >= 4
        and _months(min(days), max(days)) >= 9
    ]
    frequencies = {indicator.frequency for indicator in long_series}
    assert {Indicator.Frequency.MONTHLY, Indicator.Frequency.QUARTERLY} <= frequencies
    assert any(indicator.measurements.count() >= 12 for indicator in long_series)
    assert {indicator.direction for indicator in indicators} == set(Indicator.Direction.values)


@pytest.mark.django_db
def test_goals_link_to_the_seeded_agreements(seeded):
    linked = Agreement.objects.filter(goals__in=seeded).distinct()
    assert linked.count() >= 4
    assert seeded.get(status=GoalStatus.DROPPED).agreements.get().status == "terminated"


@pytest.mark.django_db
def test_demo_accounts_see_goals_on_the_dashboard_and_in_the_report(seeded, client):
    counsellor = User.objects.get(email=COUNSELLOR_EMAIL)
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    assert selectors.goals_awaiting_answer(user=counsellor)
    assert selectors.goals_awaiting_answer(user=coordinator)
    network = seeded.first().network
    assert [g.status for g in selectors.goal_proposals_waiting(network_ids=[network.pk])] == [GoalStatus.PROPOSED]

    client.force_login(counsellor)
    response = client.get(reverse("goals:goal_report", kwargs={"slug": "keski-suomi"}))
    assert response.status_code == 200
    assert len(response.context["report"].goals) >= 5
    assert client.get(reverse("goals:goal_report_export", kwargs={"slug": "keski-suomi"})).status_code == 200
