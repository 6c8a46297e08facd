"""Importing organisations from a CSV or XLSX file: reading, checking, preview, confirmation."""

import io
import zipfile

import openpyxl
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from networks.memberships import importing, services
from networks.memberships.models import Membership, MembershipChange, NetworkRole
from partners.directory import tables
from partners.directory.models import Organisation
from portal.lib.access import Role
from portal.lib.errors import DomainError
from portal.lib.validators import business_id_check_digit
from tests import factories


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are checked in English, the source language (the pages default to Finnish)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def business_id(seven: int) -> str:
    """A valid Y-tunnus: the first number from ``seven`` on that has a check digit."""
    while (digit := business_id_check_digit(str(seven).zfill(7))) is None:
        seven += 1
    return f"{str(seven).zfill(7)}-{digit}"


ID_A, ID_B, ID_C = business_id(1234560), business_id(2345670), business_id(3456780)
BAD_ID = ID_A[:-1] + str((int(ID_A[-1]) + 1) % 10)


def csv_bytes(rows, *, delimiter=",", bom=False, encoding="utf-8") -> bytes:
    text = "\r\n".join(delimiter.join(cell for cell in row) for row in rows) + "\r\n"
    return ("\ufeff" if bom else "").encode(encoding) + text.encode(encoding)


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parse(content: bytes, fmt="csv"):
    rows, _ignored = importing.parse_rows(tables.read_table(content, fmt))
    return rows


HEADER_FI = ["Nimi", "Lyhenne", "Y-tunnus", "Tyyppi", "Maakunnat", "Kunta", "Sähköposti", "Kielet", "Jäsenyystaso"]


# --- reading files ---------------------------------------------------------------------------------


def test_csv_with_bom_and_semicolons_as_finnish_excel_saves_it():
    content = csv_bytes(
        [
            HEADER_FI,
            [
                "Jyväskylän aikuisopisto",
                "JAO",
                ID_A,
                "Kirjasto",
                "Keski-Suomi, Pirkanmaa",
                "Jyväskylä",
                "",
                "fi|sv",
                "",
            ],
            [
                "Ohjaamo Äänekoski",
                "",
                "",
                "ohjaamo",
                "Mellersta Finland",
                "",
                "info@example.fi",
                "Finnish",
                "strategic",
            ],
        ],
        delimiter=";",
        bom=True,
    )
    first, second = parse(content)
    assert first.ok and second.ok, (first.errors, second.errors)
    assert first.number == 2 and second.number == 3
    assert first.data["name_fi"] == "Jyväskylän aikuisopisto"  # the BOM is not part of the first header
    assert first.data["kind"] == "library"
    assert first.data["regions"] == ["pirkanmaa", "keski-suomi"]  # in the vocabulary's order
    assert first.data["languages"] == ["fi", "sv"]
    assert first.level == "networking"  # the default
    assert second.data["kind"] == "ohjaamo" and second.data["regions"] == ["keski-suomi"]
    assert second.level == "strategic"


def test_csv_with_commas_english_and_swedish_headers_and_windows_1252():
    content = csv_bytes(
        [
            ["Name", "Business ID", "Landskap", "Website"],
            ["Kansalaisopisto", ID_A, '"Uusimaa, Nyland"', "www.example.fi"],
        ],
        encoding="cp1252",
    )
    (row,) = parse(content)
    assert row.ok, row.errors
    assert row.data["business_id"] == ID_A
    assert row.data["regions"] == ["uusimaa"]
    assert row.data["website"] == "https://www.example.fi"


def test_xlsx_with_numbers_and_empty_rows():
    content = xlsx_bytes(
        [["Nimi", "Puhelin", "Maakunta"], ["Opisto", 14123456, "Lappi"], [None, None, None], ["Toinen", None, None]]
    )
    rows = parse(content, "xlsx")
    assert [row.data["name_fi"] for row in rows] == ["Opisto", "Toinen"]  # "Nimi": the Finnish name
    assert rows[0].data["phone"] == "14123456"
    assert rows[0].data["regions"] == ["lappi"]


