"""The history of an agreement: every insert, update and delete of the agreement, its
parties, commitments and documents, as django-pghistory's triggers recorded them, told in words.

Reading a page of it takes three queries whatever its length: the events (one query over the four
event tables), the people named in it and the organisations named in it.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from pghistory.models import MiddlewareEvents

from partners.agreements.models import Agreement, AgreementDocument, AgreementParty, Commitment
from partners.directory.models import Organisation

# Columns that say nothing to a reader: the row's own id, links to the agreement or party it belongs to
# (they never change) and the private storage name of a document's file.
_HIDDEN = {"id", "agreement", "party", "file"}


def agreement_events(agreement: Agreement):
    """The events of the agreement and of every row pointing at it, newest first.

    ``references()`` also matches agreements whose ``renewal_of`` points here (the renewal's own
    history): those are left out, they are on the renewal's page.
    """
    own_or_child = ~Q(pgh_obj_model=Agreement._meta.label) | Q(pgh_obj_id=str(agreement.pk))
    return (
        MiddlewareEvents.objects.references(agreement)
        .filter(own_or_child)
        .order_by("-pgh_created_at", "-pgh_id", "pgh_slug")
    )


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    """One event, ready to show: who, when, on what, and what changed."""

    when: datetime.datetime
    who: str
    kind: str  # the tracked model's name: "Party"
    name: str  # which one: "Gradia"
    action: str  # insert, update or delete
    changes: list[Change] = field(default_factory=list)

    @property
    def is_insert(self) -> bool:
        return self.action == "insert"

    @property
    def is_delete(self) -> bool:
        return self.action == "delete"


def _fields_by_column(model) -> dict[str, models.Field]:
    return {f.column: f for f in model._meta.concrete_fields if f.name not in _HIDDEN}


def _related_ids(events, model) -> set[int]:
    """Ids of ``model`` named by the events: the person of each event, and foreign keys in data and diffs."""
    ids = set()
    for event in events:
        tracked = apps.get_model(event.pgh_obj_model)
        if model is get_user_model() and event.user_id is not None:
            ids.add(event.user_id)
        for column, model_field in _fields_by_column(tracked).items():
            if getattr(model_field, "related_model", None) is not model:
                continue
            values = [(event.pgh_data or {}).get(column)]
            values += (event.pgh_diff or {}).get(column) or []
            ids.update(value for value in values if isinstance(value, int))
    return ids


def _names(model, ids) -> dict[int, str]:
    if not ids:
        return {}
    return {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)}


def _date(value: str) -> str:
    return formats.date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")


def _moment(value: str) -> str:
    return formats.date_format(timezone.localtime(datetime.datetime.fromisoformat(value)), "SHORT_DATETIME_FORMAT")


def _value(model_field: models.Field, value, names: dict) -> str:
    """A stored JSON value as the reader knows it: a label, a name, a local date, a local number."""
    if value is None or value == "":
        return ""
    if model_field.is_relation:
        value = names.get(model_field.related_model, {}).get(value, value)
    elif model_field.choices:
        value = dict(model_field.flatchoices).get(value, value)
    elif isinstance(model_field, models.BooleanField):
        value = _("yes") if value else _("no")
    elif isinstance(model_field, models.DateTimeField):
        value = _moment(value)
    elif isinstance(model_field, models.DateField):
        value = _date(value)
    elif isinstance(model_field, models.DecimalField):
        value = formats.number_format(Decimal(str(value)), decimal_pos=model_field.decimal_places)
    return str(value)


def _name(tracked, data: dict, names: dict) -> str:
    if tracked is AgreementParty:
        organisation_id = data.get("organisation_id")
        return names[Organisation].get(organisation_id, str(organisation_id))
    if tracked is AgreementDocument:
        return data.get("title") or data.get("original_name") or ""
    if tracked is Commitment:
        return data.get("description") or ""
    return data.get("title") or ""


def describe(events) -> list[Entry]:
    """The events (a page of :func:`agreement_events`) as entries, with the names they refer to."""
    events = list(events)
    user_model = get_user_model()
    names = {
        user_model: _names(user_model, _related_ids(events, user_model)),
        Organisation: _names(Organisation, _related_ids(events, Organisation)),
    }
    entries = []
    for event in events:
        tracked = apps.get_model(event.pgh_obj_model)
        data = event.pgh_data or {}
        # No person: a change made outside a request (a scheduled job, the shell, a migration).
        who = _("system") if event.user_id is None else names[user_model].get(event.user_id, _("a removed user"))
        entry = Entry(
            when=event.pgh_created_at,
            who=who,
            kind=capfirst(tracked._meta.verbose_name),
            name=_name(tracked, data, names),
            action=event.pgh_label,
        )
        if event.pgh_label == "update":
            diff = event.pgh_diff or {}
            # In the order of the form, not of the JSON object's keys.
            for column, model_field in _fields_by_column(tracked).items():
                if column not in diff:
                    continue
                old, new = diff[column]
                entry.changes.append(
                    Change(
                        label=capfirst(model_field.verbose_name),
                        old=_value(model_field, old, names),
                        new=_value(model_field, new, names),
                    )
                )
        entries.append(entry)
    return entries
