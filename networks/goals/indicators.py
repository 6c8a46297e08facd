"""Writes of a goal's indicators and their measurements.

- The network's coordinators add, change and delete a goal's indicators (:func:`indicator_create`,
  :func:`indicator_update`, :func:`indicator_delete`).
- An indicator's owner and the coordinators enter and delete its measurements
  (:func:`measurement_add`, :func:`measurement_delete`); the views check who may.
- A measurement's evidence file is private and checked like an agreement's documents: by what it
  contains (:func:`partners.agreements.documents.check_document`); it is stored under a server-generated name
  (``goal-evidence/<uuid hex>``) and the uploaded name, cleaned by
  :func:`partners.agreements.documents.clean_filename`, is kept only to be shown and offered when downloading.
- The indicators of an achieved or dropped goal no longer change.

Every write runs in one transaction with the goal's row locked, so a goal deleted or finished in the
meantime is noticed; files go from the disk only once a deletion is committed.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from networks.goals.models import Goal, Indicator, Measurement
from partners.agreements.documents import check_document, clean_filename
from portal.lib.errors import DomainError, check_version, validated

INDICATOR_FIELDS = (
    "name",
    "unit",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "frequency",
    "owner",
)
MEASUREMENT_FIELDS = ("measured_on", "value", "note")


def _check_fields(data: dict, allowed: tuple[str, ...], function: str) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"{function}() cannot set {sorted(unknown)}")


def _lock_open_goal(goal_id: int) -> Goal:
    """The goal, locked; refused when it no longer exists or is achieved or dropped."""
    goal = Goal.objects.select_for_update().filter(pk=goal_id).first()
    if goal is None:
        raise DomainError(_("This goal no longer exists."))
    if goal.is_finished:
        raise DomainError(_("The goal has been achieved or dropped: its indicators and measurements no longer change."))
    return goal


def _check_indicator_exists(indicator: Indicator) -> None:
    if not Indicator.objects.filter(pk=indicator.pk).exists():
        raise DomainError(_("This indicator no longer exists."))


def remove_evidence_on_commit(measurements) -> None:
    """Delete the evidence files of ``measurements`` (rows about to be deleted) once the transaction commits.

    For every deletion that takes measurements with it: an indicator's, and a goal's.
    """
    files = [(m.evidence.storage, m.evidence.name) for m in measurements if m.evidence]
    if files:
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])


# --- indicators -------------------------------------------------------------------------------------


def indicator_create(*, goal: Goal, data: dict) -> Indicator:
    """A new indicator of ``goal``, after its others. ``data`` holds ``INDICATOR_FIELDS``.

    Raises :class:`~portal.lib.errors.DomainError` (field errors, or the goal being finished).
    """
    _check_fields(data, INDICATOR_FIELDS, "indicator_create")
    indicator = Indicator(goal=goal, **data)
    validated(indicator, exclude=["goal"])
    with transaction.atomic():
        _lock_open_goal(goal.pk)
        last = goal.indicators.aggregate(last=Max("position"))["last"]
        indicator.position = 0 if last is None else last + 1
        indicator.save()
    return indicator


def indicator_update(*, indicator: Indicator, data: dict, version=None) -> Indicator:
    """Save changes to the indicator's own fields (its measurements stay). Raises :class:`DomainError`;
    :class:`~portal.lib.errors.StaleEditError` when ``version`` (the form's) is not the saved one."""
    _check_fields(data, INDICATOR_FIELDS, "indicator_update")
    for name, value in data.items():
        setattr(indicator, name, value)
    validated(indicator, exclude=["goal"])
    with transaction.atomic():
        _lock_open_goal(indicator.goal_id)
        _check_indicator_exists(indicator)
        check_version(Indicator.objects.select_for_update().get(pk=indicator.pk), version)
        indicator.save(update_fields=[*data, "updated_at"])
    return indicator


def indicator_delete(*, indicator: Indicator) -> None:
    """Delete the indicator and its measurements; their evidence files go once this is committed."""
    with transaction.atomic():
        _lock_open_goal(indicator.goal_id)
        remove_evidence_on_commit(list(indicator.measurements.all()))
        indicator.delete()


# --- measurements -----------------------------------------------------------------------------------


def _same_day_error() -> DomainError:
    return DomainError({"measured_on": _("This indicator already has a measurement on this date.")})


def measurement_add(*, indicator: Indicator, user, data: dict, uploaded_file=None) -> Measurement:
    """A measurement of ``indicator`` by ``user``, with an optional evidence file.

    ``data`` holds ``MEASUREMENT_FIELDS``. The file is checked by :func:`check_document` and stored
    under a server-generated name. Raises :class:`DomainError` with field errors (``measured_on``,
    ``value``, ``note``, ``evidence``) or for the goal's state; nothing is stored then.
    """
    _check_fields(data, MEASUREMENT_FIELDS, "measurement_add")
    measurement = Measurement(indicator=indicator, recorded_by=user, **data)
    if uploaded_file is not None:
        measurement.evidence_name = clean_filename(getattr(uploaded_file, "name", ""))
        try:
            measurement.evidence_type = check_document(uploaded_file, measurement.evidence_name)
        except ValidationError as error:
            raise DomainError({"evidence": error.error_list}) from None
        measurement.evidence_size = uploaded_file.size
    validated(measurement, exclude=["indicator", "evidence", "recorded_by"], validate_constraints=False)
    with transaction.atomic():
        _lock_open_goal(indicator.goal_id)
        _check_indicator_exists(indicator)
        if indicator.measurements.filter(measured_on=measurement.measured_on).exists():
            raise _same_day_error()
        if uploaded_file is not None:
            uploaded_file.seek(0)
            measurement.evidence.save(measurement.evidence_name, uploaded_file, save=False)
        try:
            with transaction.atomic():
                measurement.save()
        except BaseException as error:
            if measurement.evidence:
                measurement.evidence.storage.delete(measurement.evidence.name)
            if isinstance(error, IntegrityError):  # the same day, entered by someone else just now
                raise _same_day_error() from None
            raise
    return measurement


def measurement_delete(*, measurement: Measurement) -> None:
    """Delete the measurement; its evidence file goes once the deletion is committed."""
    with transaction.atomic():
        _lock_open_goal(measurement.indicator.goal_id)
        remove_evidence_on_commit([measurement])
        measurement.delete()
