"""The pages of what happened at a meeting: the attendance, each item's minutes (with a
preview of the rendered text), comments on the draft minutes, and amendments to approved ones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from networks.meetings import minutes as services
from networks.meetings.agenda import agenda_presenters
from networks.meetings.forms.agenda import AmendForm, AttendanceForm, CommentForm, MinutesForm
from networks.meetings.minutes import render_minutes
from networks.meetings.models import AgendaItem, AgendaItemStatus, Attendance, Invitee, Meeting, Reply
from networks.meetings.services import attendance_set, people_organisations
from partners.directory.models import Organisation
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.views import back_to, object_for, show_errors

MANAGE = "manage"


def _agenda_item(meeting, item_pk) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting"), meeting=meeting, pk=item_pk, status=AgendaItemStatus.ACCEPTED
    )


# --- attendance ----------------------------------------------------------------------------------


def _attendance_choices(meeting) -> tuple[list, dict]:
    """The people who can be recorded as attending and the organisation shown next to each: the one they
    were invited through, else the member organisation they work for."""
    people = list(agenda_presenters(meeting))
    organisations = dict(
        Invitee.objects.filter(meeting=meeting, organisation__isnull=False).values_list("user_id", "organisation__name")
    )
    others = [person.pk for person in people if person.pk not in organisations]
    working_for = people_organisations(meeting.network, others)
    names = dict(Organisation.objects.filter(pk__in=set(working_for.values())).values_list("pk", "name"))
    organisations.update({user_id: names[org_id] for user_id, org_id in working_for.items()})
    return people, organisations


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def attendance(request, pk):
    """Record who attended; the first time the form is prefilled with those who replied yes."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    people, organisations = _attendance_choices(meeting)
    recorded = list(Attendance.objects.filter(meeting=meeting).values_list("user_id", flat=True))
    if not recorded:
        recorded = list(Invitee.objects.filter(meeting=meeting, reply=Reply.YES).values_list("user_id", flat=True))
    form = AttendanceForm(
        request.POST or None, people=people, organisations=organisations, initial={"people": recorded}
    )
    if request.method == "POST" and form.is_valid():
        try:
            attendance_set(meeting=meeting, user=request.user, people=form.cleaned_data["people"])
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The attendance has been saved."))
            return back_to(meeting, "attendance")
    context = {"meeting": meeting, "form": form, "open": meeting.minutes_open}
    return render(request, "networks/meetings/attendance_form.html", context)


# --- minutes -------------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def minutes_edit(request, pk, item_pk):
    """One item's minutes in Markdown, with a preview of how they will look (``preview`` button)."""
    meeting = object_for(request, Meeting.objects.select_related("network"), MANAGE, pk=pk)
    item = _agenda_item(meeting, item_pk)
    initial = {"minutes": item.minutes, "unfinished": item.unfinished, "version": item.updated_at.isoformat()}
    form = MinutesForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_minutes(form.cleaned_data["minutes"])
        else:
            try:
                services.minutes_write(
                    item=item,
                    user=request.user,
                    text=form.cleaned_data["minutes"],
                    unfinished=form.cleaned_data["unfinished"],
                    version=form.cleaned_data["version"],
                )
            except DomainError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("The minutes of %(title)s have been saved.") % {"title": item.title})
                return back_to(meeting, f"item-{item.pk}")
    elif request.method != "POST":
        preview = item.rendered_minutes
    context = {
        "meeting": meeting,
        "item": item,
        "form": form,
        "preview": preview,
        "writable": meeting.minutes_open,
    }
    return render(request, "networks/meetings/minutes_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def minutes_amend(request, pk, item_pk):
    """A recorded change to an item's approved minutes, with its reason."""
    meeting = object_for(request, Meeting.objects.select_related("network"), "amend", pk=pk)
    item = _agenda_item(meeting, item_pk)
    form = with_token(AmendForm)(
        request.POST or None, initial={"minutes": item.minutes, "version": item.updated_at.isoformat()}
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_minutes(form.cleaned_data["minutes"])
        else:
            try:
                services.minutes_amend(
                    item=item,
                    user=request.user,
                    text=form.cleaned_data["minutes"],
                    reason=form.cleaned_data["reason"],
                    version=form.cleaned_data["version"],
                )
            except DomainError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("The amendment has been recorded."))
                return created(request, back_to(meeting, f"item-{item.pk}"))
    return render(
        request,
        "networks/meetings/amend_form.html",
        {"meeting": meeting, "item": item, "form": form, "preview": preview},
    )


@require_POST
@login_required
@creates_once
def comment_add(request, pk):
    """A comment on the draft minutes (from the meeting page's form); a refusal is shown on its own form."""
    meeting = object_for(request, Meeting.objects.select_related("network"), "comment", pk=pk)
    form = with_token(CommentForm)(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.comment_add(
                meeting=meeting, user=request.user, body=form.cleaned_data["body"], item=form.cleaned_data["item"]
            )
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your comment has been added."))
            return created(request, back_to(meeting, "comments"))
    return render(request, "networks/meetings/comment_form.html", {"meeting": meeting, "form": form})
