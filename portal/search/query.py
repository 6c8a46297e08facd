"""Searching the index: the query is analysed like the indexed text, and only what the user may see is found.

Each word of the query becomes the OR of its forms (the word, its Voikko base forms, and its
``finnish`` and ``swedish`` stems); the words are ANDed; the last word also matches as a prefix,
for type-ahead. When no word matches, trigram word similarity on the title finds names with typos. Each kind is
limited to the objects its ``visible_to(user)`` queryset allows, as an IN-subquery; the kinds and their
rules come from the domains that registered them (:mod:`portal.search.index`).
"""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db.models import Count, F, Q, Window
from django.db.models.functions import Lower, RowNumber
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
    results: list = field(default_factory=list)

    @property
    def has_more(self) -> bool:
        return self.count > len(self.results)


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


def _visible(user) -> Q:
    """Entries of the objects ``user`` may see, kind by kind (each kind's own ``visible_to``)."""
    condition = Q()
    for source in index.sources():
        condition |= Q(kind=source.kind, object_id__in=source.visible(user).values("pk"))
    return condition


def _entries(user):
    return SearchEntry.objects.filter(_visible(user)).only(
        "kind", "object_id", "title", "subtitle", "summary", "link_key"
    )


def word_matches(user, query: ParsedQuery):
    """The entries ``user`` may see whose words match ``query``, with their ``rank``, best first.

    The rank is ``ts_rank`` with the title's terms weighted above the rest (not the cover density, which costs
    twice as much per match and a common word matches tens of thousands of rows)."""
    return (
        _entries(user)
        .filter(document=query.tsquery)
        .annotate(rank=SearchRank(F("document"), query.tsquery))
        .order_by("-rank", "title", "pk")
    )


def alike(user, query: ParsedQuery):
    """The entries ``user`` may see whose title is like ``query`` (a typo in a name), most alike first."""
    return (
        _entries(user)
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


def grouped_queryset(user, query: ParsedQuery, *, per_kind: int = PER_KIND, alike_names: bool = False):
    """The best ``per_kind`` entries of each kind (by words; ``alike_names``: by names alike), each with its
    ``position`` and its kind's ``total``."""
    entries = alike(user, query) if alike_names else word_matches(user, query)
    return entries.annotate(
        position=Window(RowNumber(), partition_by=F("kind"), order_by=[F("rank").desc(), "title", "pk"]),
        total=Window(Count("pk"), partition_by=F("kind")),
    ).filter(position__lte=per_kind)


def grouped(user, query: ParsedQuery, *, per_kind: int = PER_KIND) -> list[Group]:
    """The best ``per_kind`` results of each kind with the kind's total count, in one query."""
    entries = list(grouped_queryset(user, query, per_kind=per_kind))
    if not entries:  # no word matched: names alike (a second query only then)
        entries = list(grouped_queryset(user, query, per_kind=per_kind, alike_names=True))
    entries = _with_urls(entries)
    groups = {
        source.kind: Group(kind=source.kind, label=SearchKind(source.kind).label, count=0) for source in index.sources()
    }
    for entry in entries:
        group = groups[entry.kind]
        group.count = int(entry.total)
        group.results.append(entry)
    return [group for group in groups.values() if group.count]


def of_kind(user, query: ParsedQuery, kind: str, *, alike_names: bool = False):
    """All results of one kind, best first (paginate it): by words, or (``alike_names``, when no word matched)
    by names alike; ``kind`` must be a :class:`SearchKind` value."""
    return (alike(user, query) if alike_names else word_matches(user, query)).filter(kind=kind)


def with_urls(entries):
    """Set ``url`` on each entry of a page of results."""
    return _with_urls(list(entries))
