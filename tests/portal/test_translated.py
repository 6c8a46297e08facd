"""Content in three languages: the reader's language, a marked fallback, and English formats as read in Finland."""

import datetime
from types import SimpleNamespace

from django.template import Context, Template
from django.utils import formats, translation

from portal.lib.translated import pick


def render(obj, block=False):
    template = Template('{% load portal_tags %}{% translated obj "name" block=block %}')
    return template.render(Context({"obj": obj, "block": block}))


def test_the_readers_language_is_shown_without_a_mark():
    obj = SimpleNamespace(name_fi="Ohjaamo", name_sv="Navigatorn", name_en="")
    with translation.override("sv"):
        assert render(obj) == "Navigatorn"
        assert pick(obj, "name").fallback is False


def test_a_fallback_is_marked_in_the_readers_language_and_carries_its_own_lang():
    obj = SimpleNamespace(name_fi="Ohjaamo <Jyväskylä>", name_sv="", name_en="")
    with translation.override("en"):
        html = render(obj)
    assert html == (
        '<span lang="fi">Ohjaamo &lt;Jyväskylä&gt;</span> '
        '<small class="text-body-secondary fallback-mark">(in Finnish)</small>'
    )
    with translation.override("sv"):
        assert "(på finska)" in render(obj)


def test_the_fallback_order_is_finnish_swedish_english():
    obj = SimpleNamespace(name_fi="", name_sv="Vuxenutbildning", name_en="Adult education")
    with translation.override("fi"):
        picked = pick(obj, "name")
    assert (picked.text, picked.language, picked.fallback) == ("Vuxenutbildning", "sv", True)


def test_a_description_keeps_its_paragraphs():
    obj = SimpleNamespace(name_fi="Yksi.\n\nKaksi.", name_sv="", name_en="")
    with translation.override("sv"):
        html = render(obj, block=True)
    assert html.startswith('<div lang="fi"><p>Yksi.</p>\n\n<p>Kaksi.</p></div>')


def test_english_dates_times_and_numbers_are_as_read_in_finland():
    moment = datetime.datetime(2026, 12, 22, 14, 30)
    with translation.override("en"):
        assert formats.date_format(moment) == "22 Dec 2026"
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "22.12.2026"
        assert formats.time_format(moment.time()) == "14:30"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "22 Dec 2026 14:30"
        assert formats.number_format(12345.5, 1, use_l10n=True, force_grouping=True) == "12\xa0345.5"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
    with translation.override("fi"):
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "22.12.2026"
