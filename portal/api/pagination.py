"""Cursor pagination: keyset on a stable ordering that ends in a unique column, never OFFSET.

The cursor is the last row's values of the ordering, as URL-safe base64 of JSON: opaque to clients (they follow
the ``next`` link), checked when read (a cursor that does not parse is a 400), and answered in one query
whatever page it points to."""

import base64
import binascii
import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q
from ninja.errors import HttpError

DEFAULT_LIMIT = 50
MAX_LIMIT = 100


def _fields(ordering: tuple[str, ...]) -> list[tuple[str, bool]]:
    return [(name.removeprefix("-"), name.startswith("-")) for name in ordering]


def encode(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, cls=DjangoJSONEncoder).encode()).decode().rstrip("=")


def decode(cursor: str, queryset, ordering: tuple[str, ...]) -> list:
    """The ordering's values a cursor carries, each read back by its model field; a bad cursor is a 400."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        fields = _fields(ordering)
        if not isinstance(raw, list) or len(raw) != len(fields):
            raise ValueError
        return [
            queryset.model._meta.get_field(name).to_python(value) for (name, _), value in zip(fields, raw, strict=True)
        ]
    except (ValueError, TypeError, binascii.Error, ValidationError, UnicodeDecodeError):
        raise HttpError(400, "Invalid cursor.") from None


def after(ordering: tuple[str, ...], values: list) -> Q:
    """The rows that come after ``values`` in ``ordering`` (lexicographic, each column in its own direction)."""
    condition = Q()
    equal = {}
    for (name, descending), value in zip(_fields(ordering), values, strict=True):
        condition |= Q(**equal, **{f"{name}__{'lt' if descending else 'gt'}": value})
        equal[name] = value
    return condition


def paginate(
    request, queryset, *, ordering: tuple[str, ...], limit: int, cursor: str | None
) -> tuple[list, str | None]:
    """One page of ``queryset`` in ``ordering`` after ``cursor``, and the absolute URL of the next page (None at
    the end). One query: ``limit + 1`` rows tell whether there is a next page."""
    # The ordering's values are read as annotations: a translated field's attribute is the reader's language,
    # its column (what the rows are ordered by) the Finnish text.
    keys = {f"cursor_key_{index}": F(name) for index, (name, _) in enumerate(_fields(ordering))}
    queryset = queryset.annotate(**keys).order_by(*ordering)
    if cursor:
        queryset = queryset.filter(after(ordering, decode(cursor, queryset, ordering)))
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    values = [getattr(last, key) for key in keys]
    query = request.GET.copy()
    query["cursor"] = encode(values)
    return rows, request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
