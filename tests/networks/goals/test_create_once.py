"""No doubled writes: a goal, an indicator and a measurement, each sent twice with the same
one-time token, are created once; the second POST leads to the first."""

import pytest
from django.urls import reverse

from networks.goals.models import Goal, Indicator, Measurement
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.networks.goals.test_indicators import INDICATOR_DATA
from tests.networks.goals.test_pages import _goal_data
from tests.partners.agreements.document_files import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def test_creating_a_goal_twice_makes_one(client_for, network, coordinator, django_capture_on_commit_callbacks):
    url = reverse("goals:goal_create", kwargs={"slug": network.slug})
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    first = assert_created_once(client, url, _goal_data, Goal.objects.count, django_capture_on_commit_callbacks)
    assert first["Location"] == Goal.objects.get().get_absolute_url()


def test_adding_an_indicator_twice_adds_one(client_for, coordinator, goal, django_capture_on_commit_callbacks):
    url = reverse("goals:indicator_create", kwargs={"pk": goal.pk})
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    assert_created_once(
        client, url, lambda: INDICATOR_DATA, Indicator.objects.count, django_capture_on_commit_callbacks
    )


def test_adding_a_measurement_twice_adds_one(
    settings, tmp_path, client_for, member, goal, indicator, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    url = reverse("goals:measurement_add", kwargs={"pk": goal.pk, "indicator": indicator.pk})
    client = client_for(member)
    assert_form_carries_token(client, url)

    def data():
        return {"measured_on": "2026-03-31", "value": "17.5", "evidence": upload("Q1.pdf", pdf_bytes())}

    assert_created_once(client, url, data, Measurement.objects.count, django_capture_on_commit_callbacks)
    assert len(list((tmp_path / "media" / "goal-evidence").iterdir())) == 1  # no orphan evidence file
