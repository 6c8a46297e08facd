"""No lost updates: an indicator's form and the network's goal rule refuse a stale save
(before, they were saved silently over a newer save)."""

import pytest
from django.urls import reverse

from networks.goals import indicators, services
from networks.goals.models import Indicator
from networks.memberships.models import Network
from tests.stale_edits import assert_stale_refused

pytestmark = pytest.mark.django_db


def test_indicator_edit(client_for, goal, indicator, coordinator):
    assert_stale_refused(
        client_for(coordinator),
        reverse("goals:indicator_edit", kwargs={"pk": goal.pk, "indicator": indicator.pk}),
        change=lambda: indicators.indicator_update(indicator=indicator, data={"name": "Toisen nimi"}),
        overrides={"name": "Minun nimeni"},
        saved=lambda: {"name": Indicator.objects.get(pk=indicator.pk).name},
    )


def test_goal_rule(client_for, network, coordinator):
    assert_stale_refused(
        client_for(coordinator),
        reverse("goals:goal_rule", kwargs={"slug": network.slug}),
        change=lambda: services.network_goal_rule_update(network=network, rule="all", set_size=None, days=30),
        overrides={"goal_endorsement_days": "45"},
        saved=lambda: {"days": Network.objects.get(pk=network.pk).goal_endorsement_days},
    )
