"""Marking agreed terms where they appear: the first occurrence of each, whole words, any case, never inside a
link or a tag, escaped, with the definition in the link's accessible name; only agreed terms; one query."""

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from networks.glossary.marking import mark
from networks.glossary.models import TermStatus
from networks.memberships.models import Network
from tests.networks.glossary.factories import agreed, term

pytestmark = pytest.mark.django_db


def fresh(network):
    """The network as a new page sees it (the agreed terms are kept on the object for one page)."""
    return Network.objects.get(pk=network.pk)


@pytest.fixture
def guidance(network):
    return agreed(network, "ohjaus", "Aikuisen tukeminen koulutus- ja uravalinnoissa.", term_sv="vägledning")


def test_the_first_occurrence_is_a_link_with_the_definition_as_its_accessible_name(network, guidance):
    html = mark(mark_safe("<p>Ohjaus on tärkeää. Ohjaus jatkuu.</p>"), fresh(network))
    url = guidance.get_absolute_url()
    assert html == (
        f'<p><a href="{url}" class="glossary-term" aria-label="ohjaus: Aikuisen tukeminen koulutus- ja '
        'uravalinnoissa.">Ohjaus</a> on tärkeää. Ohjaus jatkuu.</p>'
    )


def test_only_whole_words_are_marked(network, guidance):
    html = mark(mark_safe("<p>Ohjauspalvelut ja etäohjaus, mutta ohjaus.</p>"), fresh(network))
    assert html.count("glossary-term") == 1
    assert ">ohjaus</a>." in html
    assert "Ohjauspalvelut ja etäohjaus" in html


def test_nothing_is_marked_inside_links_tags_or_code(network, guidance):
    source = mark_safe(
        '<p><a href="/ohjaus/" title="ohjaus">Lue ohjaus</a> <code>ohjaus</code></p><h3>ohjaus</h3><p>ohjaus</p>'
    )
    html = mark(source, fresh(network))
    assert html.count("glossary-term") == 1
    assert html.startswith('<p><a href="/ohjaus/" title="ohjaus">Lue ohjaus</a> <code>ohjaus</code></p><h3>ohjaus</h3>')
    assert html.endswith(">ohjaus</a></p>")


def test_plain_text_and_the_definition_are_escaped(network):
    agreed(network, "R&D", 'Tutkimus ja "kehitys" <b>yhdessä</b>.')
    html = mark("<script>R&D</script> R&D", fresh(network))
    assert "<script>" not in html
    assert html.startswith("&lt;script&gt;<a ")
    assert html.endswith(">R&amp;D</a>&lt;/script&gt; R&amp;D")
    assert 'aria-label="R&amp;D: Tutkimus ja &quot;kehitys&quot; &lt;b&gt;yhdessä&lt;/b&gt;."' in html
    assert html.count("glossary-term") == 1


def test_entities_are_never_broken(network):
    agreed(network, "gt", "Lyhenne.")
    assert "glossary-term" not in mark("a > b", fresh(network))


def test_only_agreed_terms_are_marked(network, guidance):
    term(network, "neuvonta", "Tiedon antamista.")
    term(network, "palveluohjaus", "Vanha.", status=TermStatus.RETIRED)
    term(network, "urasuunnittelu", "Ei sovittu.", status=TermStatus.NOT_AGREED)
    html = mark("ohjaus, neuvonta, palveluohjaus ja urasuunnittelu", fresh(network))
    assert html.count("glossary-term") == 1


def test_the_longest_term_wins_and_each_term_once_per_page(network, guidance):
    agreed(network, "ohjaus ja neuvonta", "Yhdessä.")
    page_network = fresh(network)
    first = mark("Ohjaus ja neuvonta sekä ohjaus.", page_network)
    second = mark("Taas ohjaus ja ohjaus ja neuvonta.", page_network)
    assert first.count("glossary-term") == 2
    assert ">Ohjaus ja neuvonta</a>" in first
    assert "glossary-term" not in second