def test_cells_protected_by_our_export_are_read_back_as_they_were():
    (row,) = parse(csv_bytes([["name", "phone"], ["'=Opisto", "'+358 40 1234567"]]))
    assert row.data["name_fi"] == "=Opisto"
    assert row.data["phone"] == "+358 40 1234567"


@pytest.mark.parametrize(
    ("content", "fmt", "message"),
    [
        (csv_bytes([["Nimi"], ['"Avoin lainaus']]), "csv", "malformed"),
        (csv_bytes([["Nimi", "x"], ['"a"b', "c"]]), "csv", "malformed"),
        (b"Nimi\x00\x01\x02", "csv", "binary"),
        (b"", "csv", "empty"),
        (csv_bytes([["Kunta", "Puhelin"], ["Jyväskylä", "1"]]), "csv", "must name the columns"),
        (b"Nimi\nOpisto\n", "xlsx", "not an XLSX"),
        (b"%PDF-1.4 not a spreadsheet", "xlsx", "not an XLSX"),
    ],
    ids=["unclosed-quote", "text-after-quote", "binary", "empty", "no-name-column", "csv-as-xlsx", "pdf-as-xlsx"],
)
def test_unreadable_files_are_a_clear_error(content, fmt, message):
    with pytest.raises(DomainError, match=message):
        parse(content, fmt)


def test_a_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(DomainError, match="cannot be read"):
        parse(buffer.getvalue(), "xlsx")


def test_a_zip_bomb_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", "a" * (tables.MAX_UNPACKED_BYTES + 1))
    assert len(buffer.getvalue()) < tables.MAX_BYTES
    with pytest.raises(DomainError, match="too large"):
        parse(buffer.getvalue(), "xlsx")


def test_too_many_rows():
    rows = [["Nimi"]] + [[f"Opisto {n}"] for n in range(tables.MAX_ROWS + 1)]
    with pytest.raises(DomainError, match="more than 2000"):
        parse(csv_bytes(rows))
    assert len(parse(csv_bytes(rows[:-1]))) == tables.MAX_ROWS


# --- checking rows --------------------------------------------------------------------------------


def test_row_errors_bad_business_id_unknown_vocabulary_and_model_validation():
    content = csv_bytes(
        [
            ["Nimi", "Y-tunnus", "Maakunnat", "Tyyppi", "Kielet", "Taso", "Sähköposti", "Lyhenne"],
            ["A", BAD_ID, "", "", "", "", "", ""],
            ["B", "123", "", "", "", "", "", ""],
            ["C", "", "Atlantis", "", "", "", "", ""],
            ["D", "", "", "Kauppa", "", "", "", ""],
            ["E", "", "", "", "klingon", "", "", ""],
            ["F", "", "", "", "", "best friends", "", ""],
            ["G", "", "", "", "", "", "not-an-address", ""],
            ["", "", "", "", "", "", "", "Nameless"],
            ["H", "", "", "", "", "", "", "x" * 41],
        ]
    )
    rows = parse(content)
    errors = {row.number: " ".join(row.errors) for row in rows}
    assert "check digit" in errors[2]
    assert "1234567-8" in errors[3]
    assert "Unknown region: Atlantis" in errors[4]
    assert "Unknown kind of organisation: Kauppa" in errors[5]
    assert "Unknown language: klingon" in errors[6]
    assert "Unknown membership level: best friends" in errors[7]
    assert "e-mail" in errors[8].lower()
    assert "name" in errors[9].lower()
    assert "40" in errors[10]


def test_duplicates_inside_the_file():
    rows = parse(
        csv_bytes(
            [
                ["Nimi", "Y-tunnus"],
                ["Opisto", ID_A],
                ["Toinen", ID_A],
                ["  OPISTO ", ""],
                ["Kolmas", ID_B],
            ]
        )
    )
    assert rows[0].ok and rows[3].ok
    assert rows[1].errors == ["The same business ID as on row 2."]
    assert rows[2].errors == ["The same name as on row 2."]


