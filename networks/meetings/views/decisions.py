"""Decisions of meetings (issue 6): recording, editing and deleting them while the minutes can change,
amending them once the minutes are approved, and the network's decision log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.meetings import actions as services
from networks.meetings.action_selectors import decision_log as log_decisions
from networks.meetings.forms.actions import DecisionAmendForm, DecisionFilterForm, DecisionForm
from networks.meetings.models import Decision, Meeting, MeetingStatus
from networks.meetings.views.common import meeting_for, refuse, to_meeting
from networks.memberships.models import Network
from partners.agreements.views.common import add_service_errors
from portal.access import can, get_for_user
from portal.lib.pagination import paginate


def to_records(meeting: Meeting, item_pk):
    """Back to the meeting's page, at the decisions and action items of one agenda item."""
    return to_meeting(meeting, f"records-{item_pk}")


def not_recording(request, meeting: Meeting):
    """None while decisions can be recorded; else the meeting's page with the reason."""
    if meeting.status in services.RECORDING:
        return None
    if meeting.status == MeetingStatus.MINUTES_APPROVED:
        message = _("The minutes have been approved: a decision can only be changed by a recorded amendment.")
    else:
        message = _("Decisions and action items are recorded once the meeting has been held.")
    messages.error(request, message)
    return to_meeting(meeting)


def save_or_refuse(request, form, meeting, call):
    """Run the service ``call``; a refusal goes on the form (or, for the meeting's state, on its page)."""
    try:
        return call(), None
    except ValidationError as error:
        if getattr(error, "code", None) == "invalid_state":
            return None, refuse(request, meeting, error)
        add_service_errors(form, error)
        return None, None


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def decision_add(request, pk):
    """Record a decision under one of the agenda items of a held meeting."""
    meeting = meeting_for(request, "manage", pk=pk)
    if (response := not_recording(request, meeting)) is not None:
        return response
    form = DecisionForm(request.POST or None, meeting=meeting, initial={"item": request.GET.get("item")})
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
            return to_records(meeting, decision.item_id)
    return render(request, "networks/meetings/decision_form.html", {"form": form, "meeting": meeting})


def _decision(request, pk, action: str) -> tuple[Meeting, Decision]:
    meeting = meeting_for(request, action, decisions__pk=pk)
    return meeting, get_object_or_404(Decision.objects.select_related("item", "goal"), pk=pk, meeting=meeting)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def decision_edit(request, pk):
    """Change a decision's text or goal while the minutes can still change."""
    meeting, decision = _decision(request, pk, "manage")
    if meeting.status == MeetingStatus.MINUTES_APPROVED:
        return redirect("meetings:decision_amend", pk=decision.pk)
    if (response := not_recording(request, meeting)) is not None:
        return response
    initial = {"text": decision.text, "goal": decision.goal_id}
    form = DecisionForm(request.POST or None, meeting=meeting, with_item=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved, response = save_or_refuse(
            request,
            form,
            meeting,
            lambda: services.decision_update(
                decision=decision, user=request.user, text=data["text"], goal=data["goal"]
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
    meeting, decision = _decision(request, pk, "manage")
    if (response := not_recording(request, meeting)) is not None:
        return response
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.decision_delete(decision=decision, user=request.user)
        except ValidationError as error:
            return refuse(request, meeting, error)
        messages.success(request, _("The decision has been deleted."))
        return to_records(meeting, decision.item_id)
    return render(request, "networks/meetings/decision_delete.html", {"meeting": meeting, "decision": decision})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def decision_amend(request, pk):
    """Change a decision of approved minutes by a recorded amendment, with the reason."""
    meeting, decision = _decision(request, pk, "amend")
    if meeting.status != MeetingStatus.MINUTES_APPROVED:
        messages.error(request, _("Only the decisions of approved minutes are amended; until then they can be edited."))
        return to_meeting(meeting)
    form = DecisionAmendForm(request.POST or None, initial={"text": decision.text})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        amendment, response = save_or_refuse(
            request,
            form,
            meeting,
            lambda: services.decision_amend(
                decision=decision, user=request.user, text=data["text"], reason=data["reason"]
            ),
        )
        if response is not None:
            return response
        if amendment is not None:
            messages.success(request, _("The decision has been amended and the amendment recorded."))
            return to_records(meeting, decision.item_id)
    context = {"form": form, "meeting": meeting, "decision": decision}
    return render(request, "networks/meetings/decision_amend.html", context)


@require_safe
@login_required
def decision_log(request, slug):
    """The network's decisions from approved minutes (coordinators also see draft ones), searchable."""
    network = get_for_user(request.user, Network, slug=slug)
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