def test_the_readers_language_is_used(network, guidance):
    with translation.override("sv"):
        html = mark("Vägledning och ohjaus.", fresh(network))
    assert html.count("glossary-term") == 1
    assert ">Vägledning</a>" in html


def test_one_query_per_page_whatever_the_number_of_texts(network, guidance, django_assert_num_queries):
    page_network = fresh(network)
    with django_assert_num_queries(1):
        for _ in range(5):
            mark("ohjaus", page_network)


def test_a_changed_term_is_seen_by_the_next_page(network, guidance):
    assert "glossary-term" in mark("ohjaus", fresh(network))
    guidance.term_fi = "ohjaaminen"
    guidance.save()
    assert "glossary-term" not in mark("ohjaus", fresh(network))
    assert "glossary-term" in mark("ohjaaminen", fresh(network))


def test_the_template_filter(network, guidance):
    rendered = Template("{% load glossary_tags %}{{ text|glossary_marked:network }}").render(
        Context({"text": "Ohjaus <b>", "network": fresh(network)})
    )
    assert "&lt;b&gt;" in rendered
    assert 'class="glossary-term"' in rendered


def test_the_goal_page_marks_its_description(client_for, network, member, guidance):
    from tests import factories

    goal = factories.GoalFactory(network=network, description="Ohjaus on saavutettavaa.\n\nOhjaus <b>kaikille</b>.")
    page = client_for(member).get(goal.get_absolute_url()).content.decode()
    assert page.count('class="glossary-term"') == 1
    assert f'<a href="{guidance.get_absolute_url()}" class="glossary-term"' in page
    assert "&lt;b&gt;kaikille&lt;/b&gt;" in page


# Matching ignores case character by character, so it finds text whose lower case is not the term's: such
# text is marked like any other, and never breaks the page.


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        ("sote", "ſote"),  # long s: ſ matches s, but "ſ".lower() is "ſ"
        ("it", "İT"),  # dotted capital I: "İ".lower() is "i̇", two characters
        ("kela", "KELA"),  # Kelvin sign: "K".lower() is "k"
        ("İstanbul", "istanbul"),  # a term whose own lower case is longer than the term
        ("İstanbul", "İSTANBUL"),
        ("straße", "STRAẞE"),  # capital sharp s
    ],
)
def test_text_whose_lower_case_is_not_the_term_is_marked(network, stored, written):
    found = agreed(network, stored, "Määritelmä.")
    html = mark(f"{written}-uudistus ja {written}.", fresh(network))
    assert html == (
        f'<a href="{found.get_absolute_url()}" class="glossary-term" aria-label="{stored}: Määritelmä.">'
        f"{written}</a>-uudistus ja {written}."
    )


def test_a_goal_page_with_such_text_is_shown(client_for, network, member):
    from tests import factories

    agreed(network, "sote", "Sosiaali- ja terveyspalvelut.")
    agreed(network, "it", "Tietotekniikka.")
    goal = factories.GoalFactory(network=network, description="ſote-uudistus ja İT-tuki.")
    response = client_for(member).get(goal.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="glossary-term"') == 2


def test_what_case_folding_alone_would_match_is_left_unmarked(network):
    agreed(network, "straße", "Katu.")
    assert "glossary-term" not in mark("STRASSE ja strasse", fresh(network))


def test_terms_that_differ_only_in_case_are_one_term(network, guidance):
    other = agreed(network, "ohjaaminen", "Toinen.", term_sv="VÄGLEDNING")
    with translation.override("sv"):
        html = mark("Vägledning och vägledning.", fresh(network))
    assert html.count("glossary-term") == 1
    assert f'href="{guidance.get_absolute_url()}"' in html
    assert f'href="{other.get_absolute_url()}"' not in html


def test_the_alternation_has_no_groups(network, guidance):
    """A group per term made Python's matching a thousand times slower on a long text with many terms."""
    from networks.glossary.marking import _compile

    row = {"pk": guidance.pk, "term_fi": "ohjaus", "definition_fi": "Tukemista."}
    assert _compile([row, {**row, "pk": guidance.pk + 1, "term_fi": "neuvonta"}], "fi").pattern.groups == 0
