"""The public side of the directory: the search document of the guidance finder, built from public fields only.

What the public may read is said once, in :data:`~partners.directory.models.PUBLIC_SERVICE_FIELDS` and
:data:`~partners.directory.models.PUBLIC_ORGANISATION_FIELDS`; which services and organisations it may read of,
in ``GuidanceService.objects.public()`` and ``Organisation.objects.with_public_profile()``.

``GuidanceService.public_document`` is analysed as the internal search's index is (Voikko base forms and compound
parts with the ``simple`` configuration, plus the ``finnish`` and ``swedish`` stems, :mod:`portal.search`), but
from the public fields alone: the service's names, descriptions, vocabularies and municipalities, and its
organisation's names. The finder searches it instead of the internal index, whose rows hold text the public
must not read. :mod:`partners.directory.signals` keeps it current on every save of a service or an organisation.
"""

from django.db import connection

from partners.directory.models import GuidanceService, ServiceChannel, ServiceLevel, ServiceTopic, TargetGroup
from portal.lib import municipalities
from portal.lib.choices import Language
from portal.search.analysis import index_text
from portal.search.documents import field_variants, in_languages, join, labels, region_names


# A function: the translated columns exist once modeltranslation has registered the model (after this import).
def _columns() -> tuple[str, ...]:
    return (
        "pk",
        *field_variants(GuidanceService, "name"),
        *field_variants(GuidanceService, "description"),
        *_PLAIN_COLUMNS,
    )


_PLAIN_COLUMNS = (
    "level",
    "topics",
    "channels",
    "target_groups",
    "languages",
    "regions",
    "municipalities",
    "organisation__name_fi",
    "organisation__name_sv",
    "organisation__name_en",
    "organisation__short_name",
)

_UPDATE = f"""
    UPDATE {GuidanceService._meta.db_table} AS service
    SET public_document = setweight(to_tsvector('simple', doc.title_terms), 'A')
                          || setweight(to_tsvector('simple', doc.body_terms), 'B')
                          || to_tsvector('finnish', doc.raw) || to_tsvector('swedish', doc.raw)
    FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS doc(id, title_terms, body_terms, raw)
    WHERE service.id = doc.id
"""  # noqa: S608 - the table name comes from model metadata; every value is a parameter


def _texts(row: dict) -> tuple[str, str]:
    """The title (names) and body (everything else public) of one service row."""
    title = join(
        *in_languages(row, GuidanceService, "name"),
        *dict.fromkeys(
            filter(None, (row[f"organisation__{key}"] for key in ("name_fi", "name_sv", "name_en", "short_name")))
        ),
    )
    body = join(
        *in_languages(row, GuidanceService, "description"),
        labels(ServiceLevel, row["level"]),
        *(labels(ServiceTopic, value) for value in row["topics"]),
        *(labels(ServiceChannel, value) for value in row["channels"]),
        *(labels(TargetGroup, value) for value in row["target_groups"]),
        *(labels(Language, value) for value in row["languages"]),
        region_names(row["regions"]),
        *(municipality.names() for code in row["municipalities"] if (municipality := municipalities.get(code))),
    )
    return title, body


def refresh_public_documents(ids=None) -> int:
    """Write the public search document of the services ``ids`` (all of them when None); returns how many."""
    rows = GuidanceService.objects.values(*_columns()).order_by()
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    pks, title_terms, body_terms, raws = [], [], [], []
    for row in rows.iterator(chunk_size=2000):
        title, body = _texts(row)
        pks.append(row["pk"])
        title_terms.append(index_text(title))
        body_terms.append(index_text(body))
        raws.append(join(title, body))
    if pks:
        with connection.cursor() as cursor:
            cursor.execute(_UPDATE, [pks, title_terms, body_terms, raws])
    return len(pks)
