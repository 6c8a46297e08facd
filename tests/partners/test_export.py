"""The organisation directory as CSV and XLSX: only what the person may see, safe cells, constant queries."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from networks.memberships.importing import COLUMNS
from networks.memberships.models import Membership
from partners.directory.models import Organisation
from partners.directory.tables import safe_cell
from tests import factories

INJECTION = "=cmd|' /C calc'!A0"


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def export_url(fmt, query=""):
    return reverse("partners:organisation_export", kwargs={"fmt": fmt}) + query


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def xlsx_rows(response) -> list[list[str]]:
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"a formula in {cell.coordinate}: {cell.value}"
    return [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (INJECTION, "'" + INJECTION),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("+358 40 123 4567", "+358 40 123 4567"),  # a phone number cannot call anything
        ("-5", "-5"),
        ("Opisto = koulu", "Opisto = koulu"),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


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
    assert header[:3] == ["Name", "Short name", "Business ID (Y-tunnus)"]
    assert header[-1] == "Networks (membership level)"
    by_name = {row[0]: row for row in rows}
    assert set(by_name) == {"Jyväskylän kansalaisopisto"}
    row = by_name["Jyväskylän kansalaisopisto"]
    assert row[3] == "Library"
    assert row[4] == "Central Finland, Pirkanmaa"
    assert row[10] == "Finnish, Swedish"
    assert row[12] == "Keski-Suomen ohjausverkosto (Cooperation)"


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
        assert row[1] == "'@SUM(A1)", fmt
        assert row[5] == "'-1+cmd|' /C calc'!A0", fmt
        assert row[9] == "+358 40 123 4567", fmt
        assert row[11].startswith("Rivi 1") and row[11].endswith("Rivi 2"), fmt


def test_xlsx_file(client_for, member):
    response = client_for(member).get(export_url("xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="organisations.xlsx"'
    header, *rows = xlsx_rows(response)
    assert header[0] == "Name" and [row[0] for row in rows] == ["Jyväskylän kansalaisopisto"]


def test_columns_follow_the_persons_language(client_for, member):
    client = client_for(member)
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            expected = [str(label) for key, label in COLUMNS.items() if key != "level"]
        client.cookies["django_language"] = language
        header = csv_rows(client.get(export_url("csv")))[0]
        assert header[:-1] == expected, language


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        body(response)  # a streamed CSV runs its queries while it is read
    return len(ctx.captured_queries)


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
    small = _count(client, export_url(fmt))
    grow(10, 1000)
    large = _count(client, export_url(fmt))
    assert small == large, (small, large)
    assert large <= 8
    _header, *rows = (csv_rows if fmt == "csv" else xlsx_rows)(client.get(export_url(fmt)))
    assert len(rows) == 1001


# --- the service map's services --------------------------------------------------------------------


def service_export_url(fmt, query=""):
    return reverse("servicemap:service_export", kwargs={"fmt": fmt}) + query


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_service_export_has_the_visible_services_filtered_like_the_map(
    client_for, member, outsider, organisation, other_network, fmt
):
    factories.GuidanceServiceFactory(
        organisation=organisation,
        name="Opintoneuvonta",
        level="advice",
        channels=["phone", "chat"],
        target_groups=[],
        languages=["fi", "sv"],
        regions=["kainuu"],
    )
    factories.GuidanceServiceFactory(organisation=organisation, name=INJECTION, level="guidance")
    hidden = other_network.memberships.get().organisation
    factories.GuidanceServiceFactory(organisation=hidden, name="Toisen verkoston palvelu", level="advice")
    read = csv_rows if fmt == "csv" else xlsx_rows

    header, *rows = read(client_for(member).get(service_export_url(fmt)))
    assert header[:3] == ["Name", "Organisation", "Level of guidance"]
    assert sorted(row[0] for row in rows) == sorted(["Opintoneuvonta", "'" + INJECTION])
    [advice] = [row for row in rows if row[0] == "Opintoneuvonta"]
    assert advice[1:7] == [organisation.name, "Advice", "Phone, Chat", "", "Finnish, Swedish", "Kainuu"]

    _header, *rows = read(client_for(member).get(service_export_url(fmt, "?level=advice")))
    assert [row[0] for row in rows] == ["Opintoneuvonta"]
    # The outsider sees only their own network's service.
    _header, *rows = read(client_for(outsider).get(service_export_url(fmt)))
    assert [row[0] for row in rows] == ["Toisen verkoston palvelu"]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_service_export_query_count_does_not_grow(client_for, member, network, fmt):
    def grow(start, stop):
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f"Org {n}", slug=f"org-{n}") for n in range(start, stop)
        )
        Membership.objects.bulk_create(Membership(network=network, organisation=org) for org in organisations)
        factories.GuidanceServiceFactory._meta.model.objects.bulk_create(
            factories.GuidanceServiceFactory.build(organisation=org) for org in organisations
        )

    client = client_for(member)
    grow(0, 10)
    small = _count(client, service_export_url(fmt))
    grow(10, 1000)
    large = _count(client, service_export_url(fmt))
    assert small == large, (small, large)
    assert large <= 6


@pytest.mark.django_db
def test_service_export_has_no_other_formats(client_for, member):
    assert client_for(member).get("/services/export.pdf").status_code == 404
