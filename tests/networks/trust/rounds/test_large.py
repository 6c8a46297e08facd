"""A network of 300 organisations: the answer form shows every other organisation and its answer is saved in
one POST (some 2,400 fields), in a few statements."""

import pytest
from django.urls import reverse

from networks.trust.answering import SCORE_FIELDS
from networks.trust.models import SurveyResponse, TrustRating
from tests.networks.trust.rounds.test_budgets import _grow_asked

pytestmark = pytest.mark.django_db


def test_three_hundred_organisations(client_for, opened, people, django_assert_max_num_queries):
    response = SurveyResponse.objects.create(round=opened, organisation=people["organisation"])
    _grow_asked(opened, 296, response=response)
    client = client_for(people["member"])
    url = reverse("trust:round_answer", kwargs={"pk": opened.pk})
    page = client.get(url).content.decode()
    assert page.count('<fieldset class="trust-row border rounded') == 299
    data = {"action": "submit", "version": SurveyResponse.objects.get(pk=response.pk).updated_at.isoformat()}
    for organisation in opened.organisations.exclude(pk=people["organisation"].pk):
        data[f"r{organisation.pk}-relationship"] = "3"
        data[f"r{organisation.pk}-comment"] = ""
        for name in SCORE_FIELDS:
            data[f"r{organisation.pk}-{name}"] = "2"
    assert len(data) > 2000
    with django_assert_max_num_queries(30):
        assert client.post(url, data).status_code == 302
    assert SurveyResponse.objects.get(pk=response.pk).is_submitted
    assert TrustRating.objects.filter(response=response, relationship=3, resources=2).count() == 299
