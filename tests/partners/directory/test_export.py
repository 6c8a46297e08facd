"""The directory's files: cells made safe from formulas, and the service map's services as CSV and XLSX (only
what the person may see, filtered like the map, constant queries)."""

import pytest
from django.urls import reverse
from django.utils import translation

from networks.memberships.models import Membership
from partners.directory.models import Organisation
from partners.directory.tables import safe_cell
from tests import factories
from tests.partners.directory.table_files import INJECTION, count_queries_read, csv_rows, xlsx_rows


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


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
    assert header[:5] == ["Name (Finnish)", "Name (Swedish)", "Name (English)", "Organisation", "Level of guidance"]
    assert sorted(row[0] for row in rows) == sorted(["Opintoneuvonta", "'" + INJECTION])
    [advice] = [row for row in rows if row[0] == "Opintoneuvonta"]
    assert advice[3:9] == [organisation.name, "Advice", "Phone, Chat", "", "Finnish, Swedish", "Kainuu"]

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
    small = count_queries_read(client, service_export_url(fmt))
    grow(10, 1000)
    large = count_queries_read(client, service_export_url(fmt))
    assert small == large, (small, large)
    assert large <= 6


@pytest.mark.django_db
def test_service_export_has_no_other_formats(client_for, member):
    assert client_for(member).get("/services/export.pdf").status_code == 404
