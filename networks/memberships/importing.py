"""Reading organisations from a coordinator's CSV or XLSX file.

Pure functions: a file's bytes become rows of text (:func:`read_table`), rows become
:class:`ImportRow` objects checked with the model's own validation (:func:`parse_rows`), and
:func:`check_against_database` adds what only the database knows (business IDs already in the
portal, names already in the network). Nothing here saves anything: the write is
``partners.services.organisations_import``."""

import re
import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from networks.memberships.models import Membership, MembershipLevel
from partners.directory.models import Organisation, OrganisationKind
from partners.directory.tables import MAX_BYTES, file_format
from portal.lib.choices import Language, Region, region_from_name
from portal.lib.errors import DomainError

# The columns, in the order of the template; the labels are the template's headers. The name and the
# description have a column per language; a file with one "Name" or "Description" column (the template before
# the portal had three languages) gives the Finnish ones (_SINGLE_LANGUAGE_HEADERS).
COLUMNS: dict[str, object] = {
    "name_fi": gettext_lazy("Name (Finnish)"),
    "name_sv": gettext_lazy("Name (Swedish)"),
    "name_en": gettext_lazy("Name (English)"),
    "short_name": gettext_lazy("Short name"),
    "business_id": gettext_lazy("Business ID (Y-tunnus)"),
    "kind": gettext_lazy("Kind"),
    "regions": gettext_lazy("Regions"),
    "municipality": gettext_lazy("Municipality"),
    "address": gettext_lazy("Address"),
    "website": gettext_lazy("Website"),
    "email": gettext_lazy("E-mail"),
    "phone": gettext_lazy("Phone"),
    "languages": gettext_lazy("Languages"),
    "description_fi": gettext_lazy("Description (Finnish)"),
    "description_sv": gettext_lazy("Description (Swedish)"),
    "description_en": gettext_lazy("Description (English)"),
    "level": gettext_lazy("Membership level"),
}
_SINGLE_LANGUAGE_HEADERS = {"name_fi": gettext_lazy("Name"), "description_fi": gettext_lazy("Description")}
TEXT_COLUMNS = ("name_fi", "name_sv", "name_en", "description_fi", "description_sv", "description_en")


# Other header names people use, besides the column labels in every interface language.
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name_fi": ("name", "nimi", "organisaatio", "organisaation nimi", "namn", "organisation", "organization"),
    "name_sv": ("nimi ruotsiksi", "ruotsinkielinen nimi", "namn på svenska", "svenskt namn", "swedish name"),
    "name_en": ("nimi englanniksi", "englanninkielinen nimi", "namn på engelska", "engelskt namn", "english name"),
    "short_name": ("lyhenne", "lyhyt nimi", "lyhytnimi", "förkortning", "kortnamn", "abbreviation"),
    "business_id": ("y-tunnus", "ytunnus", "fo-nummer", "företags-id", "business id", "vat id"),
    "kind": ("tyyppi", "laji", "organisaatiotyyppi", "typ", "type", "kind"),
    "regions": ("maakunta", "maakunnat", "alue", "alueet", "landskap", "region", "regioner", "regions"),
    "municipality": ("kunta", "kotikunta", "kommun"),
    "address": ("osoite", "käyntiosoite", "postiosoite", "adress"),
    "website": ("verkkosivut", "verkkosivu", "kotisivu", "www", "webbplats", "web", "url"),
    "email": ("sähköposti", "sähköpostiosoite", "e-post", "e-postadress", "email", "e-mail address"),
    "phone": ("puhelin", "puhelinnumero", "telefon", "telefonnummer", "telephone"),
    "languages": ("kielet", "kieli", "palvelukielet", "språk", "language"),
    "description_fi": ("description", "kuvaus", "beskrivning"),
    "description_sv": ("kuvaus ruotsiksi", "beskrivning på svenska"),
    "description_en": ("kuvaus englanniksi", "beskrivning på engelska"),
    "level": ("taso", "jäsenyystaso", "jäsenyyden taso", "nivå", "medlemsnivå", "level"),
}


_LIST_SEPARATORS = re.compile(r"[,;|]")


