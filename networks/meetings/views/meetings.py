"""The meeting pages: the person's meetings, a network's meeting list and month calendar, the meeting's page,
creating, editing and cancelling a meeting, moving its status, and the printable agenda and minutes.

The meeting's page includes the parts of the other subjects (invitations, agenda, attendance, comments) as
partials that get ``meeting`` (everything prefetched by :func:`networks.meetings.selectors.pages.meeting_page`),
``access`` and ``may`` (the rights of :data:`networks.meetings.access.MEETING_PAGE`)."""

import copy
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from networks.meetings import checking, services
from networks.meetings.access import MEETING_PAGE
from networks.meetings.forms.meetings import MeetingCancelForm, MeetingFilterForm, MeetingForm
from networks.meetings.models import Meeting
from networks.meetings.selectors.lists import (
    month_grid,
    network_meetings,
    parse_month,
    person_networks,
    shift_month,
    upcoming_for,
)
from networks.meetings.selectors.pages import meeting_page, with_checks
from networks.memberships.models import Network
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import back_to, object_for, refuse, show_errors

MANAGE = "manage"

STATUS_CHANGES = {
    # to: (the right a POST needs, the service, the action that offers the button now, its label)
    "held": (MANAGE, services.meeting_mark_held, "mark_held", gettext_lazy("Mark as held")),
    "circulate": (MANAGE, services.minutes_circulate, "circulate", gettext_lazy("Circulate the draft minutes")),
    "approve": ("approve", services.minutes_approve, "approve_draft", gettext_lazy("Approve the minutes")),
}


def _status_actions(access) -> list[tuple[str, str]]:
    """The status changes the page offers the person now: (value of ``to``, button label)."""
    return [
        (to, str(label)) for to, (_right, _service, offered, label) in STATUS_CHANGES.items() if access.permits(offered)
    ]


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
    network = object_for(request, Network, slug=slug)
    form = MeetingFilterForm(request.GET or None)
    filters = form.filters()
    context = {
        "network": network,
        "form": form,
        "filters": filters,
        "filtered": bool(filters["kind"] or filters["status"]),
        "page_obj": paginate(request, network_meetings(network, **filters)),
        "may_organise": network.permits(request.user, "take_part"),
    }
    return render(request, "networks/meetings/meeting_list.html", context)


@require_safe
@login_required
def meeting_calendar(request, slug):
    """A month of the network's meetings as a table of weeks, Monday first (``?month=YYYY-MM``)."""
    network = object_for(request, Network, slug=slug)
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
        "may_organise": network.permits(request.user, "take_part"),
    }
    return render(request, "networks/meetings/calendar.html", context)


# --- one meeting ---------------------------------------------------------------------------------------------


