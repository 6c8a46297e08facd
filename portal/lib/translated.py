"""Reading a field written in several languages (django-modeltranslation): the reader's language, else a fallback.

A translated field ``name`` has a column per language (``name_fi``, ``name_sv``, ``name_en``). Reading
``obj.name`` already falls back (``MODELTRANSLATION_FALLBACK_LANGUAGES``); :func:`pick` also says *which*
language the text is in, so that a page can mark a fallback (``{% translated obj "name" %}``) and give the
text its ``lang`` attribute.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class Picked:
    """The text shown for a translated field, and the language it is written in."""

    text: str
    language: str
    fallback: bool


def pick(obj, field: str, language: str | None = None) -> Picked:
    """The text of ``obj.<field>`` in ``language`` (the active one by default), else in the first language
    of Finnish, Swedish and English that has one; ``fallback`` says whether it is another language's."""
    wanted = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    order = [wanted, *[code for code in LANGUAGE_CODES if code != wanted]]
    for code in order:
        text = getattr(obj, f"{field}_{code}", None)
        if text:
            return Picked(text=str(text), language=code, fallback=code != wanted)
    # A model without translation columns, or one where no language has text.
    text = getattr(obj, field, "") or ""
    return Picked(text=str(text), language=wanted, fallback=False)