class ImportFileForm(forms.Form):
    """The upload: one CSV or XLSX file of at most ``MAX_BYTES``."""

    file = forms.FileField(
        label=gettext_lazy("File (CSV or XLSX)"),
        help_text=gettext_lazy("At most 2 MB and 2,000 organisations."),
    )

    def __init__(self, *args, **kwargs):
        from crispy_forms.helper import FormHelper
        from crispy_forms.layout import Submit

        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = (
            ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        self.helper = FormHelper()
        self.helper.form_tag = True
        self.helper.add_input(Submit("submit", gettext_lazy("Check the file")))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file is too large: at most 2 MB."), code="too_large")
        if file_format(upload.name) is None:
            raise ValidationError(_("Upload a CSV or XLSX file."), code="file_type")
        return upload


@dataclass
class ImportRow:
    """One organisation of the file: its text as read, and what checking it found."""

    number: int  # the row's number in the spreadsheet (the header is row 1)
    values: dict[str, str]  # column -> text as read
    data: dict = field(default_factory=dict)  # model field -> cleaned value
    level: str = MembershipLevel.NETWORKING
    errors: list[str] = field(default_factory=list)
    existing_pk: int | None = None  # set: add this existing organisation as a member instead
    existing_name: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def _normalise(text: str) -> str:
    """Letters and digits only, case-folded, for comparing headers and names."""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def _in_every_language(labels) -> dict[str, str]:
    """normalised label (in fi, sv and en) -> key, for ``labels`` = {key: lazy label}."""
    lookup = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            for key, label in labels.items():
                lookup[_normalise(str(label))] = key
    return lookup


def header_lookup() -> dict[str, str]:
    lookup = _in_every_language(_SINGLE_LANGUAGE_HEADERS) | _in_every_language(COLUMNS)
    for column, aliases in _HEADER_ALIASES.items():
        for alias in aliases:
            lookup[_normalise(alias)] = column
    for column in COLUMNS:
        lookup[_normalise(column)] = column
    return lookup


def _choice_lookup(choices_class) -> dict[str, str]:
    lookup = _in_every_language({value: label for value, label in choices_class.choices})
    lookup = {label: value for label, value in lookup.items()}
    for value in choices_class.values:
        lookup[_normalise(value)] = value
    return lookup


def map_header(header: list[str]) -> tuple[dict[int, str], list[str]]:
    """{column index: column key} and the headers not recognised. Raises DomainError without a name column."""
    lookup = header_lookup()
    mapping, unknown = {}, []
    for index, text in enumerate(header):
        column = lookup.get(_normalise(text))
        if column and column not in mapping.values():
            mapping[index] = column
        elif text:
            unknown.append(text)
    if "name_fi" not in mapping.values():
        raise DomainError(
            _('The first row must name the columns, and one of them must be "%(name)s".') % {"name": COLUMNS["name_fi"]}
        )
    return mapping, unknown


def parse_rows(table: list[list[str]]) -> tuple[list[ImportRow], list[str]]:
    """Rows of the table (header first) as checked ImportRows, and the headers that were ignored."""
    mapping, unknown = map_header(table[0])
    rows = []
    for offset, cells in enumerate(table[1:], start=2):
        values = {column: (cells[index] if index < len(cells) else "") for index, column in mapping.items()}
        rows.append(ImportRow(number=offset, values=values))
    return validate_rows(rows), unknown


def rows_from_values(stored: list[tuple[int, dict]]) -> list[ImportRow]:
    """Rows kept between preview and confirmation (number, values), checked afresh."""
    return validate_rows([ImportRow(number=number, values=dict(values)) for number, values in stored])


def validate_rows(rows: list[ImportRow]) -> list[ImportRow]:
    """Clean each row with the model's own validation, and find repeats inside the file."""
    kinds = _choice_lookup(OrganisationKind)
    levels = _choice_lookup(MembershipLevel)
    languages = _choice_lookup(Language)
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for row in rows:
        row.errors, row.data, row.existing_pk, row.existing_name = [], {}, None, ""
        row.level = MembershipLevel.NETWORKING
        _clean_row(row, kinds=kinds, levels=levels, languages=languages)
        business_id = row.data.get("business_id")
        if business_id:
            if business_id in seen_ids:
                row.errors.append(_("The same business ID as on row %(row)s.") % {"row": seen_ids[business_id]})
            else:
                seen_ids[business_id] = row.number
        name = _normalise(row.data.get("name_fi", ""))
        if name:
            if name in seen_names:
                row.errors.append(_("The same name as on row %(row)s.") % {"row": seen_names[name]})
            else:
                seen_names[name] = row.number
    return rows


def _split(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]


def _clean_row(row: ImportRow, *, kinds, levels, languages) -> None:
    values = row.values
    data = {
        **{column: values.get(column, "") for column in TEXT_COLUMNS},
        "short_name": values.get("short_name", ""),
        "business_id": "".join(values.get("business_id", "").split()),
        "municipality": values.get("municipality", ""),
        "address": values.get("address", ""),
        "email": values.get("email", ""),
        "phone": values.get("phone", ""),
        "kind": OrganisationKind.OTHER,
        "regions": [],
        "languages": [],
        "website": values.get("website", ""),
    }
    if data["website"] and "://" not in data["website"]:
        data["website"] = "https://" + data["website"]
    _clean_vocabularies(row, data, kinds=kinds, levels=levels, languages=languages)
    row.data = data
    row.errors.extend(_model_errors(data))


def _clean_vocabularies(row: ImportRow, data: dict, *, kinds, levels, languages) -> None:
    """Kind, regions, languages and level: values or names in any language; unknown ones are errors."""
    values = row.values
    if kind_text := values.get("kind", ""):
        kind = kinds.get(_normalise(kind_text))
        if kind is None:
            row.errors.append(_("Unknown kind of organisation: %(value)s") % {"value": kind_text})
        else:
            data["kind"] = kind
    for name in _split(values.get("regions", "")):
        region = region_from_name(name)
        if region is None:
            row.errors.append(_("Unknown region: %(value)s") % {"value": name})
        elif region not in data["regions"]:
            data["regions"].append(region)
    data["regions"] = [value for value in Region.values if value in data["regions"]]
    for name in _split(values.get("languages", "")):
        language = languages.get(_normalise(name))
        if language is None:
            row.errors.append(_("Unknown language: %(value)s") % {"value": name})
        elif language not in data["languages"]:
            data["languages"].append(language)
    if level_text := values.get("level", ""):
        level = levels.get(_normalise(level_text))
        if level is None:
            row.errors.append(_("Unknown membership level: %(value)s") % {"value": level_text})
        else:
            row.level = level


def _model_errors(data: dict) -> list[str]:
    """The model's own validation of one organisation, as messages naming the field."""
    errors = []
    if not data["name_fi"].strip():  # the language columns are optional in the model; the Finnish name is not
        errors.append(_("%(field)s: this field is required.") % {"field": COLUMNS["name_fi"]})
    organisation = Organisation(slug="x", **data)
    try:
        # The database's uniqueness is checked for the whole file at once (check_against_database).
        organisation.full_clean(exclude=["slug"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            label = _column_label(field_name) if field_name != "__all__" else ""
            errors.extend(f"{capfirst(str(label))}: {message}" if label else message for message in messages)
    for field_name in ("address", "description_fi", "description_sv", "description_en"):  # the model does not
        limit = Organisation._meta.get_field(field_name).max_length  # check the length of text fields
        if len(data[field_name]) > limit:
            label = capfirst(str(_column_label(field_name)))
            errors.append(_("%(field)s: at most %(limit)s characters.") % {"field": label, "limit": limit})
    return errors


def _column_label(field_name: str):
    """The column's header for the language columns ("Name (Finnish)"), else the model field's name."""
    return COLUMNS.get(field_name) or Organisation._meta.get_field(field_name).verbose_name


def check_against_database(rows: list[ImportRow], *, network, user) -> list[ImportRow]:
    """Add what only the database knows: organisations already in the portal or in this network.

    A business ID already in the portal is an error, unless the organisation is not yet in this
    network and ``user`` may already edit it (works for it, or coordinates another network it is
    in): then the row adds that organisation as a member. Adding an organisation one may not
    edit would give this network's coordinators the right to edit it.
    """
    business_ids = {row.data["business_id"] for row in rows if row.data.get("business_id")}
    existing = {
        org["business_id"]: org
        for org in Organisation.objects.filter(business_id__in=business_ids).values("pk", "business_id", "name")
    }
    existing_pks = [org["pk"] for org in existing.values()]
    in_network = set(
        Membership.objects.filter(network=network, organisation__in=existing_pks).values_list("organisation", flat=True)
    )
    # The same rule as editing an organisation (Organisation.permits): its established representatives
    # and the coordinators of networks it is an established member of. Not its self-declared staff.
    editable = set(Organisation.objects.filter(pk__in=existing_pks).editable_by(user).values_list("pk", flat=True))
    member_names = {
        _normalise(name)
        for name in Organisation.objects.filter(memberships__network=network).values_list("name", flat=True)
    }
    for row in rows:
        row.existing_pk, row.existing_name = None, ""
        found = existing.get(row.data.get("business_id") or "")
        if found is not None:
            if found["pk"] in in_network:
                row.errors.append(
                    _("This organisation (business ID %(id)s) is already in this network.")
                    % {"id": found["business_id"]}
                )
            elif found["pk"] in editable:
                row.existing_pk, row.existing_name = found["pk"], found["name"]
            else:
                row.errors.append(
                    _(
                        "An organisation with business ID %(id)s already exists in the portal. "
                        "Ask its coordinator to invite it, or an administrator to add it."
                    )
                    % {"id": found["business_id"]}
                )
        elif _normalise(row.data.get("name_fi", "")) in member_names:
            row.errors.append(_("An organisation with this name is already in this network."))
    return rows


def stored_values(rows: list[ImportRow]) -> list[tuple[int, dict]]:
    """What is kept between preview and confirmation: each row's number and text."""
    return [(row.number, row.values) for row in rows]


def template_headers() -> list[str]:
    """The column headers of the template file, in the current language."""
    return [str(label) for label in COLUMNS.values()]
