"""Finnish-aware text analysis for search: words → base forms, compound parts and the words themselves.

PostgreSQL's ``finnish`` snowball stemmer misses common inflections (*kaupungin* is not
stemmed like *kaupunki*), so both the indexed text and the query go through Voikko, the
Finnish morphological analyser. Each word gives:

- the word itself, lower-cased (names Voikko does not know, Swedish and English words);
- every base form Voikko offers (*kaupungin* → *kaupunki*; an ambiguous word gives several);
- with ``parts=True``, the parts of a compound (*ohjauspalvelut* → *ohjaus*, *palvelu*), so that
  a search for a part finds the compound. Queries leave the parts out: *ohjauspalvelut* should
  not find everything with *palvelu* in it.

Voikko is not thread-safe, so every thread gets its own instance. If it cannot be loaded
(library or dictionary missing) the analysis falls back to the lower-cased words and logs a
warning once: search gets worse, never broken.
"""

import logging
import re
import threading
from functools import lru_cache

logger = logging.getLogger(__name__)

# A word: letters and digits, possibly joined by hyphens or apostrophes (Keski-Suomi, TE-palvelut).
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
# Longer "words" are not words (hashes, URLs run together): they are kept as they are, not analysed.
MAX_WORD_LENGTH = 60
# One morpheme of Voikko's WORDBASES: "+surface(base)", where a derivational suffix's base starts with "+".
_MORPHEME_RE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")

_local = threading.local()
_unavailable_logged = threading.Event()


def _voikko():
    """This thread's Voikko instance, or None when Voikko cannot be loaded."""
    instance = getattr(_local, "voikko", False)
    if instance is False:
        try:
            import libvoikko

            instance = libvoikko.Voikko("fi")
        except Exception:  # an OSError, a missing dictionary or a missing module: all mean "no Voikko"
            instance = None
            if not _unavailable_logged.is_set():
                _unavailable_logged.set()
                logger.warning(
                    "Voikko could not be loaded: search falls back to lower-cased words without base forms.",
                    exc_info=True,
                )
        _local.voikko = instance
    return instance


def words(text: str) -> list[str]:
    """The words of ``text`` in order, as written."""
    return WORD_RE.findall(text or "")


def _compound_parts(wordbases: str | None) -> list[str]:
    """The parts of a compound from Voikko's WORDBASES (``+ohja(ohjata)+us(+us)+palvel(palvella)+u(+u)``).

    A part is a run of morphemes up to the next one with a base of its own: *ohjaus*, *palvelu*.
    A part of one morpheme is given in its base form (*aikuis(aikuinen)* → *aikuinen*).
    A word of one part has no parts.
    """
    if not wordbases:
        return []
    components: list[list[tuple[str, str]]] = []
    for surface, written_base in _MORPHEME_RE.findall(wordbases):
        if surface == "-" or (not surface and not written_base):
            components.append([])  # a hyphen separates parts
            continue
        base = written_base.replace("=", "")  # maahan=muuttaja: a boundary inside a lexicalised base
        if (not base or base.startswith("+")) and components and components[-1]:
            # A derivational suffix (+us) or a bare linking morpheme (+n, +a) continues the part.
            components[-1].append((surface, base))
        else:
            components.append([(surface, base)])
    components = [component for component in components if component]
    if len(components) < 2:
        return []
    parts = []
    for component in components:
        if len(component) == 1:
            surface, base = component[0]
            parts.append(base or surface)
        else:
            parts.append("".join(surface for surface, _ in component))
    return [part.lower() for part in parts if part]


@lru_cache(maxsize=200_000)
def analyse_word(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(base forms, compound parts)`` of one word, lower-cased; both empty when Voikko does not know it."""
    voikko = _voikko()
    if voikko is None or len(word) > MAX_WORD_LENGTH or word.isdigit():
        return (), ()
    analyses = voikko.analyze(word)
    if not analyses and "-" in word:
        # An unknown hyphenated word (TE-palvelut): analyse its pieces.
        bases: list[str] = []
        parts: list[str] = []
        for piece in word.split("-"):
            if not piece:
                continue
            piece_bases, piece_parts = analyse_word(piece)
            bases.extend(piece_bases)
            parts.extend(piece_parts)
        return tuple(dict.fromkeys(bases)), tuple(dict.fromkeys(parts))
    bases = dict.fromkeys(analysis["BASEFORM"].lower() for analysis in analyses if analysis.get("BASEFORM"))
    parts = dict.fromkeys(part for analysis in analyses for part in _compound_parts(analysis.get("WORDBASES")))
    return tuple(bases), tuple(part for part in parts if part not in bases)


def word_terms(word: str, *, parts: bool = True) -> list[str]:
    """The word lower-cased, then its base forms, then (with ``parts``) its compound parts; no duplicates."""
    bases, compound_parts = analyse_word(word)
    terms = [word.lower(), *bases]
    if parts:
        terms.extend(compound_parts)
    return list(dict.fromkeys(terms))


def terms(text: str, *, parts: bool = True) -> list[str]:
    """Every word of ``text`` with its base forms (and compound parts), in the order of the text."""
    result: list[str] = []
    for word in words(text):
        result.extend(word_terms(word, parts=parts))
    return result


@lru_cache(maxsize=200_000)
def _index_terms(word: str) -> str:
    return " ".join(word_terms(word))


def index_text(text: str) -> str:
    """``text`` as the space-separated terms to index with the ``simple`` configuration."""
    return " ".join(map(_index_terms, words(text)))


def clear_caches() -> None:
    """Forget every analysed word (for tests that change how words are analysed)."""
    analyse_word.cache_clear()
    _index_terms.cache_clear()