def test_business_id_already_in_the_portal(network, coordinator, outsider, other_network):
    in_network = factories.OrganisationFactory(name="Jo jäsen", business_id=ID_A)
    factories.MembershipFactory(network=network, organisation=in_network)
    elsewhere = other_network.memberships.get().organisation  # coordinated by the outsider
    elsewhere.business_id = ID_B
    elsewhere.save()
    nobodys = factories.OrganisationFactory(name="Muualla", business_id=ID_C)
    content = csv_bytes([["Nimi", "Y-tunnus"], ["Uusi nimi", ID_A], ["Toinen org", ID_B], ["Muualla", ID_C]])

    rows = importing.check_against_database(parse(content), network=network, user=coordinator)
    assert "already in this network" in rows[0].errors[0]
    assert "already exists in the portal" in rows[1].errors[0]  # the coordinator may not edit it
    assert "already exists in the portal" in rows[2].errors[0]
    assert nobodys.name not in " ".join(rows[2].errors)  # its details are not shown

    # The outsider coordinates the organisation's network: they may add it to another network of theirs.
    NetworkRole.objects.filter(user=outsider).update(role=Role.COORDINATOR)
    factories.NetworkRoleFactory(network=network, user=outsider, role=Role.COORDINATOR)
    rows = importing.check_against_database(parse(content), network=network, user=outsider)
    assert rows[1].ok and rows[1].existing_pk == elsewhere.pk and rows[1].existing_name == "Toinen org"


def test_a_name_already_in_the_network(network, coordinator, organisation):
    rows = parse(csv_bytes([["Nimi"], [organisation.name.upper()], ["Uusi"]]))
    rows = importing.check_against_database(rows, network=network, user=coordinator)
    assert rows[0].errors == ["An organisation with this name is already in this network."]
    assert rows[1].ok


# --- the pages ------------------------------------------------------------------------------------


def import_url(network):
    return reverse("networks:organisation_import", kwargs={"slug": network.slug})


def upload(client, network, content: bytes, name="jasenet.csv"):
    return client.post(import_url(network), {"file": SimpleUploadedFile(name, content)})


GOOD_FILE = csv_bytes(
    [
        ["Nimi", "Y-tunnus", "Maakunnat", "Jäsenyystaso"],
        ["Äänekosken kirjasto", ID_A, "Keski-Suomi", "Yhteistyö"],
        ["Ohjaamo Jämsä", "", "", "strategic"],
    ],
    delimiter=";",
    bom=True,
)


def counts():
    return Organisation.objects.count(), Membership.objects.count(), MembershipChange.objects.count()


def test_upload_page_documents_the_columns_and_offers_templates(client_for, coordinator, network):
    response = client_for(coordinator).get(import_url(network))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Business ID (Y-tunnus)" in page and "Strategic partnership" in page and "Central Finland" in page
    for fmt in ("csv", "xlsx"):
        url = reverse("networks:organisation_import_template", kwargs={"slug": network.slug, "fmt": fmt})
        assert url in page


def test_templates_have_the_headers_and_read_back_as_an_empty_file(client_for, coordinator, network):
    client = client_for(coordinator)
    csv_response = client.get(
        reverse("networks:organisation_import_template", kwargs={"slug": network.slug, "fmt": "csv"})
    )
    assert csv_response["Content-Disposition"] == 'attachment; filename="organisations-template.csv"'
    content = b"".join(csv_response.streaming_content)
    assert content.startswith("\ufeff".encode())
    table = tables.read_table(content, "csv")
    assert table == [importing.template_headers()]
    assert set(importing.map_header(table[0])[0].values()) == set(importing.COLUMNS)

    xlsx_response = client.get(
        reverse("networks:organisation_import_template", kwargs={"slug": network.slug, "fmt": "xlsx"})
    )
    assert xlsx_response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert tables.read_table(xlsx_response.content, "xlsx") == [importing.template_headers()]


