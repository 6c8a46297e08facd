"""Decisions of meetings: recording, editing and deleting them while the minutes can change, amending them once
the minutes are approved, and the network's decision log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.meetings import actions as services
from networks.meetings.forms.actions import DecisionAmendForm, DecisionFilterForm, DecisionForm
from networks.meetings.models import Decision, Meeting
from networks.meetings.selectors.records import decision_log as log_decisions
from networks.memberships.models import Network
from portal.access import can
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse, refuse_or_show

MANAGE = "manage"


def to_records(meeting: Meeting, item_pk):
    """Back to the meeting's page, at the decisions and action items of one agenda item."""
    return back_to(meeting, f"records-{item_pk}")


def not_recording(request, meeting: Meeting):
    """None while decisions can be recorded; else the meeting's page with the reason."""
    reason = services.not_recording(meeting)
    return None if reason is None else refuse(request, meeting, DomainError(reason))


def save_or_refuse(request, form, meeting, call):
    """Run the service ``call``: (its result, None); or, refused, (None, the meeting's page with the reason
    when it is about the meeting's state, else None with the refusal on the form)."""
    try:
        return call(), None
    except DomainError as error:
        return None, refuse_or_show(request, form, meeting, error)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def decision_add(request, pk):
    """Record a decision under one of the agenda items of a held meeting."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    if (response := not_recording(request, meeting)) is not None:
        return response
    form = with_token(DecisionForm)(request.POST or None, meeting=meeting, initial={"item": request.GET.get("item")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        decision, response = save_or_refuse(
            request,
            form,
            meeting,
            lambda: services.decision_add(
                meeting=meeting, item=data["item"], user=request.user, text=data["text"], goal=data["goal"]
            ),
        )
        if response is not None:
            return response
        if decision is not None:
            messages.success(request, _("The decision has been recorded."))
            return created(request, to_records(meeting, decision.item_id))
    return render(request, "networks/meetings/decision_form.html", {"form": form, "meeting": meeting})


def _decision(request, pk, action: str) -> tuple[Meeting, Decision]:
    meeting = object_for(request, Meeting.objects.select_related("network"), action, decisions__pk=pk)
    return meeting, get_object_or_404(Decision.objects.select_related("item", "goal"), pk=pk, meeting=meeting)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def decision_edit(request, pk):
    """Change a decision's text or goal while the minutes can still change."""
    meeting, decision = _decision(request, pk, MANAGE)
    if meeting.has_approved_minutes:
        return redirect("meetings:decision_amend", pk=decision.pk)
    if (response := not_recording(request, meeting)) is not None:
        return response
    initial = {"text": decision.text, "goal": decision.goal_id}
    form = DecisionForm(request.POST or None, meeting=meeting, with_item=False, decision=decision, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved, response = save_or_refuse(
            request,
            form,
            meeting,
            lambda: services.decision_update(
                decision=decision, user=request.user, text=data["text"], goal=data["goal"], version=data["version"]
            ),
        )
        if response is not None:
            return response
        if saved is not None:
            messages.success(request, _("The decision has been saved."))
            return to_records(meeting, decision.item_id)
    context = {"form": form, "meeting": meeting, "decision": decision}
    return render(request, "networks/meetings/decision_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def decision_delete(request, pk):
    """Delete a decision recorded by mistake (a confirmation page first)."""
    meeting, decision = _decision(request, pk, MANAGE)
    if (response := not_recording(request, meeting)) is not None:
        return response
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.decision_delete(decision=decision, user=request.user)
        except DomainError as error:
            return refuse(request, meeting, error)
        messages.success(request, _("The decision has been deleted."))
        return to_records(meeting, decision.item_id)
    return render(request, "networks/meetings/decision_delete.html", {"meeting": meeting, "decision": decision})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def decision_amend(request, pk):
    """Change a decision of approved minutes by a recorded amendment, with the reason."""
    meeting, decision = _decision(request, pk, "amend")
    if not meeting.has_approved_minutes:
        message = _("Only the decisions of approved minutes are amended; until then they can be edited.")
        return refuse(request, meeting, DomainError(message))
    form = with_token(DecisionAmendForm)(request.POST or None, decision=decision, initial={"text": decision.text})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        amendment, response = save_or_refuse(
            request,
            form,
            meeting,
            lambda: services.decision_amend(
                decision=decision,
                user=request.user,
                text=data["text"],
                reason=data["reason"],
                version=data["version"],
            ),
        )
        if response is not None:
            return response
        if amendment is not None:
            messages.success(request, _("The decision has been amended and the amendment recorded."))
            return created(request, to_records(meeting, decision.item_id))
    context = {"form": form, "meeting": meeting, "decision": decision}
    return render(request, "networks/meetings/decision_amend.html", context)


@require_safe
@login_required
def decision_log(request, slug):
    """The network's decisions from approved minutes (coordinators also see draft ones), searchable."""
    network = object_for(request, Network, slug=slug)
    sees_drafts = can(request.user, network, "edit")
    form = DecisionFilterForm(request.GET or None, network=network)
    filters = form.filters()
    decisions = log_decisions(network=network, user=request.user, sees_drafts=sees_drafts, **filters)
    context = {
        "network": network,
        "form": form,
        "filters": filters,
        "sees_drafts": sees_drafts,
        "page_obj": paginate(request, decisions),
    }
    return render(request, "networks/meetings/decision_log.html", context)
