"""Checking the minutes: the chair and the two minute checkers confirm the draft minutes, and a checker may
object with a reason (:mod:`networks.meetings.checking`). Each is a page that says what will happen, then a
POST; the person's role decides what the confirmation counts as. Outsiders get 404, the meeting's other
people 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from networks.meetings import checking
from networks.meetings.forms.checking import ObjectionForm
from networks.meetings.models import Meeting
from networks.meetings.selectors.pages import with_checks
from networks.meetings.views.meetings import CONFIRMED, DONE
from portal.lib.errors import DomainError
from portal.lib.views import back_to, object_for, refuse, show_errors


def _meeting(request, pk, action: str) -> Meeting:
    queryset = Meeting.objects.select_related("network", "chair", "first_checker", "second_checker")
    meeting = object_for(request, queryset, action, pk=pk)
    # Administrators see every meeting, but confirming and objecting are personal acts of the chair and the
    # checkers (the rule's ``when_``): nobody does them for another.
    if not meeting.permits(request.user, action):
        raise PermissionDenied
    return with_checks(meeting)


def _not_open(meeting: Meeting) -> DomainError | None:
    if not meeting.has_draft_minutes:
        return DomainError(_("Only draft minutes are checked."))
    if not meeting.has_checkers:
        return DomainError(_("This meeting has no minute checkers: the chair approves the minutes."))
    return None


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def minutes_confirm(request, pk):
    """Confirm the draft minutes as the chair or as a minute checker (a confirmation page, then a POST)."""
    meeting = _meeting(request, pk, "sign")
    access = meeting.access(request.user)
    error = _not_open(meeting) or (
        DomainError(_("You have already confirmed the minutes.")) if access.has_confirmed else None
    )
    if error is not None:
        return refuse(request, meeting, error, "checking")
    if request.method == "POST":
        try:
            meeting = checking.minutes_sign(meeting=meeting, user=request.user)
        except DomainError as error:
            return refuse(request, meeting, error, "checking")
        if meeting.has_approved_minutes:
            messages.success(request, DONE["approve"])
        else:
            messages.success(request, CONFIRMED)
        return back_to(meeting, "checking")
    context = {"meeting": meeting, "as_chair": access.is_chair, "signatures": checking.signatures(meeting)}
    return render(request, "networks/meetings/minutes_confirm.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def minutes_object(request, pk):
    """A minute checker's objection, with the reason (a form, then a POST): the minutes stay in draft and the
    confirmations made so far are cleared."""
    meeting = _meeting(request, pk, "object")
    error = _not_open(meeting)
    if error is not None:
        return refuse(request, meeting, error, "checking")
    form = ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            checking.minutes_object(meeting=meeting, user=request.user, reason=form.cleaned_data["reason"])
        except DomainError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("Your objection has been recorded and sent to the chair. The minutes are back in draft.")
            )
            return back_to(meeting, "checking")
    return render(request, "networks/meetings/minutes_object.html", {"meeting": meeting, "form": form})
