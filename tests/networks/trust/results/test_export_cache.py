"""The results workbook is built once per audience and language and served from the cache after that: a
repeat download reads no ratings, and one audience's workbook is never served to another."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.networks.trust.results.factories import orgs_in, trust_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(network, organisation):
    others = orgs_in(network, 3)
    ratings = {(other, organisation): {"score": 4, "comment": "Hyvä kumppani"} for other in others}
    ratings[organisation, others[0]] = {"score": 2}
    return trust_round(network, [organisation, *others], ratings)


def _download(client, user, round_, language="fi"):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            reverse("trust:round_results_export", kwargs={"pk": round_.pk}), headers={"accept-language": language}
        )
    assert response.status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    return response.content, [q for q in sql if "networks_trustrating" in q or "networks_organisationresult" in q]


def _sheets(content):
    return load_workbook(io.BytesIO(content), read_only=True).sheetnames


def test_a_repeat_download_reads_no_ratings(client, round_, coordinator):
    first, read = _download(client, coordinator, round_)
    assert any("networks_trustrating" in q for q in read)  # the pairs, built once
    again, read = _download(client, coordinator, round_)
    assert read == []
    assert again == first


@pytest.mark.parametrize("first", ["member", "coordinator", "observer"])
def test_an_audience_never_gets_anothers_workbook(client, round_, request, first):
    expected = {
        "member": ["Verkosto", "Oma organisaatio"],
        "coordinator": ["Verkosto", "Organisaatiot", "Parit"],
        "observer": ["Verkosto"],
    }
    order = [first, *(who for who in expected if who != first)]
    for who in [*order, *order]:  # each built or served from the cache after the others'
        content, _read = _download(client, request.getfixturevalue(who), round_)
        assert _sheets(content) == expected[who], who


def test_each_language_has_its_own_workbook(client, round_, observer):
    finnish, _read = _download(client, observer, round_, "fi")
    swedish, _read = _download(client, observer, round_, "sv")
    assert _sheets(finnish) == ["Verkosto"]
    assert _sheets(swedish) == ["Nätverk"]
