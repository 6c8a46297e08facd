"""Searching the index: the query is analysed like the indexed text, and only what the user may see is found.

Each word of the query becomes the OR of its forms (the word, its Voikko base forms, and its
``finnish`` and ``swedish`` stems); the words are ANDed; the last word also matches as a prefix,
for type-ahead. When no word matches, trigram word similarity on the title finds names with typos. Each kind's
matches are read from its own partition of the index, cut to the person's networks where the kind says so, and
its ``visible_to(user)`` queryset is asked of each match in turn (:func:`_sql`); the kinds and their rules come
from the domains that registered them (:mod:`portal.search.index`).
"""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
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


# The overview reads at most this many visible matches of each kind, the first the partition gives, and ranks
# only those: a word everyone uses matches tens of thousands of rows, and ranking (or counting) them all costs a
# second. A kind with more shows its count as "CANDIDATES+" (Group.capped). The list of one kind (of_kind)
# ranks up to LIST_CANDIDATES the same way, and says when there are more.
CANDIDATES = 50
LIST_CANDIDATES = 1000
DISPLAY_FIELDS = ("kind", "object_id", "title", "subtitle", "summary", "link_key")
LIST_FIELDS = ("kind", "object_id", "title")


def _matching(query: ParsedQuery, kind: str, *, alike_names: bool):
    """Every entry of ``kind`` that matches ``query``, with its ``rank``; visibility is asked afterwards.

    By words: the rank is ``ts_rank`` with the title's terms weighted above the rest (not the cover density,
    which costs twice as much per match). By names alike (``alike_names``, a typo in a name): trigram word
    similarity of the title, only for the kinds whose titles are names (``NAME_KINDS``); tens of thousands of
    alike meeting titles ("Verkostokokous 123") would cost a second and say nothing."""
    if alike_names:
        return (
            SearchEntry.objects.filter(kind=kind)
            .alias(lower_title=Lower("title"))
            .filter(lower_title__trigram_word_similar=query.lowered)
            .annotate(rank=TrigramWordSimilarity(query.lowered, Lower("title")))
        )
    return SearchEntry.objects.filter(kind=kind, document=query.tsquery).annotate(
        rank=SearchRank(F("document"), query.tsquery)
    )


def _networks(user, sources) -> dict:
    """For each ``Source.networks`` rule of ``sources``, the ids of the networks it gives ``user``: one query for
    all of them. A list the planner can see (``network_id IN (3, 7)``) rather than a subquery: it then knows
    whether the person's networks hold most of a kind's rows (read the partition) or few (read them by the
    network's index)."""
    rules = list(dict.fromkeys(source.networks for source in sources if source.networks is not None))
    if not rules or not user.is_authenticated:  # a visitor belongs to no network
        return {rule: [] for rule in rules}
    parts, params = [], []
    for number, rule in enumerate(rules):
        try:
            sql, rule_params = rule(user).order_by().query.sql_with_params()
        except EmptyResultSet:
            continue
        parts.append(f"SELECT {number}, rule.* FROM ({sql}) AS rule")  # noqa: S608 - SQL compiled by Django
        params.extend(rule_params)
    found = {rule: [] for rule in rules}
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for number, network in cursor.fetchall():
                found[rules[number]].append(network)
    return found


def _kind_sql(user, query: ParsedQuery, source, number: int, *, alike_names: bool, fields, limit: int, networks):
    """The CTE and the read of one kind for :func:`_sql`, with their parameters; ``None`` when the person may
    see nothing of the kind. ``networks``: the ids of the person's networks by the kind's ``Source.networks``."""
    try:  # the kind's own rule, as its pages ask it
        visible_sql, visible_params = source.visible(user).order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # visible_to gave none()
        return None
    matches = _matching(query, source.kind, alike_names=alike_names)
    if source.networks is not None:  # only the matches of the person's networks are asked (and rows not yet told)
        matches = matches.filter(Q(network_id__in=networks[source.networks]) | Q(network_id__isnull=True))
    matches = matches.order_by().values("pk", *fields, "rank")
    sql, params = matches.query.sql_with_params()
    cte = f"kind_{number} AS MATERIALIZED ({sql})"
    # OFFSET 0 keeps the EXISTS a subplan asked match by match (a probe by primary key), rather than a join that
    # would first build the whole set of what the person may see (40,000 news items, 19,000 services).
    read = (
        f"(SELECT * FROM kind_{number} AS found WHERE EXISTS (SELECT 1 FROM ({visible_sql}) AS visible (id) "  # noqa: S608 - SQL compiled by Django, every value a parameter
        f"WHERE visible.id = found.object_id OFFSET 0) LIMIT {int(limit)})"
    )
    return cte, params, read, visible_params


