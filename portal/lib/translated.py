"""Reading a field written in several languages (django-modeltranslation): the reader's language, else a fallback.

A translated field ``name`` has a column per language (``name_fi``, ``name_sv``, ``name_en``). Reading
``obj.name`` already falls back (``MODELTRANSLATION_FALLBACK_LANGUAGES``); :func:`pick` also says *which*
language the text is in, so that a page can mark a fallback (``{% translated obj "name" %}``) and give the
text its ``lang`` attribute.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q, signals
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


class OriginalColumnQuerySet(models.QuerySet):
    """Queries on a translated field address its original column, which holds the Finnish text.

    django-modeltranslation would rewrite ``filter(name=…)``, ``order_by("name")`` and ``values("name")`` to
    the reader's column (``name_sv`` on a Swedish page), where most rows are empty: lists would sort the
    untranslated rows first, filters would miss them and no index would serve them. Here they stay on the
    original column, which :func:`keep_original_column` keeps equal to the Finnish text (the one language a
    form requires), so the existing indexes, orderings and constraints keep working. Reading ``obj.name``
    still gives the reader's language; a search that should find every language names the columns itself
    (:func:`in_any_language`). Put this before the domain's queryset base class.
    """

    def _post_init(self):
        # Called by modeltranslation's queryset (which this precedes in the class order) instead of its own,
        # which would switch rewriting on and rewrite Meta.ordering.
        self._rewrite = False
        self._populate = None


def column_names(field: str) -> list[str]:
    """``["name_fi", "name_sv", "name_en"]`` for ``field="name"``: the field's column in every language."""
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


def in_any_language(lookup: str, value) -> Q:
    """``Q(name_fi__icontains=v) | Q(name_sv__icontains=v) | …`` for ``lookup="name__icontains"``; a related
    field works too (``"organisation__name__icontains"``: the last part before the lookup is the field)."""
    *path, field, operator = lookup.split("__")
    query = Q()
    for column in column_names(field):
        query |= Q(**{"__".join([*path, column, operator]): value})
    return query


def keep_original_column(*fields: str):
    """A ``pre_save`` receiver that keeps each translated field's original column equal to its Finnish text.

    Text assigned to ``obj.name`` in another language (modeltranslation writes it to the reader's column)
    and no Finnish text yet: that text becomes the Finnish one too, so that no row is without a name.
    """

    def receiver(sender, instance, raw=False, **kwargs):
        for field in fields:
            finnish = getattr(instance, f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}")
            if not finnish:
                finnish = instance.__dict__.get(field) or ""
                setattr(instance, f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}", finnish)
            instance.__dict__[field] = finnish

    return receiver


def register(model, options) -> None:
    """Register ``model``'s translated fields (``options.fields``) with modeltranslation, the original column
    kept Finnish.

    modeltranslation also copies every index naming a translated field for each language; queries here
    address the original column (:class:`OriginalColumnQuerySet`), so those copies would only slow writes
    down: they are left out.
    """
    from modeltranslation.translator import translator

    translator.register(model, options)
    suffixes = tuple(f"-{code}" for code in LANGUAGE_CODES)
    model._meta.indexes = [index for index in model._meta.indexes if not index.name.endswith(suffixes)]
    receiver = keep_original_column(*options.fields)
    signals.pre_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"original-column-{model._meta.label}")
