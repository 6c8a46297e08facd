"""The organisation file in three languages: the export writes a name and a description column per language,
the import reads them back (also from its own export: a round trip), and a file with one "Name" column, as
the template was before, still imports its names as the Finnish ones."""

import pytest
from django.urls import reverse
from django.utils import translation

from networks.memberships import importing, services
from partners.directory import tables
from partners.directory.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db
TEXTS = ("name_fi", "name_sv", "name_en", "description_fi", "description_sv", "description_en")


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def parse(content: bytes, fmt="csv"):
    rows, ignored = importing.parse_rows(tables.read_table(content, fmt))
    return rows, ignored


def export(client, fmt):
    """The file's bytes and its rows."""
    response = client.get(reverse("partners:organisation_export", kwargs={"fmt": fmt}))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content, tables.read_table(content, fmt)


def test_the_template_and_the_export_have_a_column_per_language():
    headers = importing.template_headers()
    assert headers[:3] == ["Name (Finnish)", "Name (Swedish)", "Name (English)"]
    assert {"Description (Finnish)", "Description (Swedish)", "Description (English)"} <= set(headers)
    with translation.override("sv"):
        assert importing.template_headers()[:2] == ["Namn (på finska)", "Namn (på svenska)"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_reads_back_with_every_language(client_for, member, organisation, network, fmt):
    organisation.name_sv = "Jyväskylä medborgarinstitut"
    organisation.name_en = "Jyväskylä Adult Education Centre"
    organisation.description_fi = "Kursseja aikuisille.\nMyös verkossa."
    organisation.description_sv = "Kurser för vuxna."
    organisation.save()
    content, (_header, *cells) = export(client_for(member), fmt)
    assert [row[:3] for row in cells] == [organisation_names(organisation)]
    [row], ignored = parse(content, fmt)
    assert ignored == ["Networks (membership level)"]  # the export's own extra column
    assert row.ok, row.errors
    assert {key: row.data[key] for key in TEXTS} == {
        "name_fi": "Jyväskylän kansalaisopisto",
        "name_sv": "Jyväskylä medborgarinstitut",
        "name_en": "Jyväskylä Adult Education Centre",
        "description_fi": "Kursseja aikuisille.\nMyös verkossa.",
        "description_sv": "Kurser för vuxna.",
        "description_en": "",
    }


def organisation_names(organisation):
    return [organisation.name_fi, organisation.name_sv, organisation.name_en]


def test_language_columns_by_their_keys_are_saved(network, coordinator):
    content = (
        "name_fi,name_sv,name_en,description_fi,description_sv,description_en\r\n"
        "Ohjaamo Vaasa,Navigatorn Vasa,Ohjaamo Vaasa One-Stop,Nuorten ohjausta.,Vägledning för unga.,\r\n"
    ).encode()
    rows, _ignored = parse(content)
    created = services.organisations_import(network=network, rows=rows, imported_by=coordinator)
    stored = Organisation.objects.filter(pk=created[0].pk).values("name", "slug", *TEXTS).get()
    assert stored == {
        "name": "Ohjaamo Vaasa",  # the original column: the Finnish name, which orders and slugs
        "slug": "ohjaamo-vaasa",
        "name_fi": "Ohjaamo Vaasa",
        "name_sv": "Navigatorn Vasa",
        "name_en": "Ohjaamo Vaasa One-Stop",
        "description_fi": "Nuorten ohjausta.",
        "description_sv": "Vägledning för unga.",
        "description_en": "",
    }


@pytest.mark.parametrize("header", [["Name", "Description"], ["Nimi", "Kuvaus"], ["Namn", "Beskrivning"]])
def test_a_file_with_one_name_column_imports_it_as_finnish(network, coordinator, header):
    content = f"{header[0]},{header[1]}\r\nGradia,Ammatillista koulutusta.\r\n".encode()
    rows, _ignored = parse(content)
    created = services.organisations_import(network=network, rows=rows, imported_by=coordinator)
    stored = Organisation.objects.filter(pk=created[0].pk).values(*TEXTS).get()
    assert (stored["name_fi"], stored["description_fi"]) == ("Gradia", "Ammatillista koulutusta.")
    assert not stored["name_sv"] and not stored["name_en"] and not stored["description_sv"]


def test_a_row_without_a_finnish_name_is_an_error():
    rows, _ignored = parse(b"name_fi,name_sv\r\n,Bara svenska\r\n")
    assert rows[0].errors == ["Name (Finnish): this field is required."]


def test_a_file_with_only_a_swedish_name_column_is_refused():
    with pytest.raises(Exception, match="Name \\(Finnish\\)"):
        parse(b"name_sv\r\nBara svenska\r\n")


def test_a_name_in_another_language_is_checked_like_the_finnish_one():
    rows, _ignored = parse(("name_fi,name_sv\r\nOpisto," + "x" * 201 + "\r\n").encode())
    assert any(error.startswith("Name (Swedish)") for error in rows[0].errors), rows[0].errors


def test_the_import_accepts_the_organisations_it_exported_to_another_network(
    client_for, member, organisation, network, coordinator, other_network
):
    """A real round trip: what one network exports, another's coordinator imports (a new organisation)."""
    organisation.name_sv = "Medborgarinstitutet"
    organisation.save()
    content, _cells = export(client_for(member), "csv")
    rows, _ignored = parse(content)
    factories.NetworkRoleFactory(network=other_network, user=coordinator, role="coordinator")
    created = services.organisations_import(network=other_network, rows=rows, imported_by=coordinator)
    assert [(org.name_fi, org.name_sv) for org in created] == [("Jyväskylän kansalaisopisto", "Medborgarinstitutet")]