@require_safe
@login_required
def meeting_detail(request, pk):
    """The meeting: its details, invitations and replies, agenda, attendance, minutes and comments."""
    meeting = with_checks(object_for(request, meeting_page(), pk=pk))
    access = meeting.access(request.user)
    context = {
        "meeting": meeting,
        "access": access,
        "may": access.rights(*MEETING_PAGE),
        "status_actions": _status_actions(access),
        "signatures": checking.signatures(meeting),
        "objections": checking.objections(meeting),
    }
    return render(request, "networks/meetings/meeting_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def meeting_create(request, slug):
    """A new planned meeting of the network, with its invitations (coordinators and members)."""
    network = object_for(request, Network, "take_part", slug=slug)
    initial = {}
    if network.access(request.user).role is not None:
        initial["chair"] = request.user.pk
    form = with_token(MeetingForm)(
        request.POST or None, instance=Meeting(network=network), network=network, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                network=network,
                user=request.user,
                data=form.meeting_data(),
                organisations=form.cleaned_data["organisations"],
                people=form.cleaned_data["people"],
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            count = meeting.invitees.count()
            messages.success(
                request,
                _("The meeting %(title)s has been created and %(count)s invitations sent.")
                % {"title": meeting.title, "count": count},
            )
            return created(request, back_to(meeting))
    return render(request, "networks/meetings/meeting_form.html", {"form": form, "network": network})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_edit(request, pk):
    """Edit the meeting; a change of time or place of a planned meeting goes to the invitees' calendars.
    A save from a form someone else saved over is refused and the input kept."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    if meeting.is_cancelled:
        return refuse(request, meeting, DomainError(_("A cancelled meeting cannot be changed.")))
    # A mutable copy: after a refused save the form carries the current version, so saving again overwrites.
    data = request.POST.copy() if request.method == "POST" else None
    form = MeetingForm(data, instance=copy.copy(meeting), network=meeting.network)
    if request.method == "POST" and form.is_valid():
        before = meeting.sequence
        try:
            updated = services.meeting_update(
                meeting=meeting, user=request.user, data=form.meeting_data(), version=form.cleaned_data["version"]
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            if updated.sequence != before:
                messages.success(request, _("The meeting has been saved and the invitees' calendars updated."))
            else:
                messages.success(request, _("The meeting has been saved."))
            return back_to(updated)
    return render(
        request, "networks/meetings/meeting_form.html", {"form": form, "meeting": meeting, "network": meeting.network}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_cancel(request, pk):
    """Cancel a planned meeting, with a reason (a confirmation page)."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    if not meeting.is_planned:
        return refuse(request, meeting, DomainError(_("Only a planned meeting can be cancelled.")))
    form = MeetingCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(meeting=meeting, user=request.user, reason=form.cleaned_data["reason"])
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("The meeting %(title)s has been cancelled and the invitees told.") % {"title": meeting.title}
            )
            return back_to(meeting)
    return render(request, "networks/meetings/meeting_cancel.html", {"form": form, "meeting": meeting})


DONE = {
    "held": gettext_lazy("The meeting has been marked as held. Record the attendance and write the minutes."),
    "circulate": gettext_lazy("The draft minutes have been sent to the attendees and the chair for comments."),
    "approve": gettext_lazy("The minutes have been approved. Any later change is recorded as an amendment."),
}


CONFIRMED = gettext_lazy(
    "Your confirmation has been recorded. The minutes are approved once the chair and both minute checkers "
    "have confirmed them."
)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def meeting_status(request, pk):
    """Move the meeting on: ``to=held`` (after it started), ``circulate`` (the draft minutes, needs a chair),
    ``approve`` (the chair). GET shows the steps and the changes the person can make now (for those who
    manage the meeting and the chair); a refusal of a POST is said on the meeting's page."""
    meeting = object_for(request, Meeting.objects.select_related("network"), "change_status", pk=pk)
    access = meeting.access(request.user)
    if request.method != "POST":
        context = {"meeting": meeting, "status_actions": _status_actions(access)}
        return render(request, "networks/meetings/meeting_status.html", context)
    to = request.POST.get("to", "")
    if to not in STATUS_CHANGES:
        return HttpResponseBadRequest(_("Unknown status change."))
    right, service, _offered, _label = STATUS_CHANGES[to]
    # The chair may ask to approve at any time (the service says why not yet); the others need the right.
    if not access.permits(right):
        raise PermissionDenied
    try:
        meeting = service(meeting=meeting, user=request.user)
    except DomainError as error:
        return refuse(request, meeting, error)
    if to == "approve" and not meeting.has_approved_minutes:
        # With minute checkers named, the chair's approval is the chair's confirmation.
        messages.success(request, CONFIRMED)
    else:
        messages.success(request, DONE[to])
    return back_to(meeting)


# --- printable pages ------------------------------------------------------------------------------------------


def _schedule(meeting: Meeting) -> list:
    """The accepted agenda items in order, each with its planned start time (from the meeting's start and
    the items' planned minutes, while they are all given)."""
    items = [item for item in meeting.items.all() if item.is_accepted]
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
    meeting = object_for(request, meeting_page(), pk=pk)
    context = {"meeting": meeting, "items": _schedule(meeting), "printed_at": timezone.now()}
    return render(request, "networks/meetings/print_agenda.html", context)


@require_safe
@login_required
def print_minutes(request, pk):
    """The minutes on A4 (for those who may read them): attendance, each item's minutes, decisions and
    action items, and the signature block (the chair and the minute checkers with the dates they confirmed);
    a draft is marked as such."""
    meeting = with_checks(object_for(request, meeting_page(), "read_minutes", pk=pk))
    context = {
        "meeting": meeting,
        "items": _schedule(meeting),
        "printed_at": timezone.now(),
        "signatures": checking.signatures(meeting),
    }
    return render(request, "networks/meetings/print_minutes.html", context)
