"""Reads of the glossary shaped for its pages, so that a page's query count does not grow with the data."""

from django.db.models import CharField, Prefetch, Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from networks.glossary.models import DefinitionVersion, Term, TermAnswer, TermComment, TermStatus

# Comments on a page of the term's discussion (newest first: a new comment is on the first page); the
# earlier definitions the term's page shows (the newest), and those on a page of the definition's history.
COMMENTS_PER_PAGE = 30
VERSIONS_SHOWN = 5
VERSIONS_PER_PAGE = 30


def glossary_terms(network, *, language: str, q: str = "", status: str = ""):
    """The network's terms alphabetically in the reader's language (Finnish where it has none), those of
    ``status`` (default: all but retired), matching ``q`` in any language."""
    terms = Term.objects.filter(network=network)
    terms = terms.filter(status=status) if status else terms.exclude(status=TermStatus.RETIRED)
    if q:
        found = Q()
        for code in ("fi", "sv", "en"):
            found |= Q(**{f"term_{code}__icontains": q}) | Q(**{f"definition_{code}__icontains": q})
        terms = terms.filter(found)
    text = CharField()
    shown = Lower(Coalesce(NullIf(f"term_{language}", Value(""), output_field=text), "term_fi", output_field=text))
    return terms.annotate(sort_key=shown).order_by("sort_key", "pk")


def term_page():
    """A term with its network, proposer, author and related terms."""
    related = Term.objects.exclude(status=TermStatus.RETIRED).order_by("term_fi", "pk")
    return Term.objects.select_related("network", "proposed_by", "defined_by").prefetch_related(
        Prefetch("related", queryset=related)
    )


def term_versions(term: Term):
    """The earlier definitions, newest first."""
    return DefinitionVersion.objects.filter(term=term).select_related("defined_by", "replaced_by")


def term_comments(term: Term):
    """The discussion, newest first."""
    return TermComment.objects.filter(term=term).select_related("author").order_by("-created_at", "-pk")


def round_answers(round_):
    """The current answers of a round, by organisation."""
    return TermAnswer.objects.filter(round=round_, is_current=True).select_related("organisation", "answered_by")