def test_preview_shows_the_rows_and_saves_nothing(client_for, coordinator, network):
    before = counts()
    response = upload(client_for(coordinator), network, GOOD_FILE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Äänekosken kirjasto" in page and "Ohjaamo Jämsä" in page
    assert 'name="token"' in page
    assert counts() == before


def test_confirm_saves_every_row_with_memberships_and_history(client_for, coordinator, network):
    client = client_for(coordinator)
    token = upload(client, network, GOOD_FILE).context["token"]
    before = counts()
    response = client.post(import_url(network), {"token": token})
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:network_detail", kwargs={"slug": network.slug})
    assert counts() == (before[0] + 2, before[1] + 2, before[2] + 2)
    library = Organisation.objects.get(business_id=ID_A)
    assert library.slug == "aanekosken-kirjasto" and library.regions == ["keski-suomi"]
    membership = library.memberships.get(network=network)
    assert (membership.status, membership.level) == ("active", "cooperation")
    assert membership.joined_on is not None
    change = membership.changes.get()
    assert change.changed_by == coordinator and change.reason == "Imported"
    assert (change.old_status, change.new_status, change.new_level) == ("", "active", "cooperation")
    assert Organisation.objects.get(name="Ohjaamo Jämsä").memberships.get().level == "strategic"
    # The token is used up: confirming again saves nothing more.
    assert client.post(import_url(network), {"token": token}).status_code == 400
    assert counts()[0] == before[0] + 2


def test_imported_organisations_are_searchable(client_for, coordinator, network, django_capture_on_commit_callbacks):
    from portal.search.models import SearchEntry

    client = client_for(coordinator)
    token = upload(client, network, GOOD_FILE).context["token"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(import_url(network), {"token": token})
    library = Organisation.objects.get(business_id=ID_A)
    assert SearchEntry.objects.filter(kind="organisation", object_id=library.pk).exists()


def test_existing_organisation_becomes_a_member(client_for, outsider, network, other_network):
    elsewhere = other_network.memberships.get().organisation
    elsewhere.business_id = ID_B
    elsewhere.save()
    factories.NetworkRoleFactory(network=network, user=outsider, role=Role.COORDINATOR)
    client = client_for(outsider)
    response = upload(client, network, csv_bytes([["Nimi", "Y-tunnus"], ["Muu nimi tiedostossa", ID_B], ["Uusi", ""]]))
    assert "Already in the portal as Toinen org" in response.content.decode()
    before = Organisation.objects.count()
    client.post(import_url(network), {"token": response.context["token"]})
    assert Organisation.objects.count() == before + 1
    elsewhere.refresh_from_db()
    assert elsewhere.name == "Toinen org"  # its details are not changed
    assert elsewhere.memberships.get(network=network).status == "active"


def test_slugs_are_unique(client_for, coordinator, network):
    factories.OrganisationFactory(name="Vanha", slug="opisto-a")
    client = client_for(coordinator)
    token = upload(client, network, csv_bytes([["Nimi"], ["Opisto A"], ["Opisto Ä"], ["!!!"]])).context["token"]
    client.post(import_url(network), {"token": token})
    slugs = {org.name: org.slug for org in Organisation.objects.filter(memberships__network=network)}
    assert slugs["Opisto A"] == "opisto-a-2"
    assert slugs["Opisto Ä"] == "opisto-a-3"
    assert slugs["!!!"] == "organisation"


def test_rows_with_errors_cannot_be_confirmed(client_for, coordinator, network):
    content = csv_bytes([["Nimi", "Y-tunnus", "Maakunnat"], ["Hyvä", "", ""], ["Huono", BAD_ID, "Atlantis"]])
    response = upload(client_for(coordinator), network, content)
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["token"] is None and 'name="token"' not in page
    assert "check digit" in page and "Unknown region: Atlantis" in page
    assert response.context["error_count"] == 1
    assert not any(key.startswith(b"organisation-import") for key in _cache_keys())


def _cache_keys():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM portal_cache")
        return [row[0].encode() for row in cursor.fetchall()]


def test_confirm_saves_nothing_if_a_row_became_invalid(client_for, coordinator, network):
    client = client_for(coordinator)
    token = upload(client, network, GOOD_FILE).context["token"]
    factories.OrganisationFactory(name="Joku muu", business_id=ID_A)  # someone else saved it meanwhile
    before = counts()
    response = client.post(import_url(network), {"token": token})
    assert response.status_code == 409
    assert "nothing was saved" in response.content.decode()
    assert "already exists in the portal" in response.content.decode()
    assert counts() == before
    assert not Organisation.objects.filter(name="Ohjaamo Jämsä").exists()


def test_a_failure_in_the_write_rolls_back_every_row(coordinator, network, monkeypatch):
    rows = importing.parse_rows(tables.read_table(GOOD_FILE, "csv"))[0]
    before = counts()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(MembershipChange.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        services.organisations_import(network=network, rows=rows, imported_by=coordinator)
    assert counts() == before


def test_token_of_another_person_or_network_is_refused(client_for, coordinator, network, other_network):
    colleague = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=colleague, role=Role.COORDINATOR)
    factories.NetworkRoleFactory(network=other_network, user=coordinator, role=Role.COORDINATOR)
    client = client_for(coordinator)
    token = upload(client, network, GOOD_FILE).context["token"]
    before = counts()

    # the same person, another network they coordinate
    response = client.post(import_url(other_network), {"token": token})
    assert response.status_code == 400
    assert "expired or is not yours" in response.content.decode()
    # another coordinator of the same network
    assert client_for(colleague).post(import_url(network), {"token": token}).status_code == 400
    # a made-up token
    assert client_for(colleague).post(import_url(network), {"token": "x" * 43}).status_code == 400
    assert client_for(colleague).post(import_url(network), {"token": "../../etc"}).status_code == 400
    assert counts() == before
    # The refusals did not use the token up: its owner can still confirm.
    assert client_for(coordinator).post(import_url(network), {"token": token}).status_code == 302


def test_members_and_outsiders_cannot_import(client_for, member, outsider, network):
    assert upload(client_for(member), network, GOOD_FILE).status_code == 403
    assert upload(client_for(outsider), network, GOOD_FILE).status_code == 404
    assert Organisation.objects.filter(name="Ohjaamo Jämsä").count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("jasenet.txt", b"Nimi\nOpisto\n", "Upload a CSV or XLSX file"),
        ("jasenet.pdf", b"%PDF-1.4", "Upload a CSV or XLSX file"),
        ("jasenet.csv", b"Nimi\n" + b"x" * tables.MAX_BYTES, "too large"),
        ("jasenet.xlsx", b"Nimi\nOpisto\n", "not an XLSX file"),
        ("jasenet.csv", b'Nimi;Kunta\n"Opisto;Jyv\xc3\xa4skyl\xc3\xa4\n', "malformed"),
        ("jasenet.csv", b"", "empty"),
    ],
    ids=["txt", "pdf", "oversize", "csv-named-xlsx", "malformed-csv", "empty"],
)
def test_bad_files_get_a_form_error_never_a_500(client_for, coordinator, network, name, content, message):
    response = upload(client_for(coordinator), network, content, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors


def test_posting_no_file_is_a_form_error(client_for, coordinator, network):
    response = client_for(coordinator).post(import_url(network), {})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_xlsx_upload_and_confirm(client_for, coordinator, network):
    client = client_for(coordinator)
    content = xlsx_bytes([["Name", "Kind", "Regions"], ["Taidekoulu", "Folk high school", "Lapland | Kainuu"]])
    response = upload(client, network, content, name="members.XLSX")
    assert response.status_code == 200 and response.context["token"]
    client.post(import_url(network), {"token": response.context["token"]})
    school = Organisation.objects.get(name="Taidekoulu")
    assert school.kind == "folk_high_school" and school.regions == ["kainuu", "lappi"]


def test_preview_is_kept_in_the_cache_with_its_owner(client_for, coordinator, network):
    token = upload(client_for(coordinator), network, GOOD_FILE).context["token"]
    stored = cache.get("organisation-import:" + token)
    assert stored["user"] == coordinator.pk and stored["network"] == network.pk
    assert [number for number, _values in stored["rows"]] == [2, 3]
