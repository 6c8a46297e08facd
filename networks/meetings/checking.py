"""Checking the minutes as Finnish bodies do (*pöytäkirjan tarkastus*, *protokolljustering*).

A meeting may name two **minute checkers** among its invitees and attendees (on its edit form, by those who
may edit it; the chair and the two checkers are three different people). Then the draft minutes are
approved only when the chair **and** both checkers have confirmed them; each confirmation is a
:class:`~networks.meetings.models.MinutesCheck` row (who, in what role, when), and those of the approved
minutes are the signature block of the printed minutes. The order does not matter; when the chair
confirms, the checkers who have not confirmed yet get an e-mail.

A checker may instead **object**, with a reason: the confirmations made so far are cleared, the minutes
stay in draft (for correction), the chair and the organiser get the reason by e-mail and see it on the
meeting's page until the chair confirms again.

The confirmations made so far are also cleared when, in draft, the minutes' text changes
(:func:`networks.meetings.minutes.minutes_write`) or the checkers are changed
(:func:`networks.meetings.services.meeting_update`): everyone confirms the minutes as they now are, and a
new checker confirms from the start. Once approved, the checkers can no longer change.

Without named checkers the chair's approval alone approves the minutes, as it always has (the chair's
confirmation is kept as a row all the same).

Every function here works on the meeting row locked by the caller or locks it itself, so that two people
confirming at once cannot both miss the last confirmation.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.meetings.mail import mail_minutes_await_checkers, mail_minutes_objected
from networks.meetings.models import CheckRole, CheckVerdict, Invitee, Meeting, MeetingStatus, MinutesCheck
from portal.accounts.models import User
from portal.lib.errors import DomainError, validated


def _lock(meeting: Meeting) -> Meeting:
    # The same lock as networks.meetings.services.lock_meeting (which calls into this module).
    return Meeting.objects.select_for_update().select_related("network").get(pk=meeting.pk)


def confirmations_clear(meeting: Meeting) -> int:
    """End the current round: the confirmations made so far no longer count (the rows are kept). Returns
    how many were cleared. Call with the meeting's row locked."""
    return (
        MinutesCheck.objects.current()
        .filter(meeting=meeting, verdict=CheckVerdict.CONFIRMED)
        .update(cleared_at=timezone.now())
    )


def _approve(meeting: Meeting, chair_confirmation: MinutesCheck) -> None:
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.status_changed_at = meeting.minutes_approved_at = timezone.now()
    meeting.minutes_approved_by_id = chair_confirmation.user_id
    meeting.save(
        update_fields=["status", "status_changed_at", "minutes_approved_at", "minutes_approved_by", "updated_at"]
    )


def _approve_if_complete(meeting: Meeting) -> bool:
    """Approve the minutes if the chair and every named checker have confirmed them in this round."""
    confirmed = {
        (row.role, row.user_id): row
        for row in MinutesCheck.objects.current().filter(meeting=meeting, verdict=CheckVerdict.CONFIRMED)
    }
    chair = next((row for (role, _user), row in confirmed.items() if role == CheckRole.CHAIR), None)
    if chair is None or any((CheckRole.CHECKER, pk) not in confirmed for pk in meeting.checker_ids):
        return False
    _approve(meeting, chair)
    return True


def _confirm(meeting: Meeting, user, role: str) -> MinutesCheck:
    if MinutesCheck.objects.current().filter(meeting=meeting, user=user, verdict=CheckVerdict.CONFIRMED).exists():
        raise DomainError(_("You have already confirmed the minutes."))
    return MinutesCheck.objects.create(meeting=meeting, user=user, role=role, verdict=CheckVerdict.CONFIRMED)


def chair_confirm(*, meeting: Meeting, user) -> Meeting:
    """The chair's confirmation of the draft minutes (``meeting`` locked, its state and the chair checked
    by the caller). Without checkers it approves the minutes; with them, the objections it answers are
    cleared, the checkers still to confirm are told, and the minutes are approved if they already have."""
    if not meeting.has_checkers:
        _approve(meeting, _confirm(meeting, user, CheckRole.CHAIR))
        return meeting
    if not meeting.permits(user, "sign"):
        raise DomainError(_("With minute checkers named, the chair confirms the minutes in person."))
    _confirm(meeting, user, CheckRole.CHAIR)
    MinutesCheck.objects.current().filter(meeting=meeting, verdict=CheckVerdict.OBJECTED).update(
        cleared_at=timezone.now()
    )
    if not _approve_if_complete(meeting):
        waiting = set(meeting.checker_ids) - set(
            MinutesCheck.objects.current()
            .filter(meeting=meeting, verdict=CheckVerdict.CONFIRMED)
            .values_list("user_id", flat=True)
        )
        mail_minutes_await_checkers(meeting=meeting, user_ids=sorted(waiting))
    return meeting


def _draft_with_checkers(meeting: Meeting) -> None:
    if not meeting.has_draft_minutes:
        raise DomainError(_("Only draft minutes are checked."))
    if not meeting.has_checkers:
        raise DomainError(_("This meeting has no minute checkers: the chair approves the minutes."))


