"""Query budgets of the survey pages (HOUSE-STYLE rule 22): the survey list, the round's page (the coordinator's
response rate and its htmx partial, a respondent's view) and the answer form take as many queries with 5
organisations asked as with 40, and the list as many with 2 rounds as with 30."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.memberships.models import Membership
from networks.trust.models import SurveyKind, SurveyResponse, SurveyRound, TrustRating
from tests import factories
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db

Through = SurveyRound.organisations.through


def _grow_asked(round_, n, *, response=None):
    """``n`` more active member organisations, asked in ``round_``, half of them with a submitted answer; each
    rated in ``response`` when given."""
    organisations = factories.OrganisationFactory.create_batch(n)
    Membership.objects.bulk_create(
        Membership(network=round_.network, organisation=o, status="active") for o in organisations
    )
    Through.objects.bulk_create(Through(surveyround=round_, organisation=o) for o in organisations)
    now = timezone.now()
    SurveyResponse.objects.bulk_create(
        SurveyResponse(round=round_, organisation=o, submitted_at=now) for o in organisations[::2]
    )
    if response is not None:
        TrustRating.objects.bulk_create(
            TrustRating(
                response=response,
                about=o,
                relationship=3,
                reliability=2,
                openness=3,
                mission_support=4,
                influence=1,
                involvement=2,
                resources=3,
                comment="ok",
            )
            for o in organisations
        )


def test_the_survey_list(client_for, opened, coordinator):
    factories.SurveyRoundFactory(network=opened.network, status="closed", organisations=[])
    url = reverse("trust:round_list", kwargs={"slug": opened.network.slug})

    def grow():
        closed = SurveyRound.objects.bulk_create(
            SurveyRound(
                network=opened.network,
                kind=SurveyKind.TRUST,
                title=f"Vanha kysely {n}",
                period_start=datetime.date(2020, 1, 1),
                period_end=datetime.date(2020, 12, 31),
                deadline=datetime.date(2021, 1, 31),
                status="closed",
            )
            for n in range(28)
        )
        organisations = list(opened.organisations.all())
        Through.objects.bulk_create(Through(surveyround=r, organisation=o) for r in closed for o in organisations)
        _grow_asked(opened, 20)

    assert_budget(client_for(coordinator), url, budget=9, grow=grow)


def test_the_round_page_of_a_coordinator(client_for, opened, coordinator):
    """From 4 organisations asked to 130 (three pages of them)."""
    url = reverse("trust:round_detail", kwargs={"pk": opened.pk})
    # the rate (1), the organisations' count and page (2), the person's own organisations (1)
    assert_budget(client_for(coordinator), url, budget=10, grow=lambda: _grow_asked(opened, 126))


def test_the_response_rate_partial(client_for, opened, coordinator):
    client = client_for(coordinator)
    client.defaults["HTTP_HX_REQUEST"] = "true"
    url = reverse("trust:round_detail", kwargs={"pk": opened.pk})
    assert_budget(client, url, budget=7, grow=lambda: _grow_asked(opened, 126))
    assert len(client.get(url).content) < 2000  # the counts and the bar, not the organisations


def test_the_round_page_of_a_respondent(client_for, opened, people):
    url = reverse("trust:round_detail", kwargs={"pk": opened.pk})
    assert_budget(client_for(people["member"]), url, budget=11, grow=lambda: _grow_asked(opened, 36))


def test_the_answer_form(client_for, opened, people):
    response = SurveyResponse.objects.create(round=opened, organisation=people["organisation"])
    url = reverse("trust:round_answer", kwargs={"pk": opened.pk})
    client = client_for(people["member"])
    assert_budget(client, url, budget=12, grow=lambda: _grow_asked(opened, 36, response=response))
    page = client.get(url).content.decode()
    assert page.count('<fieldset class="trust-row border rounded') == 39  # every other organisation asked


def test_saving_the_answer_is_a_few_statements(client_for, opened, people, django_assert_max_num_queries):
    """The save is a few bulk statements whatever the number of organisations rated."""
    response = SurveyResponse.objects.create(round=opened, organisation=people["organisation"])
    _grow_asked(opened, 36, response=response)
    url = reverse("trust:round_answer", kwargs={"pk": opened.pk})
    data = {"action": "draft", "version": response.updated_at.isoformat()}
    for organisation in opened.organisations.exclude(pk=people["organisation"].pk):
        data[f"r{organisation.pk}-relationship"] = "4"
        for name in ("reliability", "openness", "mission_support", "influence", "involvement", "resources"):
            data[f"r{organisation.pk}-{name}"] = "4"
    client = client_for(people["member"])
    with django_assert_max_num_queries(30):
        assert client.post(url, data).status_code == 302
    assert TrustRating.objects.filter(response=response, relationship=4, resources=4).count() == 39
