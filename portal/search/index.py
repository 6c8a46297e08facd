"""Building the search index: what each kind of object puts into its :class:`SearchEntry`.

One code path serves both a single save (signals, after commit) and the full rebuild:
documents are built in Python (Voikko runs here, not in the database) in batches, and each
batch is written with one ``INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE`` that
computes the tsvector in SQL.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from networks.memberships.models import Network
from partners.directory.models import Affiliation, GuidanceService, Organisation
from portal.accounts.models import User
from portal.lib.choices import REGION_NAMES, Region
from portal.search.analysis import index_text
from portal.search.models import SearchEntry, SearchKind

BATCH_SIZE = 2000
TITLE_LENGTH = SearchEntry._meta.get_field("title").max_length
TEXT_LENGTH = SearchEntry._meta.get_field("summary").max_length
LINK_LENGTH = SearchEntry._meta.get_field("link_key").max_length


@dataclass(frozen=True)
class Document:
    """What one object puts into the index."""

    kind: str
    object_id: int
    title: str
    link_key: str
    subtitle: str = ""
    summary: str = ""
    body: str = ""


def _short(text: str, length: int = TEXT_LENGTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@lru_cache(maxsize=1024)
def _labels(choices, value: str) -> str:
    """A choice's label in every interface language, so that a search in any of them finds it."""
    if value not in choices.values:
        return ""
    labels = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels.append(str(choices(value).label))
    return " ".join(dict.fromkeys(labels))


def _region_names(values: Iterable[str]) -> str:
    return " ".join(f"{_labels(Region, value)} {' '.join(REGION_NAMES.get(value, ()))}" for value in values)


def _join(*parts) -> str:
    return "\n".join(str(part) for part in parts if part)


# --- documents per kind -----------------------------------------------------------------------


def _batches(queryset, ids) -> Iterator[list[dict]]:
    """Rows of ``queryset`` (a ``values()`` queryset with ``pk``; only ``ids`` when given) in batches."""
    if ids is not None:
        ids = sorted(set(ids))
        for start in range(0, len(ids), BATCH_SIZE):
            batch = list(queryset.filter(pk__in=ids[start : start + BATCH_SIZE]).order_by("pk"))
            if batch:
                yield batch
        return
    last = 0
    while batch := list(queryset.filter(pk__gt=last).order_by("pk")[:BATCH_SIZE]):
        yield batch
        last = batch[-1]["pk"]


def organisation_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Organisation.objects.values(
        "pk", "slug", "name", "short_name", "kind", "municipality", "regions", "description"
    )
    for batch in _batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.ORGANISATION,
                object_id=org["pk"],
                title=org["name"],
                link_key=org["slug"],
                subtitle=" · ".join(part for part in (org["short_name"], org["municipality"]) if part),
                summary=_short(org["description"]),
                body=_join(
                    org["short_name"],
                    _labels(Organisation.Kind, org["kind"]),
                    org["municipality"],
                    _region_names(org["regions"]),
                    org["description"],
                ),
            )
            for org in batch
        ]


def service_documents(ids=None) -> Iterator[list[Document]]:
    queryset = GuidanceService.objects.values(
        "pk",
        "name",
        "level",
        "channels",
        "target_groups",
        "regions",
        "description",
        "organisation__name",
        "organisation__slug",
    )
    for batch in _batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.SERVICE,
                object_id=service["pk"],
                title=service["name"],
                link_key=service["organisation__slug"],
                subtitle=service["organisation__name"],
                summary=_short(service["description"]),
                body=_join(
                    _labels(GuidanceService.Level, service["level"]),
                    " ".join(_labels(GuidanceService.TargetGroup, value) for value in service["target_groups"]),
                    " ".join(_labels(GuidanceService.Channel, value) for value in service["channels"]),
                    _region_names(service["regions"]),
                    service["description"],
                    service["organisation__name"],
                ),
            )
            for service in batch
        ]


