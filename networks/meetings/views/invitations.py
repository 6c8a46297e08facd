"""Invitations to a meeting and the replies: managing the invitations, taking one person off, an invitee's reply,
and the viewer's own ``.ics`` of the meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.meetings import services
from networks.meetings.forms.polls import InviteForm, ReplyForm
from networks.meetings.ics import invitation_ics
from networks.meetings.models import Invitee, Meeting, Reply
from networks.meetings.selectors.pages import invitations_page
from portal.lib.errors import DomainError
from portal.lib.once import created, creates_once, with_token
from portal.lib.pagination import paginate
from portal.lib.views import REFUSED, back_to, object_for, render_partial, render_partial_or_redirect, show_errors

MANAGE = "manage"


def reply_counts(invitees) -> dict[str, int]:
    """How many replied yes, maybe and no, and how many have not replied (from prefetched invitees)."""
    counts = {"yes": 0, "maybe": 0, "no": 0, "none": 0}
    for invitee in invitees:
        counts[invitee.reply or "none"] += 1
    return counts


def _to_invitations(request, meeting: Meeting, error: DomainError | None = None):
    """Back to the invitations page, saying the refusal ``error`` when there is one."""
    if error is not None:
        messages.error(request, str(error))
    return redirect("meetings:invitations", pk=meeting.pk)


def _invite(request, meeting: Meeting, form):
    """Send the invitations of a valid form: the page again with a count, or None with the refusal on the form."""
    try:
        new = services.invite(
            meeting=meeting,
            user=request.user,
            organisations=form.cleaned_data["organisations"],
            people=form.cleaned_data["people"],
        )
    except DomainError as error:
        show_errors(form, error)
        return None
    if new:
        message = ngettext("%(count)s person has been invited.", "%(count)s people have been invited.", len(new)) % {
            "count": len(new)
        }
    else:
        message = _("Everyone chosen was invited already.")
    messages.success(request, message)
    return created(request, _to_invitations(request, meeting))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@creates_once
def invitations(request, pk):
    """The invitees and their replies; while the meeting is planned, invite more organisations and people."""
    meeting = object_for(request, invitations_page(), MANAGE, pk=pk)
    planned = meeting.is_planned
    data = request.POST if request.method == "POST" else None
    form = with_token(InviteForm)(data, meeting=meeting) if planned else None
    if request.method == "POST":
        if form is None:
            return _to_invitations(request, meeting, DomainError(_("Only a planned meeting can have new invitations.")))
        if form.is_valid() and (response := _invite(request, meeting, form)) is not None:
            return response
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
    meeting = object_for(request, Meeting.objects.select_related("network", "organiser"), MANAGE, pk=pk)
    invitee = get_object_or_404(Invitee.objects.select_related("user", "organisation"), meeting=meeting, pk=invitee_pk)
    if not meeting.is_planned:
        return _to_invitations(request, meeting, DomainError(_("Only a planned meeting's invitations can be changed.")))
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            services.uninvite(meeting=meeting, invitee=invitee)
        except DomainError as error:
            return _to_invitations(request, meeting, error)
        messages.success(
            request, _("%(person)s is no longer invited.") % {"person": invitee.user.get_full_name() or invitee.user}
        )
        return _to_invitations(request, meeting)
    return render(request, "networks/meetings/invitee_remove.html", {"meeting": meeting, "invitee": invitee})


# The meeting page's invitations (counts, invitees, the viewer's reply form): the region a reply renders again.
INVITATIONS = "networks/meetings/includes/invitations.html"
REPLY_STATUS = "invitations-status"


def _invitations_region(request, pk: int, reply_error: str = "") -> dict:
    """The context of the invitations region, read again after a reply (the meeting as it is now)."""
    meeting = invitations_page().get(pk=pk)
    access = meeting.access(request.user)
    return {"meeting": meeting, "access": access, "may": access.rights("reply", MANAGE), "reply_error": reply_error}


@require_POST
@login_required
def reply(request, pk):
    """The viewer's reply to their invitation: yes, maybe or no (while the meeting is planned). With htmx the
    page's invitations region is rendered again in place; without, back to the meeting with a message."""
    meeting = object_for(request, Meeting.objects.select_related("network"), "reply", pk=pk)
    form = ReplyForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(_("Choose whether you will attend."))
        services.reply(meeting=meeting, user=request.user, answer=form.cleaned_data["answer"])
    except DomainError as error:
        if request.htmx:
            context = _invitations_region(request, meeting.pk, reply_error=str(error))
            return render_partial(
                request, INVITATIONS, "invitations", context, status_id=REPLY_STATUS, message=str(error), status=REFUSED
            )
        messages.error(request, str(error))
        return back_to(meeting, "invitations")
    message = _("Your reply has been saved: %(reply)s.") % {"reply": Reply(form.cleaned_data["answer"]).label}
    return render_partial_or_redirect(
        request,
        INVITATIONS,
        "invitations",
        lambda: _invitations_region(request, meeting.pk),
        f"{meeting.get_absolute_url()}#invitations",
        status_id=REPLY_STATUS,
        message=message,
    )


@require_safe
@login_required
def meeting_ics(request, pk):
    """The meeting as an ``.ics`` for the viewer's own calendar (naming them as the attendee)."""
    meeting = object_for(request, Meeting.objects.select_related("organiser"), pk=pk)
    body = invitation_ics(meeting, attendee=request.user, cancel=meeting.is_cancelled)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
