"""The organisation directory as CSV and XLSX, with each organisation's networks and membership levels: only
what the person may see, the list's filters, safe cells, columns in the person's language, constant queries."""

import pytest
from django.urls import reverse
from django.utils import translation

from networks.memberships.importing import COLUMNS
from networks.memberships.models import Membership
from partners.directory.models import Organisation
from tests import factories
from tests.partners.directory.table_files import INJECTION, count_queries_read, csv_rows, xlsx_rows


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def export_url(fmt, query=""):
    return reverse("partners:organisation_export", kwargs={"fmt": fmt}) + query


def test_csv_has_the_visible_organisations_with_their_networks(client_for, member, organisation, network):
    organisation.regions = ["keski-suomi", "pirkanmaa"]
    organisation.languages = ["fi", "sv"]
    organisation.kind = Organisation.Kind.LIBRARY
    organisation.save()
    response = client_for(member).get(export_url("csv"))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="organisations.csv"'
    header, *rows = csv_rows(response)
    assert header[:5] == ["Name (Finnish)", "Name (Swedish)", "Name (English)", "Short name", "Business ID (Y-tunnus)"]
    assert header[-1] == "Networks (membership level)"
    by_name = {row[0]: row for row in rows}
    assert set(by_name) == {"Jyväskylän kansalaisopisto"}
    row = by_name["Jyväskylän kansalaisopisto"]
    assert row[5] == "Library"
    assert row[6] == "Central Finland, Pirkanmaa"
    assert row[12] == "Finnish, Swedish"
    assert row[16] == "Keski-Suomen ohjausverkosto (Cooperation)"


def test_an_outsider_exports_only_their_own_network(client_for, outsider, organisation, network):
    for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        _header, *rows = read(client_for(outsider).get(export_url(fmt)))
        names = [row[0] for row in rows]
        assert names == ["Toinen org"], fmt
        assert "Keski-Suomen ohjausverkosto" not in str(rows)


def test_networks_the_person_cannot_see_are_not_named(client_for, member, organisation, other_network):
    factories.MembershipFactory(network=other_network, organisation=organisation)
    _header, *rows = csv_rows(client_for(member).get(export_url("csv")))
    assert "Toinen verkosto" not in str(rows)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(export_url("csv"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_other_formats_do_not_exist(client_for, member):
    assert client_for(member).get("/organisations/export.pdf").status_code == 404
    assert client_for(member).get("/organisations/export.csv/").status_code == 404


def test_the_list_filters_apply(client_for, member, network):
    factories.MembershipFactory(network=network, organisation__name="Kirjasto", organisation__kind="library")
    factories.MembershipFactory(network=network, organisation__name="Ohjaamo", organisation__kind="ohjaamo")
    client = client_for(member)
    for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        _header, *rows = read(client.get(export_url(fmt, "?kind=library")))
        assert [row[0] for row in rows] == ["Kirjasto"], fmt
        _header, *rows = read(client.get(export_url(fmt, "?q=ohja")))
        assert [row[0] for row in rows] == ["Ohjaamo"], fmt
    # Bad filter values are ignored, never an error.
    for query in ("?kind=nonsense", "?region=x&language=&network=nope", "?q=" + "x" * 500):
        response = client.get(export_url("csv", query))
        assert response.status_code == 200, query
        assert len(csv_rows(response)) > 1
    assert client.get(export_url("csv", "?q=%00")).status_code == 400


def test_formula_injection_is_escaped_in_csv_and_xlsx(client_for, member, organisation):
    organisation.name = INJECTION
    organisation.short_name = "@SUM(A1)"
    organisation.municipality = "-1+cmd|' /C calc'!A0"
    organisation.phone = "+358 40 123 4567"
    organisation.description = "Rivi 1\x01\x02\nRivi 2"  # control characters an XLSX cannot hold
    organisation.save()
    client = client_for(member)
    for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        _header, row = read(client.get(export_url(fmt)))
        assert row[0] == "'" + INJECTION, fmt
        assert row[3] == "'@SUM(A1)", fmt
        assert row[7] == "'-1+cmd|' /C calc'!A0", fmt
        assert row[11] == "+358 40 123 4567", fmt
        assert row[13].startswith("Rivi 1") and row[13].endswith("Rivi 2"), fmt


def test_xlsx_file(client_for, member):
    response = client_for(member).get(export_url("xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="organisations.xlsx"'
    header, *rows = xlsx_rows(response)
    assert header[0] == "Name (Finnish)" and [row[0] for row in rows] == ["Jyväskylän kansalaisopisto"]


def test_columns_follow_the_persons_language(client_for, member):
    client = client_for(member)
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            expected = [str(label) for key, label in COLUMNS.items() if key != "level"]
        client.cookies["django_language"] = language
        header = csv_rows(client.get(export_url("csv")))[0]
        assert header[:-1] == expected, language


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_query_count_does_not_grow(client_for, member, network, other_network, fmt):
    def grow(start, stop):
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f"Org {n}", slug=f"org-{n}", regions=["kainuu"]) for n in range(start, stop)
        )
        Membership.objects.bulk_create(
            Membership(network=network, organisation=org, status="active", level="cooperation") for org in organisations
        )
        Membership.objects.bulk_create(
            Membership(network=other_network, organisation=org, status="active") for org in organisations[::2]
        )

    client = client_for(member)
    grow(0, 10)
    small = count_queries_read(client, export_url(fmt))
    grow(10, 1000)
    large = count_queries_read(client, export_url(fmt))
    assert small == large, (small, large)
    assert large <= 8
    _header, *rows = (csv_rows if fmt == "csv" else xlsx_rows)(client.get(export_url(fmt)))
    assert len(rows) == 1001
