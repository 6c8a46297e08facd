"""The meeting pages (issue 6, area A): the person's meetings, a network's meeting list and month calendar,
the meeting's page, creating, editing and cancelling a meeting, moving its status, and the printable
agenda and minutes.

The meeting's page includes the parts of the other areas (invitations, agenda, attendance, comments) as
partials that get ``meeting`` (everything prefetched by :func:`networks.meeting_selectors.meeting_page`),
``access`` and ``may``."""

import copy
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from networks.meetings import services
from networks.meetings.access import may_organise
from networks.meetings.forms.meetings import MeetingCancelForm, MeetingFilterForm, MeetingForm
from networks.meetings.lists import (
    month_grid,
    network_meetings,
    parse_month,
    person_networks,
    shift_month,
    upcoming_for,
)
from networks.meetings.minutes import render_minutes
from networks.meetings.models import Meeting, MeetingStatus
from networks.meetings.selectors import meeting_page
from networks.meetings.views.common import meeting_for, refuse, to_meeting
from networks.memberships.models import Network
from partners.agreements.views.common import add_service_errors
from portal.access import get_for_user
from portal.lib.pagination import paginate

MANAGE = "manage"
RIGHTS = ("manage", "reply", "propose", "read_minutes", "comment", "approve", "amend")


def _may(meeting: Meeting, user) -> dict[str, bool]:
    """What the person may do with the meeting, by right (all of them for superusers)."""
    access = meeting.access(user)
    return {right: user.is_superuser or access.permits(right) for right in RIGHTS}


def _status_actions(meeting: Meeting, user, may: dict) -> list[tuple[str, str]]:
    """The status changes the page offers the person now: (value of ``to``, button label)."""
    actions = []
    if may["manage"] and meeting.status == MeetingStatus.PLANNED and meeting.starts_at <= timezone.now():
        actions.append(("held", _("Mark as held")))
    if may["manage"] and meeting.status == MeetingStatus.HELD:
        actions.append(("circulate", _("Circulate the draft minutes")))
    if meeting.status == MeetingStatus.MINUTES_DRAFT and (user.is_superuser or meeting.chair_id == user.pk):
        actions.append(("approve", _("Approve the minutes")))
    return actions


# --- the lists ----------------------------------------------------------------------------------------------


@require_safe
@login_required
def index(request):
    """The person's meetings ahead in all their networks, and their networks with links to each list."""
    context = {
        "page_obj": paginate(request, upcoming_for(request.user), per_page=20),
        "networks": person_networks(request.user),
    }
    return render(request, "networks/meetings/index.html", context)


@require_safe
@login_required
def meeting_list(request, slug):
    """A network's meetings: upcoming (default), past or all, of one kind or status, paginated."""
    network = get_for_user(request.user, Network, slug=slug)
    form = MeetingFilterForm(request.GET or None)
    filters = form.filters()
    context = {
        "network": network,
        "form": form,
        "filters": filters,
        "filtered": bool(filters["kind"] or filters["status"]),
        "page_obj": paginate(request, network_meetings(network, **filters)),
        "may_organise": may_organise(network, request.user),
    }
    return render(request, "networks/meetings/meeting_list.html", context)


@require_safe
@login_required
def meeting_calendar(request, slug):
    """A month of the network's meetings as a table of weeks, Monday first (``?month=YYYY-MM``)."""
    network = get_for_user(request.user, Network, slug=slug)
    today = timezone.localdate()
    first = parse_month(request.GET.get("month"), today)
    context = {
        "network": network,
        "month": first,
        "weeks": month_grid(network, first, today),
        "previous_month": shift_month(first, -1),
        "next_month": shift_month(first, 1),
        "this_month": today.replace(day=1),
        "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # 2024-01-01 was a Monday
        "may_organise": may_organise(network, request.user),
    }
    return render(request, "networks/meetings/calendar.html", context)


# --- one meeting ---------------------------------------------------------------------------------------------


