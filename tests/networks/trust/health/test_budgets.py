"""Query budgets of the health check pages (HOUSE-STYLE rule 22): the network's list with 3 checks and with
80 (over a page), each asking many organisations with answers; the check's page open and closed, and the answer
form, with few and with many organisations asked and answering."""

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.memberships.models import Membership
from networks.trust.models import HealthAspect, HealthRating, SurveyResponse, SurveyRound
from networks.trust.results import round_close
from tests import factories
from tests.networks.trust.health.factories import HealthCheckFactory
from tests.querybudget import assert_budget, count_queries


def _organisations(network, n):
    organisations = factories.OrganisationFactory.create_batch(n)
    Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in organisations)
    return organisations


def _answers(round_, organisations):
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(round=round_, organisation=organisation, submitted_at=timezone.now())
        for organisation in organisations
    )
    HealthRating.objects.bulk_create(
        HealthRating(response=response, aspect=aspect, colour="amber", comment=f"Kommentti {response.pk}")
        for response in responses
        for aspect in HealthAspect.values
    )


def _checks(network, organisations, n):
    for number in range(n):
        round_ = HealthCheckFactory(network=network, organisations=organisations, title=f"Tarkastus {number}")
        _answers(round_, organisations[: len(organisations) // 2])


def test_the_list(network, organisation, coordinator, client_for, agreement):
    organisations = [organisation, *_organisations(network, 3)]
    _checks(network, organisations, 3)
    url = reverse("trust:health_list", kwargs={"slug": network.slug})

    def grow():
        more = [*organisations, *_organisations(network, 30)]
        _checks(network, more, 77)
        SurveyRound.objects.filter(network=network).update(agreement=agreement)

    # session, person, network, role, the checks' count and page (with their answer counts), the messages
    assert_budget(client_for(coordinator), url, budget=8, grow=grow)


@pytest.mark.parametrize("who", ["coordinator", "member"])
def test_an_open_check(who, request, network, organisation, client_for):
    user = request.getfixturevalue(who)
    round_ = HealthCheckFactory(network=network, organisations=[organisation, *_organisations(network, 2)])
    _answers(round_, [organisation])

    def grow():
        others = _organisations(network, 200)
        round_.organisations.add(*others)
        _answers(round_, others[:150])

    url = reverse("trust:health_detail", kwargs={"pk": round_.pk})
    # coordinators: the response rate (2); members: their organisations' answers (3)
    assert_budget(client_for(user), url, budget=10, grow=grow)


def test_a_closed_check(network, organisation, coordinator, client_for):
    small = HealthCheckFactory(network=network, organisations=[organisation])
    _answers(small, [organisation])
    round_close(round_=small)
    large = HealthCheckFactory(network=network, organisations=_organisations(network, 200))
    _answers(large, large.organisations.all()[:180])
    round_close(round_=large)
    urls = [reverse("trust:health_detail", kwargs={"pk": round_.pk}) for round_ in (small, large)]
    client = client_for(coordinator)

    counts = [count_queries(client, url)[0] for url in urls]
    assert counts[0] == counts[1] <= 7, counts


def test_the_answer_form(network, organisation, member, client_for):
    round_ = HealthCheckFactory(network=network, organisations=[organisation, *_organisations(network, 2)])
    _answers(round_, [organisation])

    def grow():
        others = _organisations(network, 200)
        round_.organisations.add(*others)
        _answers(round_, others)

    url = reverse("trust:health_answer", kwargs={"pk": round_.pk})
    assert_budget(client_for(member), url, budget=11, grow=grow)
