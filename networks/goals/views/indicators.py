"""Views of a goal's indicators and measurements.

- The network's coordinators (``manage``) add, edit and delete indicators.
- An indicator's owner and the coordinators (the indicator's ``measure``,
  :class:`networks.goals.access.IndicatorAccess`) add and delete its measurements; the goal's other
  readers get 403.
- A measurement's evidence file is never on a public URL: the download checks the person may see the
  goal (outsiders 404) and serves it as an attachment under its original name, like the documents
  of agreements (:mod:`partners.agreements.views.documents`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.goals import indicators as services
from networks.goals.forms.indicators import IndicatorForm, MeasurementForm
from networks.goals.models import Goal
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.uploads import ATTACHMENT_CSP
from portal.lib.views import back_to, object_for, refuse, show_errors

FORM_METHODS = ["GET", "HEAD", "POST"]


def _indicator_of(goal: Goal, pk):
    """The indicator ``pk`` of ``goal``; another goal's indicator is not found (404)."""
    indicator = get_object_or_404(goal.indicators.select_related("owner"), pk=pk)
    indicator.goal = goal
    return indicator


def _measurement_of(indicator, pk):
    measurement = get_object_or_404(indicator.measurements.all(), pk=pk)
    measurement.indicator = indicator
    return measurement


def _indicator_to_measure(request, pk, indicator_pk):
    """The goal and its indicator, if the person may enter its measurements (its owner, the coordinators)."""
    goal = object_for(request, Goal.objects.select_related("network"), "view", pk=pk)
    indicator = _indicator_of(goal, indicator_pk)
    if not indicator.permits(request.user, "measure"):
        raise PermissionDenied
    return goal, indicator


def _refuse_if_finished(request, goal: Goal):
    """A finished goal's indicators no longer change: said on the goal's page (None when open)."""
    if goal.is_finished:
        messages.error(
            request, _("The goal has been achieved or dropped: its indicators and measurements no longer change.")
        )
        return back_to(goal, "indicators")
    return None


# --- indicators -------------------------------------------------------------------------------------


@require_http_methods(FORM_METHODS)
@login_required
@creates_once
def indicator_create(request, pk):
    goal = object_for(request, Goal.objects.select_related("network"), "manage", pk=pk)
    if refusal := _refuse_if_finished(request, goal):
        return refusal
    form = with_token(IndicatorForm)(request.POST if request.method == "POST" else None, goal=goal)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_create(goal=goal, data=form.indicator_data())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The indicator %(name)s has been added.") % {"name": indicator.name})
            return created(request, back_to(goal, f"indicator-{indicator.pk}"))
    return render(request, "networks/goals/indicator_form.html", {"form": form, "goal": goal})


@require_http_methods(FORM_METHODS)
@login_required
def indicator_edit(request, pk, indicator):
    goal = object_for(request, Goal.objects.select_related("network"), "manage", pk=pk)
    indicator = _indicator_of(goal, indicator)
    if refusal := _refuse_if_finished(request, goal):
        return refusal
    form = IndicatorForm(request.POST if request.method == "POST" else None, instance=indicator, goal=goal)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(indicator=indicator, data=form.indicator_data(), version=form.edit_version())
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The indicator %(name)s has been saved.") % {"name": indicator.name})
            return back_to(goal, f"indicator-{indicator.pk}")
    return render(request, "networks/goals/indicator_form.html", {"form": form, "goal": goal, "indicator": indicator})


@require_http_methods(FORM_METHODS)
@login_required
def indicator_delete(request, pk, indicator):
    """GET asks for confirmation; a POST from the confirmation button (``confirm=yes``) deletes."""
    goal = object_for(request, Goal.objects.select_related("network"), "manage", pk=pk)
    indicator = _indicator_of(goal, indicator)
    if refusal := _refuse_if_finished(request, goal):
        return refusal
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.indicator_delete(indicator=indicator)
        except DomainError as error:
            return refuse(request, goal, error, "indicators")
        messages.success(request, _("The indicator %(name)s has been deleted.") % {"name": indicator.name})
        return back_to(goal, "indicators")
    return render(
        request,
        "networks/goals/indicator_confirm_delete.html",
        {"goal": goal, "indicator": indicator, "measurement_count": indicator.measurements.count()},
    )


# --- measurements -----------------------------------------------------------------------------------


@require_http_methods(FORM_METHODS)
@login_required
@creates_once
def measurement_add(request, pk, indicator):
    goal, indicator = _indicator_to_measure(request, pk, indicator)
    if refusal := _refuse_if_finished(request, goal):
        return refusal
    posted = request.method == "POST"
    form = with_token(MeasurementForm)(
        request.POST if posted else None, request.FILES if posted else None, indicator=indicator
    )
    if posted and form.is_valid():
        try:
            services.measurement_add(
                indicator=indicator,
                user=request.user,
                data=form.measurement_data(),
                uploaded_file=form.cleaned_data["evidence"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The measurement of %(name)s has been saved.") % {"name": indicator.name})
            return created(request, back_to(goal, f"indicator-{indicator.pk}"))
    return render(request, "networks/goals/measurement_form.html", {"form": form, "goal": goal, "indicator": indicator})


@require_http_methods(FORM_METHODS)
@login_required
def measurement_delete(request, pk, indicator, measurement):
    """GET asks for confirmation; a POST from the confirmation button (``confirm=yes``) deletes."""
    goal, indicator = _indicator_to_measure(request, pk, indicator)
    measurement = _measurement_of(indicator, measurement)
    if refusal := _refuse_if_finished(request, goal):
        return refusal
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.measurement_delete(measurement=measurement)
        except DomainError as error:
            return refuse(request, goal, error, "indicators")
        messages.success(
            request,
            _("The measurement of %(name)s on %(day)s has been deleted.")
            % {"name": indicator.name, "day": date_format(measurement.measured_on, "SHORT_DATE_FORMAT")},
        )
        return back_to(goal, f"indicator-{indicator.pk}")
    return render(
        request,
        "networks/goals/measurement_confirm_delete.html",
        {"goal": goal, "indicator": indicator, "measurement": measurement},
    )


@require_safe
@login_required
def evidence_download(request, pk, indicator, measurement):
    """The stored evidence file, for those who may see the goal, always as a download."""
    goal = object_for(request, Goal.objects.select_related("network"), "view", pk=pk)
    measurement = _measurement_of(_indicator_of(goal, indicator), measurement)
    if not measurement.evidence:
        raise Http404
    try:
        handle = measurement.evidence.storage.open(measurement.evidence.name, "rb")
    except OSError:  # lost from the disk: "not found", not a server error
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=measurement.evidence_name or "evidence",
        content_type=measurement.evidence_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = ATTACHMENT_CSP
    patch_cache_control(response, private=True, no_store=True)
    return response
