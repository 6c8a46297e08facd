"""Dates within reason everywhere: one rule for every date and date-time, years 1900–2199,
in the model fields' validators (so forms and services' full_clean say it) and as check constraints (so no
write can go past it).

The walks fail when a new date field comes without the rule; the database test shows the constraint holds
for a raw INSERT."""

import datetime

import pytest
from django import forms
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction

from networks.meetings.models import TimePoll, TimeSlot
from partners.directory.models import Affiliation
from portal.lib.validators import (
    AFTER_LATEST_MOMENT,
    EARLIEST,
    EARLIEST_MOMENT,
    LATEST,
    validate_plausible_date,
)
from tests import factories
from tests.portal.lib.test_edit_forms import project_forms

APPS = ("portal", "partners", "networks", "audit")


def _is_history_copy(model) -> bool:
    """pghistory's event tables: rows the database triggers copy from a tracked table, which has the rule."""
    return any(base.__module__.startswith("pghistory") for base in model.__mro__[1:])


def date_fields():
    for model in apps.get_models():
        if model._meta.app_label not in APPS or _is_history_copy(model) or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateField):  # DateTimeField is a DateField
                yield model, field


def test_the_walk_finds_the_date_fields():
    names = {f"{model.__name__}.{field.name}" for model, field in date_fields()}
    for expected in ("AgreementParty.signed_on", "Affiliation.since", "TimeSlot.starts_at", "Meeting.starts_at"):
        assert expected in names
    assert len(names) > 60


@pytest.mark.parametrize("model,field", list(date_fields()), ids=lambda value: getattr(value, "name", None))
def test_every_date_field_has_the_validator_and_the_constraint(model, field):
    assert validate_plausible_date in field.validators, f"{model.__name__}.{field.name} has no plausible-date validator"
    name = f"{model._meta.app_label}_{model._meta.model_name}_{field.name}_plausible"
    constraint = next((c for c in model._meta.constraints if c.name == name), None)
    assert isinstance(constraint, models.CheckConstraint), f"{model.__name__}.{field.name}: no constraint {name}"
    low, high = (
        (EARLIEST_MOMENT, AFTER_LATEST_MOMENT)
        if isinstance(field, models.DateTimeField)
        else (EARLIEST, LATEST + datetime.timedelta(1))
    )
    assert dict(constraint.condition.children) == {f"{field.name}__gte": low, f"{field.name}__lt": high}


def test_every_date_a_form_declares_has_the_validator():
    """The dates forms declare themselves (poll slots, signatures, filters); a model form's own date fields
    are checked by the model field's validator when the form cleans the instance. A hidden date-time is a
    version, not a date anyone types."""
    missing = []
    for name, cls in project_forms().items():
        for field_name, field in cls.declared_fields.items():
            typed = isinstance(field, (forms.DateField, forms.DateTimeField)) and not field.widget.is_hidden
            if typed and validate_plausible_date not in field.validators:
                missing.append(f"{name}.{field_name}")
    assert missing == []


@pytest.mark.parametrize(
    "value,ok",
    [
        (datetime.date(1900, 1, 1), True),
        (datetime.date(2199, 12, 31), True),
        (datetime.date(1, 1, 1), False),
        (datetime.date(1899, 12, 31), False),
        (datetime.date(2200, 1, 1), False),
        (datetime.datetime(2199, 12, 31, 23, 59, tzinfo=datetime.UTC), True),
        (datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC), False),
        (datetime.datetime(1899, 12, 31, 23, 0, tzinfo=datetime.UTC), False),
    ],
)
def test_the_validator(value, ok):
    if ok:
        validate_plausible_date(value)
    else:
        with pytest.raises(forms.ValidationError) as error:
            validate_plausible_date(value)
        assert error.value.code == "implausible"


@pytest.mark.django_db
def test_the_database_refuses_a_raw_insert_in_year_9999(network, coordinator):
    """The poll slot of the finding, written past the application: the check constraint refuses it."""
    poll = TimePoll.objects.create(network=network, title="Kysely", organiser=coordinator)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO networks_timeslot (poll_id, starts_at, ends_at) VALUES (%s, %s, %s)",
            [poll.pk, "9999-01-01 10:00+00", "9999-01-01 11:00+00"],
        )
    assert not TimeSlot.objects.exists()


@pytest.mark.django_db
def test_the_database_refuses_a_raw_update_to_year_1(agreement, member, organisation):
    """The signature and the affiliation of the findings, changed past the application."""
    party = agreement.parties.first()
    affiliation = Affiliation.objects.filter(user=member).first() or factories.AffiliationFactory(
        user=member, organisation=organisation
    )
    for table, column, pk in (
        ("partners_agreementparty", "signed_on", party.pk),
        ("partners_affiliation", "since", affiliation.pk),
    ):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {column} = '0001-01-01' WHERE id = %s", [pk])  # noqa: S608
