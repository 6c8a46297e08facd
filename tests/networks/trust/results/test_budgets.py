"""Query budgets of the results page (each role) and the pairs page: the same number of queries with a few
organisations as with a hundred times more."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from networks.trust.models import OrganisationResult, SurveyResponse, TrustRating
from tests import factories
from tests.networks.trust.results.factories import orgs_in, rate, trust_round
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(network, organisation):
    others = orgs_in(network, 3)
    ratings = {(a, b): {"score": 3, "comment": "Hyvä"} for a in [organisation, *others] for b in others if a != b}
    ratings.update({(other, organisation): {"score": 4} for other in others})
    return trust_round(network, [organisation, *others], ratings)


def _grow_results(round_, n=300):
    """``n`` more organisations in the stored results, some over the threshold, with comments."""
    orgs = factories.OrganisationFactory.create_batch(n)
    OrganisationResult.objects.bulk_create(
        OrganisationResult(
            result=round_.result,
            organisation=org,
            raters=i % 6,
            average_trust=3.0,
            degree=i % 6,
            community=1 + i % 3,
            comments=["Kommentti"] * (i % 3),
        )
        for i, org in enumerate(orgs)
    )
    round_.result.figures["isolated"] = [org.pk for org in orgs[:40]]
    round_.result.save(update_fields=["figures"])


def _grow_ratings(round_, n=300):
    orgs = factories.OrganisationFactory.create_batch(n // 10)
    asked = list(round_.organisations.all())
    now = timezone.now()
    for org in orgs:
        response = SurveyResponse.objects.create(round=round_, organisation=org, submitted_at=now)
        TrustRating.objects.bulk_create(rate(response, about, score=2) for about in asked + orgs if about != org)


@pytest.mark.parametrize("role", ["coordinator", "member", "observer"])
def test_results_page_budget(client, closed, request, role):
    client.force_login(request.getfixturevalue(role))
    url = reverse("trust:round_results", kwargs={"pk": closed.pk})
    assert_budget(client, url, budget=10, grow=lambda: _grow_results(closed))


def test_pairs_page_budget(client, closed, coordinator):
    client.force_login(coordinator)
    url = reverse("trust:round_result_pairs", kwargs={"pk": closed.pk})
    assert_budget(client, url, budget=9, grow=lambda: _grow_ratings(closed))


def test_export_budget(client, closed, coordinator):
    client.force_login(coordinator)
    url = reverse("trust:round_results_export", kwargs={"pk": closed.pk})
    # A closed round's ratings never grow: the workbook cached at the first download is dropped to build it again.
    assert_budget(client, url, budget=14, grow=lambda: (_grow_ratings(closed), cache.clear()))