def person_documents(ids=None) -> Iterator[list[Document]]:
    """People by name, job title, expertise and organisations; never by e-mail address or phone."""
    queryset = User.objects.values("pk", "uuid", "first_name", "last_name", "title")
    through = User.expertise.through
    for batch in _batches(queryset, ids):
        pks = [person["pk"] for person in batch]
        expertise = defaultdict(list)
        # Only portal-wide terms: a network's own vocabulary is for that network's people, and the
        # index does not know who searches.
        for user_id, name in through.objects.filter(user_id__in=pks, expertisearea__network__isnull=True).values_list(
            "user_id", "expertisearea__name"
        ):
            expertise[user_id].append(name)
        organisations = defaultdict(list)
        titles = defaultdict(list)
        for user_id, name, title in (
            Affiliation.objects.filter(user_id__in=pks, until__isnull=True)
            .order_by("user_id", "-primary", "organisation__name")
            .values_list("user_id", "organisation__name", "title")
        ):
            organisations[user_id].append(name)
            titles[user_id].append(title)
        documents = []
        for person in batch:
            name = f"{person['first_name']} {person['last_name']}".strip()
            if not name:
                continue  # without a name there is nothing to find or show
            pk = person["pk"]
            documents.append(
                Document(
                    kind=SearchKind.PERSON,
                    object_id=pk,
                    title=name,
                    link_key=str(person["uuid"]),
                    subtitle=person["title"],
                    # Not their organisations' names: the searcher may not see every organisation a visible
                    # person works for (the person page shows only those the viewer may see).
                    summary="",
                    body=_join(
                        " ".join(dict.fromkeys([person["title"], *titles[pk]])),
                        " ".join(expertise[pk]),
                    ),
                )
            )
        yield documents


def network_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Network.objects.values("pk", "slug", "name", "field", "description", "public_description", "regions")
    for batch in _batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.NETWORK,
                object_id=network["pk"],
                title=network["name"],
                link_key=network["slug"],
                subtitle=network["field"],
                summary=_short(network["description"] or network["public_description"]),
                body=_join(
                    network["field"],
                    _region_names(network["regions"]),
                    network["description"],
                    network["public_description"],
                ),
            )
            for network in batch
        ]


BUILDERS = {
    SearchKind.ORGANISATION: organisation_documents,
    SearchKind.SERVICE: service_documents,
    SearchKind.PERSON: person_documents,
    SearchKind.NETWORK: network_documents,
}


# --- writing ----------------------------------------------------------------------------------

_INSERT = f"""
    INSERT INTO {SearchEntry._meta.db_table} (kind, object_id, title, subtitle, summary, link_key, document)
    SELECT kind, object_id, title, subtitle, summary, link_key,
           setweight(to_tsvector('simple', title_terms), 'A')
           || setweight(to_tsvector('simple', body_terms), 'B')
           || to_tsvector('finnish', raw)
           || to_tsvector('swedish', raw)
    FROM unnest(%s::text[], %s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[],
                %s::text[], %s::text[], %s::text[])
         AS doc(kind, object_id, title, subtitle, summary, link_key, title_terms, body_terms, raw)
"""  # noqa: S608 - the table name comes from model metadata; every value is a parameter
# Updating in place costs three times a plain insert (speculative insertion): the rebuild, which
# has emptied the table, inserts.
_UPSERT = (
    _INSERT
    + """
    ON CONFLICT (kind, object_id) DO UPDATE SET
        title = EXCLUDED.title, subtitle = EXCLUDED.subtitle, summary = EXCLUDED.summary,
        link_key = EXCLUDED.link_key, document = EXCLUDED.document
"""
)


def write(documents: list[Document], *, update: bool = True) -> None:
    """Insert (``update``: or update) the entries of ``documents`` with one statement."""
    if not documents:
        return
    columns = [[] for _ in range(9)]
    for doc in documents:
        title = _short(doc.title, TITLE_LENGTH)
        row = (
            str(doc.kind),
            doc.object_id,
            title,
            _short(doc.subtitle, TITLE_LENGTH),
            _short(doc.summary),
            doc.link_key[:LINK_LENGTH],
            index_text(doc.title),
            index_text(doc.body),
            f"{doc.title}\n{doc.body}",
        )
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT if update else _INSERT, columns)


def index_objects(kind: str, ids: Iterable[int]) -> None:
    """Bring the entries of these objects up to date; objects that are gone (or nameless) leave the index."""
    ids = set(ids)
    if not ids:
        return
    kept = set()
    for documents in BUILDERS[kind](ids):
        write(documents)
        kept.update(doc.object_id for doc in documents)
    remove(kind, ids - kept)


def remove(kind: str, ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()


def index_organisation(pk: int) -> None:
    """An organisation, and its services and people, whose entries show the organisation's name."""
    index_objects(SearchKind.ORGANISATION, [pk])
    index_objects(SearchKind.SERVICE, GuidanceService.objects.filter(organisation_id=pk).values_list("pk", flat=True))
    index_objects(
        SearchKind.PERSON,
        Affiliation.objects.filter(organisation_id=pk, until__isnull=True).values_list("user_id", flat=True),
    )


def rebuild() -> dict[str, int]:
    """Replace the whole index in one transaction (searches see the old index until it commits)."""
    counts = {}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for kind, build in BUILDERS.items():
            counts[kind] = 0
            for documents in build():
                write(documents, update=False)
                counts[kind] += len(documents)
    return counts