def minutes_sign(*, meeting: Meeting, user) -> Meeting:
    """Confirm the draft minutes as the chair or as a minute checker (whichever the person is). The minutes
    are approved with the last of the three confirmations."""
    with transaction.atomic():
        locked = _lock(meeting)
        _draft_with_checkers(locked)
        if not locked.permits(user, "sign"):
            raise DomainError(_("Only the chair and the minute checkers confirm the minutes."))
        if locked.chair_id == user.pk:
            return chair_confirm(meeting=locked, user=user)
        _confirm(locked, user, CheckRole.CHECKER)
        _approve_if_complete(locked)
    return locked


def minutes_object(*, meeting: Meeting, user, reason: str) -> MinutesCheck:
    """A minute checker's objection: the reason is kept and sent to the chair and the organiser, the
    confirmations made so far are cleared, and the minutes stay in draft to be corrected."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError({"reason": _("Give the reason for your objection.")})
    with transaction.atomic():
        locked = _lock(meeting)
        _draft_with_checkers(locked)
        if not locked.permits(user, "object"):
            raise DomainError(_("Only a minute checker objects to the minutes."))
        confirmations_clear(locked)
        objection = MinutesCheck(
            meeting=locked, user=user, role=CheckRole.CHECKER, verdict=CheckVerdict.OBJECTED, reason=reason
        )
        validated(objection, exclude=["meeting", "user"])
        objection.save()
        locked.save(update_fields=["updated_at"])
        mail_minutes_objected(meeting=locked, objection=objection)
    return objection


# --- naming the checkers -------------------------------------------------------------------------------


def checker_candidates(meeting: Meeting):
    """Who can be named a minute checker: the meeting's invitees and attendees, by name."""
    invited = Invitee.objects.filter(meeting=meeting).values("user")
    attended = meeting.attendances.values("user")
    return (
        User.objects.filter(is_active=True)
        .filter(pk__in=invited.union(attended))
        .order_by("last_name", "first_name", "pk")
    )


def checkers_set(meeting: Meeting, first, second) -> bool:
    """Put the named checkers on ``meeting`` (locked, not yet saved; called by ``meeting_update``): both or
    neither, two people of the meeting other than the chair. A change in draft clears the confirmations
    made so far. Returns whether the checkers changed."""
    first_id, second_id = (first.pk if first else None), (second.pk if second else None)
    if (first_id, second_id) == (meeting.first_checker_id, meeting.second_checker_id):
        return False
    if meeting.has_approved_minutes:
        raise DomainError(_("The minutes have been approved: their checkers no longer change."))
    if (first_id is None) != (second_id is None):
        raise DomainError({"second_checker": _("Name both minute checkers, or neither.")})
    if first_id is not None:
        if first_id == second_id:
            raise DomainError({"second_checker": _("Name two different people as the minute checkers.")})
        if meeting.chair_id in (first_id, second_id):
            raise DomainError({"first_checker": _("The chair cannot be a minute checker.")})
        allowed = set(checker_candidates(meeting).filter(pk__in=[first_id, second_id]).values_list("pk", flat=True))
        if allowed != {first_id, second_id}:
            raise DomainError({"first_checker": _("The minute checkers are chosen among the meeting's people.")})
    meeting.first_checker_id, meeting.second_checker_id = first_id, second_id
    if meeting.has_draft_minutes:
        confirmations_clear(meeting)
    return True


# --- what the pages show ----------------------------------------------------------------------------------


def _current_checks(meeting: Meeting) -> list:
    checks = getattr(meeting, "current_checks", None)
    if checks is None:
        checks = list(MinutesCheck.objects.current().filter(meeting=meeting).select_related("user"))
    return checks


def signatures(meeting: Meeting) -> list[dict]:
    """The signature block: the chair and each named checker with the date of their confirmation in the
    current round (None while they have not confirmed). Without checkers, the chair who approved the minutes
    (read from the meeting, no query)."""
    if not meeting.has_checkers:
        if not meeting.has_approved_minutes:
            return []
        chair = meeting.minutes_approved_by or meeting.chair
        return [{"role": CheckRole.CHAIR.label, "person": chair, "confirmed_at": meeting.minutes_approved_at}]
    confirmed = {check.user_id: check for check in _current_checks(meeting) if check.is_confirmation}
    people = [
        (CheckRole.CHAIR, meeting.chair_id, meeting.chair),
        (CheckRole.CHECKER, meeting.first_checker_id, meeting.first_checker),
        (CheckRole.CHECKER, meeting.second_checker_id, meeting.second_checker),
    ]
    return [
        {
            "role": role.label,
            "person": person,
            "confirmed_at": confirmed[pk].made_at if pk in confirmed else None,
        }
        for role, pk, person in people
    ]


def objections(meeting: Meeting) -> list[MinutesCheck]:
    """The checkers' objections the chair has not answered with a new confirmation yet."""
    if not meeting.has_checkers:
        return []
    return [check for check in _current_checks(meeting) if not check.is_confirmation]
