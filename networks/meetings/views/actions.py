"""Action items of meetings: recording one at a held meeting, changing its status, and the two lists: a
person's own action items and a network's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.meetings import actions as services
from networks.meetings.forms.actions import ActionFilterForm, ActionForm, ActionStatusForm
from networks.meetings.models import ActionItem, Meeting
from networks.meetings.selectors.records import my_actions as own_actions
from networks.meetings.selectors.records import network_actions as list_network_actions
from networks.meetings.views.decisions import not_recording, save_or_refuse, to_records
from networks.memberships.models import Network
from portal.access import can
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import REFUSED, object_for, render_partial, show_errors

MANAGE = "manage"


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def action_add(request, pk):
    """Record an action item under one of the agenda items of a held meeting."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    if (response := not_recording(request, meeting)) is not None:
        return response
    form = with_token(ActionForm)(request.POST or None, meeting=meeting, initial={"item": request.GET.get("item")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action, response = save_or_refuse(
            request,
            form,
            meeting,
            lambda: services.action_add(
                meeting=meeting,
                item=data["item"],
                user=request.user,
                what=data["what"],
                owner=data["owner"],
                organisation=data["organisation"],
                due_on=data["due_on"],
            ),
        )
        if response is not None:
            return response
        if action is not None:
            messages.success(request, _("The action item has been recorded."))
            return created(request, to_records(meeting, action.item_id))
    return render(request, "networks/meetings/action_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def action_edit(request, pk):
    """Correct an action item (what, owner, organisation, due date) while the minutes can still change."""
    action = object_for(request, ActionItem.objects.select_related("meeting__network"), pk=pk)
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=action.meeting_id)
    if (response := not_recording(request, meeting)) is not None:
        return response
    initial = {
        "item": action.item_id,
        "what": action.what,
        "owner": action.owner_id,
        "organisation": action.organisation_id,
        "due_on": action.due_on,
    }
    form = ActionForm(request.POST or None, meeting=meeting, action=action, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved, response = save_or_refuse(
            request,
            form,
            meeting,
            lambda: services.action_update(
                action=action,
                user=request.user,
                item=data["item"],
                what=data["what"],
                owner=data["owner"],
                organisation=data["organisation"],
                due_on=data["due_on"],
                version=data["version"],
            ),
        )
        if response is not None:
            return response
        if saved is not None:
            messages.success(request, _("The action item has been saved."))
            return to_records(meeting, saved.item_id)
    context = {"form": form, "meeting": meeting, "action": action}
    return render(request, "networks/meetings/action_form.html", context)


def _next_url(request, action: ActionItem) -> str:
    """Where to go after saving: the page the form was opened from (``next``), else the meeting."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=False):
        return wanted
    return reverse("meetings:meeting_detail", kwargs={"pk": action.meeting_id}) + f"#records-{action.item_id}"


# The rows an action item is shown in, which marking it done or open again renders in place with htmx: the
# inline form's ``row`` names the one it is in (the meeting page's records, the person's list, the network's).
ACTION_ROWS = {
    "meeting": ("networks/meetings/includes/item_records.html", "action_row"),
    "mine": ("networks/meetings/includes/action_rows.html", "row"),
    "network": ("networks/meetings/includes/action_rows.html", "row"),
}
ACTION_STATUS = "action-status"  # the live region of those pages


def _status_page_actions():
    return ActionItem.objects.select_related("meeting__network", "network", "owner", "organisation", "item")


def _inline_row(request) -> str | None:
    """The row to render again when the request came from an inline form with htmx, else None."""
    row = request.POST.get("row", "")
    return row if request.htmx and row in ACTION_ROWS else None


def _row_context(request, action: ActionItem, row: str, action_error: str = "") -> dict:
    """The row's context as its page gives it: the meeting page's rights, or a list's columns and address.
    The person may change the status (``update``, checked by the view): the list rows show the form."""
    context = {"action": action, "row": row, "today": timezone.localdate(), "action_error": action_error}
    if row == "meeting":
        context["may"] = action.meeting.access(request.user).rights(MANAGE, "record")
    else:
        context.update(
            next_url=_next_url(request, action),
            may_update=True,
            show_network=row == "mine",
            show_owner=row == "network",
        )
    return context


def _render_row(request, pk: int, row: str, *, message: str, action_error: str = ""):
    action = _status_page_actions().get(pk=pk)  # as saved now, with what the row shows
    template, partial = ACTION_ROWS[row]
    context = _row_context(request, action, row, action_error)
    status = REFUSED if action_error else 200
    return render_partial(request, template, partial, context, status_id=ACTION_STATUS, message=message, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def action_status(request, pk):
    """Mark an action item done or dropped, or open it again: its owner, the organiser, the coordinators. The
    lists' and the meeting page's one-click forms (done, open again) post here too: with htmx their row is
    rendered again in place, a refusal (a stale version) in the row; without, the same redirect or form."""
    action = object_for(request, _status_page_actions(), "update", pk=pk)
    initial = {"status": action.status, "note": action.status_note}
    form = ActionStatusForm(request.POST or None, action=action, initial=initial)
    row = _inline_row(request) if request.method == "POST" else None
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            action = services.action_set_status(
                action=action, user=request.user, status=data["status"], note=data["note"], version=data["version"]
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            message = _("The action item is now %(status)s.") % {"status": action.status_label.lower()}
            if row is not None:
                return _render_row(request, action.pk, row, message=message)
            messages.success(request, message)
            return redirect(_next_url(request, action))
    if row is not None:  # the inline form refused: the row as it is now, with the reason
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
        return _render_row(request, action.pk, row, message=error, action_error=error)
    context = {
        "form": form,
        "action": action,
        "next": _next_url(request, action),
        "overdue": action.is_open and action.due_on < timezone.localdate(),
    }
    return render(request, "networks/meetings/action_status.html", context)


@require_safe
@login_required
def my_actions(request):
    """The person's own action items in every network: open ones first, soonest due first."""
    page_obj = paginate(request, own_actions(user=request.user))
    context = {"page_obj": page_obj, "today": timezone.localdate()}
    return render(request, "networks/meetings/my_actions.html", context)


@require_safe
@login_required
def network_actions(request, slug):
    """The network's action items, filtered by status and owner."""
    network = object_for(request, Network, slug=slug)
    form = ActionFilterForm(request.GET or None, network=network)
    filters = form.filters()
    # The coordinators read every draft and change every action item's status; the others see what they may
    # read (minutes_readable) and change the status of their own and of those of the meetings they organised
    # (ActionItemAccess's ``update``), worked out from the rows without a query per row.
    is_coordinator = can(request.user, network, "edit")
    actions = list_network_actions(network=network, user=request.user, sees_drafts=is_coordinator, **filters)
    page_obj = paginate(request, actions)
    page_obj.object_list = list(page_obj.object_list)
    for action in page_obj.object_list:
        action.may_update = is_coordinator or request.user.pk in (action.owner_id, action.meeting.organiser_id)
    context = {
        "network": network,
        "form": form,
        "filters": filters,
        "page_obj": page_obj,
        "today": timezone.localdate(),
    }
    return render(request, "networks/meetings/network_actions.html", context)
