"""No doubled writes: opening a survey sent twice with the same one-time token opens one round and sends its
e-mails once; the second POST leads to the first round."""

import pytest
from django.urls import reverse

from networks.trust.models import SurveyRound
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.networks.trust.rounds.conftest import on

pytestmark = pytest.mark.django_db


def test_opening_a_survey_twice_opens_one(client_for, network, coordinator, people, django_capture_on_commit_callbacks):
    url = reverse("trust:round_open", kwargs={"slug": network.slug})
    client = client_for(coordinator)
    assert_form_carries_token(client, url)

    def data():
        return {
            "title": "Luottamuskysely 2026",
            "period_start": on(-365).isoformat(),
            "period_end": on(0).isoformat(),
            "deadline": on(14).isoformat(),
        }

    first = assert_created_once(client, url, data, SurveyRound.objects.count, django_capture_on_commit_callbacks)
    assert first["Location"] == reverse("trust:round_detail", kwargs={"pk": SurveyRound.objects.get().pk})
