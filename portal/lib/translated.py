"""Fields written in several languages (django-modeltranslation): the reader's language, else a fallback.

A translated field ``name`` has a column per language (``name_fi``, ``name_sv``, ``name_en``). Reading
``obj.name`` already falls back (``MODELTRANSLATION_FALLBACK_LANGUAGES``); :func:`pick` also says *which*
language the text is in, so that a page can mark a fallback (``{% translated obj "name" %}``) and give the
text its ``lang`` attribute.

The rule of this code base (:func:`register`): everything *but reading* ``obj.name`` means the Finnish text,
which is also the original column ``name``: ``filter(name=…)``, ``order_by("name")``, ``values("name")``,
``Model(name=…)``, ``obj.name = …``. Finnish is the one language the forms require, so every row has it, and
the existing indexes, orderings and constraints on ``name`` keep serving. modeltranslation's own rule (the
reader's column, ``name_sv`` on a Swedish page) would sort untranslated rows first, miss them in filters,
use no index, and let a test or a task write Finnish text into the English column.
"""

from dataclasses import dataclass
from functools import partial, wraps

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from modeltranslation.fields import TranslationFieldDescriptor

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
    """Queries on a translated field address its original column, the Finnish text (see the module's rule).

    Put this before the domain's queryset base class. A search that should find every language names the
    columns itself (:func:`in_any_language`).
    """

    def _post_init(self):
        # Called by modeltranslation's queryset (which this precedes in the class order) instead of its own,
        # which would switch rewriting on and rewrite Meta.ordering to the reader's column.
        self._rewrite = False
        self._populate = None


def column_names(field: str) -> list[str]:
    """``["name_fi", "name_sv", "name_en"]`` for ``field="name"``: the field's column in every language."""
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


# The label of one language's column of a translated field: "Name (Finnish)".
_IN_LANGUAGE = {
    "fi": gettext_lazy("%(field)s (Finnish)"),
    "sv": gettext_lazy("%(field)s (Swedish)"),
    "en": gettext_lazy("%(field)s (English)"),
}


def column_label(field, code: str) -> str:
    """ "Name (Finnish)" for the model field ``name`` and ``code="fi"``, in the active language."""
    return capfirst(str(_IN_LANGUAGE[code]) % {"field": field.verbose_name})


def with_languages(lookup: str) -> list[str]:
    """``lookup`` and its column in every language, for ``only()`` on a query that reaches a translated field
    through a relation (``"organisation__name"``): reading ``organisation.name`` reads the reader's column, which
    ``only("organisation__name")`` would leave deferred (a query per row)."""
    return [lookup, *(f"{lookup}_{code}" for code in LANGUAGE_CODES)]


def in_any_language(lookup: str, value) -> Q:
    """``Q(name_fi__icontains=v) | Q(name_sv__icontains=v) | …`` for ``lookup="name__icontains"``; a related
    field works too (``"organisation__name__icontains"``: the last part before the lookup is the field)."""
    *path, field, operator = lookup.split("__")
    query = Q()
    for column in column_names(field):
        query |= Q(**{"__".join([*path, column, operator]): value})
    return query


class OriginalColumnModel(models.Model):
    """A model whose translated fields follow the module's rule (:func:`register` does the rest).

    A save of ``update_fields`` naming one language's column (``name_sv``) or the original one saves all of
    them. A required field (a name) without Finnish text takes the original column's, so that no row is
    without a name.
    """

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        from modeltranslation.translator import translator

        touched = set()
        for field in translator.get_options_for_model(type(self)).fields:
            finnish = f"{field}_{DEFAULT}"
            if not getattr(self, finnish) and not self._meta.get_field(field).blank:
                setattr(self, finnish, self.__dict__.get(field) or "")
            if update_fields is not None and {field, *column_names(field)} & set(update_fields):
                # All of them: modeltranslation's update would otherwise write the original column's value
                # into the reader's column when only ``name`` is named.
                touched |= {field, *column_names(field)}
        if update_fields is not None:
            update_fields = [*update_fields, *(touched - set(update_fields))]
        super().save(*args, update_fields=update_fields, **kwargs)

    def refresh_from_db(self, *args, **kwargs):
        # Django sets ``obj.name`` from the reloaded row (read in the reader's language): not a change.
        self._mt_disable = True
        try:
            super().refresh_from_db(*args, **kwargs)
        finally:
            self._mt_disable = False


DEFAULT = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def _finnish_text(column: str, instance, add: bool) -> str:
    return getattr(instance, column) or ""


def register(model, options) -> None:
    """Register ``model``'s translated fields (``options.fields``) with modeltranslation, under the module's rule.

    modeltranslation writes ``Model(name=…)`` and ``obj.name = …`` into the reader's column and saves the
    reader's text into the original column; here both mean the Finnish column, and a save writes the
    original column from it. It also copies every index naming a translated field for each language;
    queries address the original column, so those copies would only slow writes down: they are left out.
    """
    from modeltranslation.translator import translator

    translator.register(model, options)
    for name in options.fields:
        model._meta.get_field(name).pre_save = partial(_finnish_text, f"{name}_{DEFAULT}")
        descriptor = getattr(model, name)
        setattr(model, name, _FinnishWrites(descriptor.field, fallback_languages=descriptor.fallback_languages))
    suffixes = tuple(f"-{code}" for code in LANGUAGE_CODES)
    model._meta.indexes = [index for index in model._meta.indexes if not index.name.endswith(suffixes)]
    model.__init__ = _finnish_keywords(model.__init__, options.fields)


class _FinnishWrites(TranslationFieldDescriptor):
    """Reads as modeltranslation's descriptor does (the reader's language, else a fallback); ``obj.name = …``
    writes the Finnish column."""

    def __set__(self, instance, value):
        instance.__dict__[self.field.name] = value
        if getattr(instance, "_mt_init", False) or getattr(instance, "_mt_disable", False):
            return  # the constructor and a reload set the original column's attribute only
        setattr(instance, f"{self.field.name}_{DEFAULT}", value)


def _finnish_keywords(init, fields):
    """``Model(name=…)`` sets the Finnish column (modeltranslation's constructor would pick the reader's)."""

    @wraps(init)
    def finnish_init(self, *args, **kwargs):
        for field in fields:
            if field in kwargs:
                kwargs.setdefault(f"{field}_{DEFAULT}", kwargs.pop(field))
        init(self, *args, **kwargs)

    return finnish_init