def _sql(user, query: ParsedQuery, *, kinds, alike_names: bool, fields, limit: int) -> tuple[str, list]:
    """The SQL (and its parameters) of at most ``limit`` visible matches of each of ``kinds``, with ``fields``
    and ``rank``.

    Each kind's matches are a ``MATERIALIZED`` CTE over the kind's own partition of the index, planned as if read
    whole (from the GIN index for a rare word, a scan of the partition for a common one) but run only as far as
    it is read. The kind's ``visible`` rule is then asked of each match in turn until ``limit`` are found: no
    search builds the whole set of what a person may see (tens of thousands of ids for a network's news), and a
    word everyone uses costs about as many rows as it takes to find ``limit`` visible ones."""
    ctes, reads, params, read_params = [], [], [], []
    sources = {
        number: source
        for number, source in enumerate(index.sources())
        if source.kind in kinds and not (alike_names and source.kind not in NAME_KINDS)
    }
    networks = _networks(user, sources.values())
    for number, source in sources.items():
        parts = _kind_sql(
            user, query, source, number, alike_names=alike_names, fields=fields, limit=limit, networks=networks
        )
        if parts is None:
            continue
        cte, cte_params, read, visible_params = parts
        ctes.append(cte)
        reads.append(read)
        params.extend(cte_params)
        read_params.extend(visible_params)
    if not ctes:  # the person may see nothing of these kinds
        return "", []
    return f"WITH {', '.join(ctes)} {' UNION ALL '.join(reads)}", params + read_params


def _rows(sql: str, params: list, columns, *, index_only: bool = False) -> list[dict]:
    """The rows of ``sql`` as dicts of ``columns``. ``index_only``: the partitions are read through their indexes
    (names alike: the planner prices a trigram index above reading 10,000 names one by one, 40 ms)."""
    if not sql:
        return []
    if not index_only:
        return _fetch(sql, params, columns)
    # The setting is local to the transaction (this one, or the caller's) and put back right after the query, so
    # that nothing else in an enclosing transaction runs without sequential scans.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
        (before, _off) = cursor.fetchone()
        try:
            return _fetch(sql, params, columns)
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])


def _fetch(sql: str, params: list, columns) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _ranked(rows):
    """``rows`` best first: rank, then title, then the entry."""
    return sorted(rows, key=lambda row: (-row["rank"], row["title"], row["pk"]))


def _with_urls(entries):
    """Each entry's ``url`` (its link key is the page's argument, with an optional ``#section``) and
    ``kind_label``."""
    for entry in entries:
        source = index.source(entry.kind)
        key, _hash, section = entry.link_key.partition("#")
        entry.url = reverse(source.url_name, kwargs={source.url_kwarg: key}) + (f"#{section}" if section else "")
        entry.kind_label = RESULT_KINDS[entry.kind]
    return entries


def grouped_sql(user, query: ParsedQuery, *, alike_names: bool = False) -> tuple[str, list]:
    """The overview's SQL: at most ``CANDIDATES`` + 1 visible matches of every kind, with what a result shows."""
    kinds = {source.kind for source in index.sources()}
    return _sql(user, query, kinds=kinds, alike_names=alike_names, fields=DISPLAY_FIELDS, limit=CANDIDATES + 1)


def grouped_rows(user, query: ParsedQuery, *, alike_names: bool = False) -> list[dict]:
    """The rows of :func:`grouped_sql` as dicts (``pk``, the display fields, ``rank``)."""
    sql, params = grouped_sql(user, query, alike_names=alike_names)
    return _rows(sql, params, ("pk", *DISPLAY_FIELDS, "rank"), index_only=alike_names)


def _best(rows, per_kind: int) -> dict[str, tuple[list, int]]:
    """The best ``per_kind`` rows of each kind and the kind's number of rows."""
    by_kind: dict[str, list] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    return {kind: (_ranked(found)[:per_kind], len(found)) for kind, found in by_kind.items()}


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
        results = _with_urls(
            [SearchEntry(id=row["pk"], **{name: row[name] for name in DISPLAY_FIELDS}) for row in found]
        )
        for entry, row in zip(results, found, strict=True):
            entry.rank = row["rank"]
        capped = count > CANDIDATES
        groups.append(
            Group(
                kind=source.kind,
                label=SearchKind(source.kind).label,
                count=min(count, CANDIDATES),
                capped=capped,
                results=results,
            )
        )
    return groups


def of_kind_sql(user, query: ParsedQuery, kind: str, *, alike_names: bool = False) -> tuple[str, list]:
    """The SQL of :func:`of_kind`: at most ``LIST_CANDIDATES`` + 1 visible matches of ``kind``."""
    return _sql(user, query, kinds={kind}, alike_names=alike_names, fields=LIST_FIELDS, limit=LIST_CANDIDATES + 1)


def of_kind(user, query: ParsedQuery, kind: str, *, alike_names: bool = False) -> tuple[list[dict], bool]:
    """The results of one kind, best first, as light rows (``pk``, ``kind``, ``object_id``, ``title``,
    ``rank``; paginate them, then :func:`entries` for the page), and whether there are more than
    ``LIST_CANDIDATES`` (then these are the best of the first ``LIST_CANDIDATES``). By words, or
    (``alike_names``, when no word matched) by names alike; ``kind`` must be a :class:`SearchKind` value."""
    sql, params = of_kind_sql(user, query, kind, alike_names=alike_names)
    rows = _rows(sql, params, ("pk", *LIST_FIELDS, "rank"), index_only=alike_names)
    return _ranked(rows)[:LIST_CANDIDATES], len(rows) > LIST_CANDIDATES


def entries(rows) -> list[SearchEntry]:
    """The entries of ``rows`` (a page of :func:`of_kind`), in their order, with what a result shows and its
    ``url``: one query."""
    rows = list(rows)
    if not rows:
        return []
    found = SearchEntry.objects.filter(kind=rows[0]["kind"], pk__in=[row["pk"] for row in rows]).only(*DISPLAY_FIELDS)
    by_pk = {entry.pk: entry for entry in found}
    return _with_urls([by_pk[row["pk"]] for row in rows if row["pk"] in by_pk])
