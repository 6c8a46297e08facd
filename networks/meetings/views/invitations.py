"""Invitations to a meeting and the replies (issue 6): managing the invitations, taking one person off,
an invitee's reply, and the viewer's own ``.ics`` of the meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.meetings import services
from networks.meetings.forms.polls import InviteForm, ReplyForm
from networks.meetings.ics import invitation_ics
from networks.meetings.models import InvitedOrganisation, Invitee, Meeting, MeetingStatus, Reply
from networks.meetings.views.common import to_meeting
from partners.agreements.views.common import add_service_errors
from portal.access import get_for_user
from portal.lib.pagination import paginate

MANAGE = "manage"


def invitations_page():
    """Meetings with their invitees (person, organisation, reply) and invited organisations."""
    return Meeting.objects.select_related("network", "organiser").prefetch_related(
        Prefetch(
            "invitees",
            queryset=Invitee.objects.select_related("user", "organisation").order_by(
                "user__last_name", "user__first_name", "pk"
            ),
        ),
        Prefetch(
            "invited_organisations",
            queryset=InvitedOrganisation.objects.select_related("organisation").order_by("organisation__name", "pk"),
        ),
    )


def reply_counts(invitees) -> dict[str, int]:
    """How many replied yes, maybe and no, and how many have not replied (from prefetched invitees)."""
    counts = {"yes": 0, "maybe": 0, "no": 0, "none": 0}
    for invitee in invitees:
        counts[invitee.reply or "none"] += 1
    return counts


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def invitations(request, pk):
    """The invitees and their replies; while the meeting is planned, invite more organisations and people."""
    meeting = get_for_user(request.user, invitations_page(), action=MANAGE, pk=pk)
    planned = meeting.status == MeetingStatus.PLANNED
    data = request.POST if request.method == "POST" else None
    form = InviteForm(data, meeting=meeting) if planned else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Only a planned meeting can have new invitations."))
            return redirect("meetings:invitations", pk=meeting.pk)
        if form.is_valid():
            try:
                new = services.invite(
                    meeting=meeting,
                    user=request.user,
                    organisations=form.cleaned_data["organisations"],
                    people=form.cleaned_data["people"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if new:
                    message = ngettext(
                        "%(count)s person has been invited.", "%(count)s people have been invited.", len(new)
                    ) % {"count": len(new)}
                else:
                    message = _("Everyone chosen was invited already.")
                messages.success(request, message)
                return redirect("meetings:invitations", pk=meeting.pk)
    invitees = list(meeting.invitees.all())
    context = {
        "meeting": meeting,
        "network": meeting.network,
        "form": form,
        "planned": planned,
        "page_obj": paginate(request, invitees, per_page=100),
        "counts": reply_counts(invitees),
    }
    return render(request, "networks/meetings/invitations.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def invitee_remove(request, pk, invitee_pk):
    """Take one person off the invitations (after a confirmation); their calendar gets a cancellation."""
    meeting = get_for_user(request.user, Meeting.objects.select_related("network", "organiser"), action=MANAGE, pk=pk)
    invitee = get_object_or_404(Invitee.objects.select_related("user", "organisation"), meeting=meeting, pk=invitee_pk)
    if meeting.status != MeetingStatus.PLANNED:
        messages.error(request, _("Only a planned meeting's invitations can be changed."))
        return redirect("meetings:invitations", pk=meeting.pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.uninvite(meeting=meeting, invitee=invitee)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(person)s is no longer invited.") % {"person": invitee.user.get_full_name() or invitee.user},
            )
        return redirect("meetings:invitations", pk=meeting.pk)
    return render(request, "networks/meetings/invitee_remove.html", {"meeting": meeting, "invitee": invitee})


@require_POST
@login_required
def reply(request, pk):
    """The viewer's reply to their invitation: yes, maybe or no (while the meeting is planned)."""
    meeting = get_for_user(request.user, Meeting.objects.select_related("network"), action="reply", pk=pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether you will attend."))
        return to_meeting(meeting, "invitations")
    try:
        services.reply(meeting=meeting, user=request.user, answer=form.cleaned_data["answer"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Your reply has been saved: %(reply)s.") % {"reply": Reply(form.cleaned_data["answer"]).label}
        )
    return to_meeting(meeting, "invitations")


@require_safe
@login_required
def meeting_ics(request, pk):
    """The meeting as an ``.ics`` for the viewer's own calendar (naming them as the attendee)."""
    meeting = get_for_user(request.user, Meeting.objects.select_related("organiser"), pk=pk)
    cancelled = meeting.status == MeetingStatus.CANCELLED
    body = invitation_ics(meeting, attendee=request.user, cancel=cancelled)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
