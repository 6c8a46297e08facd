"""What a domain gives the search index about its objects: :class:`Document` rows, and the helpers that shape them.

Each domain that has something to find writes, in its ``search.py``, a function that yields batches of
documents (``ids=None``: all of them) and registers it (:mod:`portal.search.registry`).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils import translation

from portal.lib.choices import REGION_NAMES, Region
from portal.search.models import SearchEntry

BATCH_SIZE = 2000
TEXT_LENGTH = SearchEntry._meta.get_field("summary").max_length


@dataclass(frozen=True)
class Document:
    """What one object puts into the index."""

    kind: str
    object_id: int
    title: str
    # The key of the result's page (its URL's argument), optionally followed by ``#section`` (a part of the page).
    link_key: str
    subtitle: str = ""
    summary: str = ""
    body: str = ""
    network_id: int | None = None  # the network the object belongs to, if it belongs to one


def short(text: str, length: int = TEXT_LENGTH) -> str:
    """``text`` on one line, cut to ``length`` characters with an ellipsis."""
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@lru_cache(maxsize=1024)
def labels(choices, value: str) -> str:
    """A choice's label in every interface language, so that a search in any of them finds it."""
    if value not in choices.values:
        return ""
    found = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.append(str(choices(value).label))
    return " ".join(dict.fromkeys(found))


def region_names(values: Iterable[str]) -> str:
    """The regions' names in every language, and the other names they go by."""
    return " ".join(f"{labels(Region, value)} {' '.join(REGION_NAMES.get(value, ()))}" for value in values)


def field_variants(model, name: str) -> list[str]:
    """The columns that hold the field ``name``: one per language when the field is translated (``title_fi``,
    ``title_sv``, ``title_en``), else the field itself. Query them with ``values(*field_variants(...))``."""
    fields = {field.name for field in model._meta.get_fields()}
    variants = [f"{name}_{code}" for code in settings.MODELTRANSLATION_LANGUAGES if f"{name}_{code}" in fields]
    return variants or [name]


def in_languages(row: dict, model, name: str) -> list[str]:
    """The texts of the field ``name`` in ``row`` (a ``values()`` row with :func:`field_variants`), the default
    language first, each once: a search in any language finds the object."""
    return list(dict.fromkeys(text for column in field_variants(model, name) if (text := row.get(column))))


def join(*parts) -> str:
    return "\n".join(str(part) for part in parts if part)


def batches(queryset, ids) -> Iterator[list[dict]]:
    """Rows of ``queryset`` (a ``values()`` queryset with ``pk``; only ``ids`` when given) in batches."""
    if ids is not None:
        ids = sorted(set(ids))
        for start in range(0, len(ids), BATCH_SIZE):
            batch = list(queryset.filter(pk__in=ids[start : start + BATCH_SIZE]).order_by("pk"))
            if batch:
                yield batch
        return
    last = 0
    while batch := list(queryset.filter(pk__gt=last).order_by("pk")[:BATCH_SIZE]):
        yield batch
        last = batch[-1]["pk"]
