"""Finnish analysis with Voikko (base forms, compounds, unknown words, a fallback without it, many threads) and
parsing a query."""

import logging
import threading

import pytest

from portal.lib.errors import DomainError
from portal.search import analysis, query

# --- analysis -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("kaupungin", "kaupunki"),
        ("koulutuksen", "koulutus"),
        ("neuvontaa", "neuvonta"),
        ("aikuisille", "aikuinen"),
        ("aikuisten", "aikuinen"),
        ("Jyväskylässä", "jyväskylä"),
        ("Virtasen", "virtanen"),
    ],
)
def test_voikko_gives_the_base_form(word, base):
    terms = analysis.word_terms(word)
    assert terms[0] == word.lower()  # the word itself, for names Voikko does not know
    assert base in terms


def test_compound_parts_are_indexed_but_not_searched():
    assert analysis.word_terms("Ohjauspalvelut") == ["ohjauspalvelut", "ohjauspalvelu", "ohjaus", "palvelu"]
    assert analysis.word_terms("aikuisohjauksen")[-2:] == ["aikuinen", "ohjaus"]
    assert analysis.word_terms("Opinto-ohjaajat")[-2:] == ["opinto", "ohjaaja"]
    # A derived word is not a compound: neuvo+n+ta has no parts.
    assert analysis.word_terms("neuvontaa") == ["neuvontaa", "neuvonta"]
    # A query word keeps to its own forms, or "ohjauspalvelut" would find every "palvelu".
    assert analysis.word_terms("Ohjauspalvelut", parts=False) == ["ohjauspalvelut", "ohjauspalvelu"]


def test_unknown_words_are_kept_lower_cased():
    terms = analysis.terms("Vägledningen ÅBO xyzzy-42")
    assert terms[:3] == ["vägledningen", "åbo", "xyzzy-42"]
    assert all(term == term.lower() for term in terms)


def test_without_voikko_the_analysis_falls_back_to_lower_cased_words(monkeypatch, caplog):
    import libvoikko

    def broken(language):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(libvoikko, "Voikko", broken)
    monkeypatch.setattr(analysis, "_unavailable_logged", threading.Event())
    analysis.clear_caches()
    results = []

    def run():  # a new thread: its own (not yet loaded) Voikko
        results.append(analysis.terms("Kaupungin palvelut"))
        results.append(analysis.terms("Jyväskylässä"))

    with caplog.at_level(logging.WARNING, logger="portal.search.analysis"):
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    analysis.clear_caches()  # forget the fallback answers
    assert results == [["kaupungin", "palvelut"], ["jyväskylässä"]]
    warnings = [record for record in caplog.records if "Voikko could not be loaded" in record.getMessage()]
    assert len(warnings) == 1


def test_voikko_is_used_from_many_threads_at_once():
    analysis.clear_caches()
    words = ["kaupungin", "koulutuksen", "neuvontaa", "aikuisille", "Jyväskylässä", "Ohjauspalvelut"] * 20
    expected = [analysis.analyse_word.__wrapped__(word) for word in words]
    errors = []

    def run():
        try:
            for word, result in zip(words, expected, strict=True):
                assert analysis.analyse_word.__wrapped__(word) == result
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors


# --- query parsing and bad input ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "!!! ???", "a" * 201, " ".join(["sana"] * 11)])
def test_unusable_queries_raise_a_search_error(text):
    with pytest.raises(DomainError):
        query.parse(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    ["'", "\\", "kaupunki:*", "a & b | !c", "(((", "o'brien", "'; DROP TABLE x; --", "ääkköset-ÅÄÖ", "🙂 ohjaus"],
)
def test_odd_characters_never_break_the_query(member, text):
    try:
        parsed = query.parse(text)
    except DomainError:
        return  # nothing searchable in it: the page says so
    query.grouped(member, parsed)