@require_safe
@login_required
def meeting_detail(request, pk):
    """The meeting: its details, invitations and replies, agenda, attendance, minutes and comments."""
    meeting = get_for_user(request.user, meeting_page(), pk=pk)
    may = _may(meeting, request.user)
    context = {
        "meeting": meeting,
        "access": meeting.access(request.user),
        "is_admin": request.user.is_superuser,
        "may": may,
        "status_actions": _status_actions(meeting, request.user, may),
        "may_edit": may["manage"] and meeting.status != MeetingStatus.CANCELLED,
        "may_cancel": may["manage"] and meeting.status == MeetingStatus.PLANNED,
    }
    return render(request, "networks/meetings/meeting_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_create(request, slug):
    """A new planned meeting of the network, with its invitations (coordinators and members)."""
    network = get_for_user(request.user, Network, slug=slug)
    if not may_organise(network, request.user):
        raise PermissionDenied
    initial = {}
    if network.role_of(request.user) is not None:
        initial["chair"] = request.user.pk
    form = MeetingForm(request.POST or None, instance=Meeting(network=network), network=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                network=network,
                user=request.user,
                data=form.meeting_data(),
                organisations=form.cleaned_data["organisations"],
                people=form.cleaned_data["people"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            count = meeting.invitees.count()
            messages.success(
                request,
                _("The meeting %(title)s has been created and %(count)s invitations sent.")
                % {"title": meeting.title, "count": count},
            )
            return to_meeting(meeting)
    return render(request, "networks/meetings/meeting_form.html", {"form": form, "network": network})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_edit(request, pk):
    """Edit the meeting; a change of time or place of a planned meeting goes to the invitees' calendars.
    A save from a form someone else saved over is refused and the input kept."""
    meeting = meeting_for(request, MANAGE, pk=pk)
    if meeting.status == MeetingStatus.CANCELLED:
        messages.error(request, _("A cancelled meeting cannot be changed."))
        return to_meeting(meeting)
    # A mutable copy: after a refused save the form carries the current version, so saving again overwrites.
    data = request.POST.copy() if request.method == "POST" else None
    form = MeetingForm(data, instance=copy.copy(meeting), network=meeting.network)
    if request.method == "POST" and form.is_valid():
        before = meeting.sequence
        try:
            updated = services.meeting_update(
                meeting=meeting, user=request.user, data=form.meeting_data(), version=form.cleaned_data["version"]
            )
        except services.MeetingChangedError:
            current = Meeting.objects.get(pk=meeting.pk)
            form.data["version"] = current.updated_at.isoformat()
            form.add_error(
                None,
                _(
                    "Someone else changed the meeting while you were editing it. Check the details below and "
                    "save again to keep your changes."
                ),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if updated.sequence != before:
                messages.success(request, _("The meeting has been saved and the invitees' calendars updated."))
            else:
                messages.success(request, _("The meeting has been saved."))
            return to_meeting(updated)
    return render(
        request, "networks/meetings/meeting_form.html", {"form": form, "meeting": meeting, "network": meeting.network}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_cancel(request, pk):
    """Cancel a planned meeting, with a reason (a confirmation page)."""
    meeting = meeting_for(request, MANAGE, pk=pk)
    if meeting.status != MeetingStatus.PLANNED:
        messages.error(request, _("Only a planned meeting can be cancelled."))
        return to_meeting(meeting)
    form = MeetingCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(meeting=meeting, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The meeting %(title)s has been cancelled and the invitees told.") % {"title": meeting.title}
            )
            return to_meeting(meeting)
    return render(request, "networks/meetings/meeting_cancel.html", {"form": form, "meeting": meeting})


STATUS_CHANGES = {
    # to: (the right needed, the service)
    "held": (MANAGE, services.meeting_mark_held),
    "circulate": (MANAGE, services.minutes_circulate),
    "approve": ("approve", services.minutes_approve),
}


def _may_change_status(meeting: Meeting, user, right: str) -> bool:
    # The chair may try to approve at any time (the service says why not yet); others need the right.
    access = meeting.access(user)
    return user.is_superuser or access.permits(right) or (right == "approve" and access.is_chair)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_status(request, pk):
    """Move the meeting on: ``to=held`` (after it started), ``circulate`` (the draft minutes, needs a chair),
    ``approve`` (the chair). GET shows the steps and the changes the person can make now (for those who
    manage the meeting and the chair); a refusal of a POST is said on the meeting's page."""
    meeting = meeting_for(request, pk=pk)
    if request.method != "POST":
        user = request.user
        if not (_may_change_status(meeting, user, MANAGE) or _may_change_status(meeting, user, "approve")):
            raise PermissionDenied
        may = _may(meeting, request.user)
        context = {"meeting": meeting, "status_actions": _status_actions(meeting, request.user, may)}
        return render(request, "networks/meetings/meeting_status.html", context)
    if not (_may_change_status(meeting, request.user, MANAGE) or _may_change_status(meeting, request.user, "approve")):
        raise PermissionDenied
    to = request.POST.get("to", "")
    if to not in STATUS_CHANGES:
        return HttpResponseBadRequest(_("Unknown status change."))
    right, service = STATUS_CHANGES[to]
    if not _may_change_status(meeting, request.user, right):
        raise PermissionDenied
    try:
        meeting = service(meeting=meeting, user=request.user)
    except ValidationError as error:
        return refuse(request, meeting, error)
    done = {
        "held": _("The meeting has been marked as held. Record the attendance and write the minutes."),
        "circulate": _("The draft minutes have been sent to the attendees and the chair for comments."),
        "approve": _("The minutes have been approved. Any later change is recorded as an amendment."),
    }
    messages.success(request, done[to])
    return to_meeting(meeting)


# --- printable pages ------------------------------------------------------------------------------------------


def _schedule(meeting: Meeting) -> list:
    """The accepted agenda items in order, each with its planned start time (from the meeting's start and
    the items' planned minutes, while they are all given)."""
    items = [item for item in meeting.items.all() if item.status == item.Status.ACCEPTED]
    at = meeting.starts_at
    for item in items:
        item.planned_start = at
        # Without an item's planned minutes, the times of the items after it are not known.
        at = at + datetime.timedelta(minutes=item.planned_minutes) if item.planned_minutes and at else None
    return items


@require_safe
@login_required
def print_agenda(request, pk):
    """The agenda on A4: the meeting's details and the accepted items with presenters and times."""
    meeting = get_for_user(request.user, meeting_page(), pk=pk)
    context = {"meeting": meeting, "items": _schedule(meeting), "printed_at": timezone.now()}
    return render(request, "networks/meetings/print_agenda.html", context)


@require_safe
@login_required
def print_minutes(request, pk):
    """The minutes on A4 (for those who may read them): attendance, each item's minutes, decisions and
    action items; a draft is marked as such."""
    meeting = get_for_user(request.user, meeting_page(), action="read_minutes", pk=pk)
    items = _schedule(meeting)
    for item in items:
        item.minutes_html = render_minutes(item.minutes) if item.minutes else ""
    context = {"meeting": meeting, "items": items, "printed_at": timezone.now()}
    return render(request, "networks/meetings/print_minutes.html", context)
