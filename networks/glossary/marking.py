"""Marking a network's agreed terms where they appear: in minutes, goals' descriptions and news.

:func:`mark` turns the first occurrence on the page of each agreed term (in the reader's language, as a
whole word, whatever its case) into a link to the term's page whose accessible name carries the
definition: ``<a href="…" class="glossary-term" aria-label="term: definition">text</a>``. It works on
already-rendered, safe HTML (the minutes' sanitised HTML, ``linebreaks`` output) and on plain text (escaped
first), and never inside a tag, an existing link, code or a heading.

Cost: one query per page for the network's agreed terms (kept on the network object for the rest of the
request, so every text of the page shares it); the matcher compiled from them is kept in a small in-process
cache under a key of the network, the language and the terms' ids and last change, so that it is compiled
again only when a term changes. Matching is one compiled alternation of the escaped terms, longest first,
run once over each text segment: no term is searched for separately. A match never starts inside an
entity (``&gt;``) of the escaped text.

A match finds its term by its lower case. Matching ignores case character by character, though, so it also
finds text whose lower case is not the term's ("ſote" for "sote", "İT" for "it", the Kelvin sign for "k"):
such a match is as long as its term, and the term is the first of that length, in the alternation's order,
that the text matches ignoring case (the one the pattern matched); it is marked like any other. Terms that
differ only in case are one term (the first by id). The alternation has no groups: with a group per term,
Python's matching became a thousand times slower.
"""

import re
from collections import OrderedDict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from networks.glossary.models import Term, TermStatus
from portal.lib.translated import LANGUAGE_CODES

# A tag, with quoted attribute values that may hold ">".
_TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
# Inside these, nothing is marked: links (no link in a link), code, and headings.
_SKIPPED = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label"}
_CACHE_SIZE = 256
_matchers: OrderedDict = OrderedDict()
_MEMO = "_glossary_marking"


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern | None
    links: dict  # lowercased escaped term -> (term id, the link's opening tag)
    by_length: dict  # length -> the escaped terms of that length and their keys in ``links``, in the pattern's order

    def link(self, found: str) -> tuple[int, str] | None:
        """The term's id and link for the text ``found`` matched, or None (not expected: left unmarked)."""
        link = self.links.get(found.lower())
        if link is None:
            for term, key in self.by_length.get(len(found), ()):
                if re.fullmatch(re.escape(term), found, re.IGNORECASE):
                    return self.links[key]
        return link


def _pick(row: dict, field: str, language: str) -> str:
    for code in (language, *[code for code in LANGUAGE_CODES if code != language]):
        if row.get(f"{field}_{code}"):
            return row[f"{field}_{code}"]
    return ""


def _compile(rows: list[dict], language: str) -> Matcher:
    links, terms = {}, []
    for row in rows:
        term = _pick(row, "term", language).strip()
        if not term:
            continue
        definition = " ".join(_pick(row, "definition", language).split())
        url = reverse("glossary:term_detail", kwargs={"pk": row["pk"]})
        opening = format_html('<a href="{}" class="glossary-term" aria-label="{}: {}">', url, term, definition)
        key = escape(term).lower()
        if key not in links:
            links[key] = (row["pk"], opening)
            terms.append((escape(term), key))
    if not links:
        return Matcher(None, {}, {})
    terms.sort(key=lambda found: len(found[0]), reverse=True)
    by_length = {}
    for term, key in terms:
        by_length.setdefault(len(term), []).append((term, key))
    alternation = "|".join(re.escape(term) for term, _ in terms)
    return Matcher(re.compile(rf"(?<![\w&#])(?:{alternation})(?!\w)", re.IGNORECASE), links, by_length)


def _matcher(network_id: int, language: str, rows: list[dict]) -> Matcher:
    key = (network_id, language, tuple((row["pk"], row["updated_at"]) for row in rows))
    found = _matchers.get(key)
    if found is None:
        found = _compile(rows, language)
        _matchers[key] = found
        if len(_matchers) > _CACHE_SIZE:
            _matchers.popitem(last=False)
    else:
        _matchers.move_to_end(key)
    return found


def _page_state(network, language: str) -> dict:
    """The network's agreed terms (one query) and the terms already marked on this page, kept on the network
    object for the request."""
    memo = network.__dict__.setdefault(_MEMO, {})
    if language not in memo:
        fields = ["pk", "updated_at", *[f"{f}_{code}" for f in ("term", "definition") for code in LANGUAGE_CODES]]
        rows = list(Term.objects.filter(network_id=network.pk, status=TermStatus.AGREED).order_by("pk").values(*fields))
        memo[language] = {"matcher": _matcher(network.pk, language, rows), "used": set()}
    return memo[language]


def _mark_text(text: str, matcher: Matcher, used: set) -> str:
    def replace(match):
        found = match.group(0)
        link = matcher.link(found)
        if link is None or link[0] in used:
            return found
        term_id, opening = link
        used.add(term_id)
        return f"{opening}{found}</a>"

    return matcher.pattern.sub(replace, text)


def mark(text, network) -> SafeString:
    """``text`` (safe HTML, or plain text, which is escaped) with the first occurrence on the page of each of
    ``network``'s agreed terms linked to its page."""
    html = str(conditional_escape(text or ""))
    if network is None or not html:
        return mark_safe(html)  # noqa: S308 - escaped above, or safe already
    state = _page_state(network, (get_language() or "fi").split("-")[0])
    matcher = state["matcher"]
    if matcher.pattern is None:
        return mark_safe(html)  # noqa: S308 - escaped above, or safe already
    out = []
    skipped = 0
    for index, part in enumerate(_TAG.split(html)):
        if index % 2:
            name = _TAG_NAME.match(part)
            if name and name.group(2).lower() in _SKIPPED and not part.endswith("/>"):
                skipped = max(0, skipped - 1) if name.group(1) else skipped + 1
            out.append(part)
        elif skipped or not part.strip():
            out.append(part)
        else:
            out.append(_mark_text(part, matcher, state["used"]))
    return mark_safe("".join(out))  # noqa: S308 - the text was safe, the links are built with format_html
