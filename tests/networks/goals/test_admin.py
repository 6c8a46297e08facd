"""The admin of shared goals: revisions, rounds and answers are read-only; answers cannot be added."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from networks.goals.endorsement import endorsement_answer, endorsement_open
from networks.goals.models import Endorsement, EndorsementRound, Goal, Measurement


@pytest.fixture
def answered(goal, coordinator, member, organisation, partner_organisation):
    endorsement_open(goal=goal, user=coordinator)
    endorsement_answer(goal=goal, organisation=organisation, user=member, answer="reservations", reason="Resurssit.")
    return EndorsementRound.objects.get(goal=goal)


@pytest.mark.django_db
def test_goal_pages_show_revisions_rounds_and_indicators_read_only(client_for, admin_user, answered, indicator):
    client = client_for(admin_user)
    goal = answered.goal
    assert client.get(reverse("admin:networks_goal_changelist")).status_code == 200
    page = client.get(reverse("admin:networks_goal_change", args=[goal.pk]))
    assert page.status_code == 200
    # The text is the revisions' business: not editable here; what needs no revision is.
    assert 'name="title"' not in page.text and 'name="status"' not in page.text
    assert 'name="quality_area"' in page.text
    assert 'name="revisions-0-summary"' not in page.text
    assert indicator.name in page.text
    # Goals are proposed on the portal, which records their first revision.
    assert client.get(reverse("admin:networks_goal_add")).status_code == 403


@pytest.mark.django_db
def test_answers_cannot_be_added_changed_or_deleted(client_for, admin_user, answered):
    client = client_for(admin_user)
    assert Endorsement not in admin.site._registry
    page = client.get(reverse("admin:networks_endorsementround_change", args=[answered.pk]))
    assert page.status_code == 200
    assert "Resurssit." in page.text
    assert 'name="answers-0-answer"' not in page.text
    assert 'name="answers-0-DELETE"' not in page.text
    assert client.get(reverse("admin:networks_endorsementround_add")).status_code == 403
    response = client.post(
        reverse("admin:networks_endorsementround_change", args=[answered.pk]),
        {"answers-TOTAL_FORMS": "1", "answers-INITIAL_FORMS": "0", "answers-0-answer": "object"},
    )
    assert response.status_code == 403
    assert list(Endorsement.objects.values_list("answer", flat=True)) == ["reservations"]


@pytest.mark.django_db
def test_a_measurement_added_in_the_admin_records_who(client_for, admin_user, indicator):
    url = reverse("admin:networks_indicator_change", args=[indicator.pk])
    client = client_for(admin_user)
    assert client.get(url).status_code == 200
    data = {
        "goal": indicator.goal_id,
        "name": indicator.name,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "baseline_value": "10",
        "baseline_date": "2026-01-01",
        "target_value": "30",
        "target_date": "2026-12-31",
        "frequency": indicator.frequency,
        "owner": indicator.owner_id,
        "measurements-TOTAL_FORMS": "1",
        "measurements-INITIAL_FORMS": "0",
        "measurements-0-measured_on": "2026-04-01",
        "measurements-0-value": "17",
        "measurements-0-note": "Korjattu arvo",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    measurement = Measurement.objects.get(indicator=indicator)
    assert measurement.measured_on == datetime.date(2026, 4, 1)
    assert measurement.recorded_by == admin_user


@pytest.mark.django_db
def test_a_goal_with_rounds_cannot_be_deleted_in_the_admin(client_for, admin_user, answered):
    """Rounds keep the revision they were about (PROTECT): the admin says so instead of deleting history."""
    client = client_for(admin_user)
    page = client.get(reverse("admin:networks_goal_delete", args=[answered.goal_id]))
    assert page.status_code == 200
    client.post(reverse("admin:networks_goal_delete", args=[answered.goal_id]), {"post": "yes"})
    assert Goal.objects.filter(pk=answered.goal_id).exists()
