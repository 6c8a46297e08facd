"""Demo trust surveys: ``seed_demo`` gives the demo network two closed trust surveys a year apart, the second
denser and with higher trust, results stored at close, comments in Finnish; the same every time."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from networks.trust.models import RoundResult
from portal.accounts.models import User
from portal.demo_data import COORDINATOR_EMAIL
from portal.demo_data.trust_rounds import COMMENTS, seed_trust_rounds
from tests.networks.trust.results.factories import orgs_in

pytestmark = pytest.mark.django_db


def test_seed_demo_closes_two_trust_surveys_with_a_rising_trend(client):
    call_command("seed_demo", stdout=StringIO())
    results = list(RoundResult.objects.filter(round__network__slug="keski-suomi").order_by("round__closed_at"))
    assert len(results) == 2
    first, second = results
    assert (second.round.closed_at - first.round.closed_at).days >= 360
    assert second.density > first.density and second.average_trust > first.average_trust
    assert second.response_rate > first.response_rate
    assert first.figures["change"] is None and second.figures["change"]["average_trust"] > 0
    comments = {c for row in second.organisations.all() for c in row.comments}
    assert comments and comments <= set(COMMENTS)
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    TOTP.activate(coordinator, generate_totp_secret())  # the demo network asks its coordinators for it
    client.force_login(coordinator)
    assert client.get(reverse("trust:round_results", kwargs={"pk": second.round_id})).status_code == 200
    assert 'id="trust-trend"' in client.get(reverse("portal:home")).text


def test_seeding_is_deterministic(network):
    orgs_in(network, 8)
    first = [r.result for r in seed_trust_rounds(network, seed=5)]
    again = [r.result for r in seed_trust_rounds(network, seed=5)]
    for one, other in zip(first, again, strict=True):
        assert (one.density, one.average_trust, one.responded) == (other.density, other.average_trust, other.responded)
