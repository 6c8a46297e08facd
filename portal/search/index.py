"""The search index: the kinds of object it holds, each registered by the domain that owns it, and how its rows
are written.

A :class:`Source` says how to build the rows of its objects (documents, :mod:`portal.search.documents`), which
of them a person may see, where a result links to, and which fields a save must change for the row to be
written again. Registering a source keeps its rows current: a save writes the object's row again after the
transaction commits, a delete removes it. The search (:mod:`portal.search.query`) and the rebuild only ask
the registry, so they know no domain.

One code path serves both a single save and the full rebuild: documents are built in Python (Voikko runs
here, not in the database) in batches, and each batch is written with one ``INSERT … SELECT FROM unnest(…)
ON CONFLICT DO UPDATE`` that computes the tsvector in SQL.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from portal.search.analysis import index_text
from portal.search.documents import Document, short
from portal.search.models import SearchEntry

TITLE_LENGTH = SearchEntry._meta.get_field("title").max_length
LINK_LENGTH = SearchEntry._meta.get_field("link_key").max_length


@dataclass(frozen=True)
class Source:
    """One kind of object the search finds."""

    kind: str  # a SearchKind value
    model: type
    order: int  # where the kind's results are shown, lower first
    documents: Callable[..., Iterator[list[Document]]]  # (ids=None) -> batches of documents
    visible: Callable  # (user) -> a queryset of the objects the person may see
    url_name: str  # the URL name of a result's page, taking the entry's link key ...
    url_kwarg: str  # ... as this keyword argument
    indexed_fields: frozenset[str] = field(default_factory=frozenset)
    # What to write again when an object is saved (default: its own row), e.g. the rows that show its name.
    on_save: Callable[[int], None] | None = None
    # (user) -> the networks outside which the person sees no object of this kind (a values("network")-like
    # queryset), for kinds whose documents carry their network: the search reads only the matches of those
    # networks before asking ``visible`` of each. None: every match is asked.
    networks: Callable | None = None


_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    """Register ``source`` and keep its rows current on its model's saves and deletes."""
    _sources[source.kind] = source
    post_save.connect(_saved, sender=source.model, dispatch_uid=f"search_{source.kind}_saved")
    post_delete.connect(_deleted, sender=source.model, dispatch_uid=f"search_{source.kind}_deleted")


def sources() -> list[Source]:
    """The registered kinds, in the order their results are shown."""
    return sorted(_sources.values(), key=lambda source: source.order)


def source(kind: str) -> Source:
    return _sources[kind]


def later(function, *args) -> None:
    """Run ``function(*args)`` once the transaction commits; a failure is logged and never undoes the save."""
    transaction.on_commit(partial(function, *args), robust=True)


def reindex_later(kind: str, ids: Iterable[int]) -> None:
    """Write the rows of these objects again once the transaction commits (for hooks on related objects)."""
    later(index_objects, kind, list(ids))


def _source_of(model) -> Source:
    return next(source for source in _sources.values() if source.model is model)


def _saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Saves that change none of the indexed fields (``update_fields``, e.g. ``last_login``) do nothing."""
    source = _source_of(sender)
    if raw or (update_fields is not None and not source.indexed_fields & set(update_fields)):
        return
    if source.on_save is not None:
        later(source.on_save, instance.pk)
    else:
        later(index_objects, source.kind, [instance.pk])


def _deleted(sender, instance, **kwargs):
    later(remove, _source_of(sender).kind, [instance.pk])


# --- writing ----------------------------------------------------------------------------------

_INSERT = f"""
    INSERT INTO {SearchEntry._meta.db_table} (kind, object_id, title, subtitle, summary, link_key, network_id, document)
    SELECT kind, object_id, title, subtitle, summary, link_key, network_id,
           setweight(to_tsvector('simple', title_terms), 'A')
           || setweight(to_tsvector('simple', body_terms), 'B')
           || to_tsvector('finnish', raw)
           || to_tsvector('swedish', raw)
    FROM unnest(%s::text[], %s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::bigint[],
                %s::text[], %s::text[], %s::text[])
         AS doc(kind, object_id, title, subtitle, summary, link_key, network_id, title_terms, body_terms, raw)
"""  # noqa: S608 - the table name comes from model metadata; every value is a parameter
# Updating in place costs three times a plain insert (speculative insertion): the rebuild, which
# has emptied the table, inserts.
_UPSERT = (
    _INSERT
    + """
    ON CONFLICT (kind, object_id) DO UPDATE SET
        title = EXCLUDED.title, subtitle = EXCLUDED.subtitle, summary = EXCLUDED.summary,
        link_key = EXCLUDED.link_key, network_id = EXCLUDED.network_id, document = EXCLUDED.document
"""
)


def write(documents: list[Document], *, update: bool = True) -> None:
    """Insert (``update``: or update) the entries of ``documents`` with one statement."""
    if not documents:
        return
    columns = [[] for _ in range(10)]
    for doc in documents:
        title = short(doc.title, TITLE_LENGTH)
        row = (
            str(doc.kind),
            doc.object_id,
            title,
            short(doc.subtitle, TITLE_LENGTH),
            short(doc.summary),
            doc.link_key[:LINK_LENGTH],
            doc.network_id,
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
    for documents in _sources[kind].documents(ids):
        write(documents)
        kept.update(doc.object_id for doc in documents)
    remove(kind, ids - kept)


def remove(kind: str, ids: Iterable[int]) -> None:
    ids = list(ids)
    if ids:
        SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()


def rebuild() -> dict[str, int]:
    """Replace the whole index in one transaction (searches see the old index until it commits)."""
    counts = {}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for entry in sources():
            counts[entry.kind] = 0
            for documents in entry.documents():
                write(documents, update=False)
                counts[entry.kind] += len(documents)
    return counts
