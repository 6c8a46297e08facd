"""The results as XLSX: the same levels and the same threshold as the page, by the same person's rights."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.networks.trust.results.factories import orgs_in, trust_round

pytestmark = pytest.mark.django_db

SECRET = "Luotettava ja avoin kumppani"


def _round(network, organisation, raters):
    others = orgs_in(network, 4)
    ratings = {(other, organisation): {"score": 4, "value": 2} for other in others[:raters]}
    ratings[others[0], organisation]["comment"] = SECRET
    ratings[organisation, others[1]] = {"score": 1}
    return trust_round(network, [organisation, *others], ratings), others


def _book(client, user, round_):
    client.force_login(user)
    response = client.get(reverse("trust:round_results_export", kwargs={"pk": round_.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="trust-results-{round_.pk}.xlsx"'
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def _cells(sheets):
    return {cell for rows in sheets.values() for row in rows for cell in row if cell is not None}


@pytest.mark.parametrize(("raters", "shown"), [(2, False), (3, True)])
def test_members_export(client, network, organisation, member, raters, shown):
    round_, others = _round(network, organisation, raters)
    sheets = _book(client, member, round_)
    assert len(sheets) == (2 if shown else 1)  # its own sheet only when over the threshold
    cells = _cells(sheets)
    assert (SECRET in cells) is shown
    assert all(other.name not in cells for other in others)  # no pairs, no other organisation


@pytest.mark.parametrize(("raters", "shown"), [(2, False), (3, True)])
def test_coordinators_export(client, network, organisation, coordinator, raters, shown):
    round_, others = _round(network, organisation, raters)
    sheets = _book(client, coordinator, round_)
    assert len(sheets) == 3  # network, organisations, pairs (the coordinator represents no organisation here)
    organisations = list(sheets.values())[1]
    row = next(row for row in organisations if row[0] == organisation.name)
    assert row[1] == raters
    assert (row[3] == 2) is shown  # average value
    assert row[11] == raters  # structural, always: its ties (it rated one of those that rated it)
    assert row[10] == "kyllä"  # it answered
    pairs = list(sheets.values())[2]
    assert [others[0].name, organisation.name] in [r[:2] for r in pairs]
    assert SECRET not in _cells(sheets)


def test_observers_export_is_the_network_level(client, network, organisation, observer):
    round_, _others = _round(network, organisation, 3)
    sheets = _book(client, observer, round_)
    assert len(sheets) == 1
    assert organisation.name not in _cells(sheets)
