"""Searching the index: the query is analysed like the indexed text, and only what the user may see is found.

Each word of the query becomes the OR of its forms (the word, its Voikko base forms, and its
``finnish`` and ``swedish`` stems); the words are ANDed; the last word also matches as a prefix,
for type-ahead. When no word matches, trigram word similarity on the title finds names with typos. Each kind is
limited to the objects its ``visible_to(user)`` queryset allows, as an IN-subquery; the kinds and their
rules come from the domains that registered them (:mod:`portal.search.index`).
"""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.lib.errors import DomainError
from portal.search import index
from portal.search.analysis import word_terms, words
from portal.search.models import SearchEntry, SearchKind

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
PER_KIND = 10  # results per kind on the overview; "more" lists one kind, paginated
# The kinds whose titles are names, where a typo is forgiven (trigram similarity) when no word matches.
NAME_KINDS = (SearchKind.ORGANISATION, SearchKind.SERVICE, SearchKind.PERSON, SearchKind.NETWORK)

# What one result is, said next to it (the kinds' own labels are the plural headings of the groups).
RESULT_KINDS = {
    SearchKind.ORGANISATION: pgettext_lazy("search result", "Organisation"),
    SearchKind.SERVICE: pgettext_lazy("search result", "Guidance service"),
    SearchKind.PERSON: pgettext_lazy("search result", "Person"),
    SearchKind.NETWORK: pgettext_lazy("search result", "Network"),
    SearchKind.GOAL: pgettext_lazy("search result", "Shared goal"),
    SearchKind.DECISION: pgettext_lazy("search result", "Decision"),
    SearchKind.MINUTES: pgettext_lazy("search result", "Minutes"),
    SearchKind.ACTIVITY: pgettext_lazy("search result", "Joint activity"),
    SearchKind.NEWS: pgettext_lazy("search result", "News item"),
    SearchKind.TERM: pgettext_lazy("search result", "Glossary term"),
    SearchKind.RESOURCE: pgettext_lazy("search result", "Resource"),
}


@dataclass
class ParsedQuery:
    text: str  # the query as searched (whitespace normalised)
    tsquery: SearchQuery
    lowered: str  # for trigram similarity on lower(title)


@dataclass
class Group:
    kind: str
    label: str
    count: int
    capped: bool = False  # more than ``count`` results (the overview counts no further)
    results: list = field(default_factory=list)

    @property
    def has_more(self) -> bool:
        return self.capped or self.count > len(self.results)


def _quote(term: str) -> str:
    """A lexeme for to_tsquery: quoted, with quotes and backslashes escaped."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def parse(text: str) -> ParsedQuery:
    """The tsquery for ``text``; raises a :class:`~portal.lib.errors.DomainError` for an empty, too long or
    unusable query."""
    text = " ".join((text or "").split())
    if not text:
        raise DomainError(_("Type a word to search for."))
    if len(text) > MAX_QUERY_LENGTH or "\x00" in text:
        raise DomainError(_("The search is too long. Use at most %(count)d characters.") % {"count": MAX_QUERY_LENGTH})
    query_words = words(text)
    if not query_words:
        raise DomainError(_("Type letters or numbers to search for."))
    if len(query_words) > MAX_WORDS:
        raise DomainError(_("Use at most %(count)d words.") % {"count": MAX_WORDS})
    tsquery = None
    for position, word in enumerate(query_words):
        prefix = ":*" if position == len(query_words) - 1 else ""
        alternatives = " | ".join(_quote(term) + prefix for term in word_terms(word, parts=False))
        word_query = (
            SearchQuery(alternatives, config="simple", search_type="raw")
            | SearchQuery(word, config="finnish", search_type="plain")
            | SearchQuery(word, config="swedish", search_type="plain")
        )
        tsquery = word_query if tsquery is None else tsquery & word_query
    return ParsedQuery(text=text, tsquery=tsquery, lowered=text.lower())


def _visible(user, kinds=None) -> Q:
    """Entries of the objects ``user`` may see, kind by kind (each kind's own ``visible_to``); only ``kinds``
    when given."""
    condition = Q()
    for source in index.sources():
        if kinds is not None and source.kind not in kinds:
            continue
        condition |= Q(kind=source.kind, object_id__in=source.visible(user).values("pk"))
    return condition


def _entries(user, kinds=None):
    entries = SearchEntry.objects.filter(_visible(user, kinds))
    if kinds is not None:
        entries = entries.filter(kind__in=kinds)
    return entries.only("kind", "object_id", "title", "subtitle", "summary", "link_key")


def word_matches(user, query: ParsedQuery, *, kinds=None):
    """The entries ``user`` may see whose words match ``query``, with their ``rank``, best first.

    The rank is ``ts_rank`` with the title's terms weighted above the rest (not the cover density, which costs
    twice as much per match and a common word matches tens of thousands of rows)."""
    return (
        _entries(user, kinds)
        .filter(document=query.tsquery)
        .annotate(rank=SearchRank(F("document"), query.tsquery))
        .order_by("-rank", "title", "pk")
    )


def alike(user, query: ParsedQuery, *, kinds=None):
    """The entries ``user`` may see whose title is like ``query`` (a typo in a name), most alike first: only the
    kinds whose titles are names (``NAME_KINDS``); tens of thousands of alike meeting titles ("Verkostokokous
    123") would cost a second and say nothing."""
    kinds = [kind for kind in (NAME_KINDS if kinds is None else kinds) if kind in NAME_KINDS]
    return (
        _entries(user, kinds)
        .alias(lower_title=Lower("title"))
        .filter(lower_title__trigram_word_similar=query.lowered)
        .annotate(rank=TrigramWordSimilarity(query.lowered, Lower("title")))
        .order_by("-rank", "title", "pk")
    )


def _with_urls(entries):
    """Each entry's ``url`` (its link key is the page's argument, with an optional ``#section``) and
    ``kind_label``."""
    for entry in entries:
        source = index.source(entry.kind)
        key, _hash, section = entry.link_key.partition("#")
        entry.url = reverse(source.url_name, kwargs={source.url_kwarg: key}) + (f"#{section}" if section else "")
        entry.kind_label = RESULT_KINDS[entry.kind]
    return entries


# The overview reads at most this many matches of each kind, the first the indexes give, and ranks only those:
# a word everyone uses matches tens of thousands of rows, and ranking (or counting) them all costs a second. A
# kind with more matches shows its count as "CANDIDATES+" (Group.capped); its list (of_kind) ranks them all.
CANDIDATES = 100
DISPLAY_FIELDS = ("kind", "object_id", "title", "subtitle", "summary", "link_key")


def grouped_sql(user, query: ParsedQuery, *, alike_names: bool = False) -> tuple[str, list]:
    """The SQL (and its parameters) of at most ``CANDIDATES`` + 1 entries of each kind that match
    (``alike_names``: by names alike), with their ``rank``.

    Each kind's matches are a ``MATERIALIZED`` CTE and the query reads ``CANDIDATES`` + 1 rows of each: a CTE
    is planned to be read whole (so from the GIN index, also for a word that a kind does not contain, where a
    ``LIMIT`` would make the planner walk the kind's rows one by one) but run only as far as it is read (so a
    word everyone uses costs ``CANDIDATES`` rows per kind, not tens of thousands)."""
    ctes, reads, params = [], [], []
    for number, source in enumerate(index.sources()):
        if alike_names and source.kind not in NAME_KINDS:
            continue
        entries = (
            alike(user, query, kinds=[source.kind]) if alike_names else word_matches(user, query, kinds=[source.kind])
        )
        try:
            sql, sql_params = entries.order_by().values("pk", *DISPLAY_FIELDS, "rank").query.sql_with_params()
        except EmptyResultSet:  # the person may see nothing of this kind (visible_to gave none())
            continue
        ctes.append(f"kind_{number} AS MATERIALIZED ({sql})")
        reads.append(f"(SELECT * FROM kind_{number} LIMIT {CANDIDATES + 1})")  # noqa: S608 - names and an int
        params.extend(sql_params)
    if not ctes:
        return "SELECT 1 WHERE false", []
    return f"WITH {', '.join(ctes)} {' UNION ALL '.join(reads)}", params


def grouped_rows(user, query: ParsedQuery, *, alike_names: bool = False) -> list[dict]:
    """The rows of :func:`grouped_sql` as dicts (``pk``, the display fields, ``rank``)."""
    sql, params = grouped_sql(user, query, alike_names=alike_names)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [dict(zip(("pk", *DISPLAY_FIELDS, "rank"), row, strict=True)) for row in cursor.fetchall()]


def _best(rows, per_kind: int) -> dict[str, tuple[list, int]]:
    """The best ``per_kind`` rows of each kind (rank, then title) and the kind's number of rows."""
    by_kind: dict[str, list] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    return {
        kind: (sorted(found, key=lambda row: (-row["rank"], row["title"], row["pk"]))[:per_kind], len(found))
        for kind, found in by_kind.items()
    }


def grouped(user, query: ParsedQuery, *, per_kind: int = PER_KIND) -> list[Group]:
    """The best ``per_kind`` results of each kind with the kind's count (capped at ``CANDIDATES``), in one query."""
    rows = grouped_rows(user, query)
    if not rows:  # no word matched: names alike (a second query only then)
        rows = grouped_rows(user, query, alike_names=True)
    best = _best(rows, per_kind)
    groups = []
    for source in index.sources():
        if source.kind not in best:
            continue
        found, count = best[source.kind]
        entries = _with_urls(
            [SearchEntry(id=row["pk"], **{name: row[name] for name in DISPLAY_FIELDS}) for row in found]
        )
        for entry, row in zip(entries, found, strict=True):
            entry.rank = row["rank"]
        capped = count > CANDIDATES
        groups.append(
            Group(
                kind=source.kind,
                label=SearchKind(source.kind).label,
                count=min(count, CANDIDATES),
                capped=capped,
                results=entries,
            )
        )
    return groups


def of_kind(user, query: ParsedQuery, kind: str, *, alike_names: bool = False):
    """All results of one kind, best first (paginate it): by words, or (``alike_names``, when no word matched)
    by names alike; ``kind`` must be a :class:`SearchKind` value."""
    return alike(user, query, kinds=[kind]) if alike_names else word_matches(user, query, kinds=[kind])


def with_urls(entries):
    """Set ``url`` on each entry of a page of results."""
    return _with_urls(list(entries))
