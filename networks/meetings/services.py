"""Writes of meetings: the meeting itself, its status, invitations, replies and attendance.

Every step that changes a meeting runs in one transaction on its row locked (:func:`lock_meeting`), so two
people acting at once cannot both move it. The agenda, minutes, decisions and action items are in
:mod:`networks.meetings.agenda`, :mod:`networks.meetings.minutes` and :mod:`networks.meetings.actions`;
finding a time is :mod:`networks.meetings.polls`. A refusal is a :class:`~portal.lib.errors.DomainError`:
one message when the meeting's state forbids the step, ``{field: message}`` when the input is wrong.

**Status.** planned → held (once it has started) → minutes in draft (circulated to the attendees for
comments; needs a chair) → minutes approved (by the chair, or with minute checkers named by the chair and
both checkers: :mod:`networks.meetings.checking`; then locked, and a change is a recorded amendment). A
planned meeting can be cancelled with a reason.

**Calendars.** A change of the time, place, online link or title of a planned meeting raises its
iCalendar SEQUENCE and sends the invitees an update; a cancellation raises it too and sends
``METHOD:CANCEL``. Each person gets one message per event (see :mod:`networks.meetings.mail`).
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.meetings.checking import chair_confirm, checkers_set, confirmations_clear
from networks.meetings.mail import mail_cancelled, mail_invited, mail_minutes_circulated, mail_updated
from networks.meetings.models import Attendance, InvitedOrganisation, Invitee, Meeting, MeetingStatus, Reply
from networks.meetings.signals import attendance_recorded
from networks.memberships.models import Membership, Network, NetworkRole
from partners.directory.models import Affiliation, Organisation
from portal.accounts.models import User
from portal.lib.access import ESTABLISHED
from portal.lib.errors import DomainError, StaleEditError, validated

MEETING_FIELDS = (
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online_link",
    "chair",
)
# The minute checkers, set through networks.meetings.checking.checkers_set until the minutes are approved.
CHECKER_FIELDS = ("first_checker", "second_checker")
# A change to one of these on a planned meeting is sent to the invitees' calendars as an update.
CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "place", "online_link")


def lock_meeting(meeting: Meeting) -> Meeting:
    """The meeting read again with its row locked until the transaction ends (call inside ``atomic``)."""
    return Meeting.objects.select_for_update().select_related("network").get(pk=meeting.pk)


def _set_status(meeting: Meeting, status: str) -> None:
    meeting.status = status
    meeting.status_changed_at = timezone.now()


# --- who can be invited ------------------------------------------------------------------------


def invitable_organisations(network: Network):
    """The network's established member organisations (active or paused), by name."""
    return Organisation.objects.filter(memberships__network=network, memberships__status__in=ESTABLISHED).order_by(
        "name", "pk"
    )


def invitable_people(network: Network):
    """The people with a role in the network (coordinators, members, observers), by name."""
    return (
        User.objects.filter(is_active=True, network_roles__network=network)
        .order_by("last_name", "first_name", "pk")
        .distinct()
    )


def organisation_people(network: Network, organisation_ids) -> dict[int, int]:
    """All the people of ``organisation_ids`` in ``network``: {person id: organisation id}.

    An organisation's people in a network are those with a role in the network who currently work for
    it (an affiliation without an end), and the representative and deputy of its membership."""
    people: dict[int, int] = {}
    affiliations = Affiliation.objects.filter(
        organisation_id__in=organisation_ids,
        until__isnull=True,
        user__is_active=True,
        user__network_roles__network=network,
    ).values_list("user_id", "organisation_id")
    for user_id, organisation_id in affiliations:
        people.setdefault(user_id, organisation_id)
    memberships = Membership.objects.filter(network=network, organisation_id__in=organisation_ids).values_list(
        "organisation_id", "representative_id", "deputy_id"
    )
    for organisation_id, representative_id, deputy_id in memberships:
        for user_id in (representative_id, deputy_id):
            if user_id is not None:
                people.setdefault(user_id, organisation_id)
    return people


def people_organisations(network: Network, user_ids) -> dict[int, int]:
    """For named people: the member organisation of ``network`` each currently works for, where there is one."""
    members = Membership.objects.filter(network=network, status__in=ESTABLISHED).values("organisation")
    rows = (
        Affiliation.objects.filter(user_id__in=user_ids, until__isnull=True, organisation__in=members)
        .order_by("-primary", "pk")
        .values_list("user_id", "organisation_id")
    )
    found: dict[int, int] = {}
    for user_id, organisation_id in rows:
        found.setdefault(user_id, organisation_id)
    return found


def check_invitees(network: Network, organisations, people) -> tuple[list, list]:
    """The organisations and people to invite, as lists, if all of them are the network's own."""
    organisations = list(organisations or [])
    people = list(people or [])
    allowed_organisations = set(invitable_organisations(network).values_list("pk", flat=True))
    if any(organisation.pk not in allowed_organisations for organisation in organisations):
        raise DomainError({"organisations": _("Only the network's member organisations can be invited.")})
    allowed_people = set(
        NetworkRole.objects.filter(network=network, user__in=[person.pk for person in people]).values_list(
            "user_id", flat=True
        )
    )
    if any(person.pk not in allowed_people for person in people):
        raise DomainError({"people": _("Only people of the network can be invited.")})
    return organisations, people


# --- the meeting -------------------------------------------------------------------------------


def _validate(meeting: Meeting) -> None:
    validated(meeting, exclude=["network", "organiser"])
    if (
        meeting.chair_id is not None
        and not NetworkRole.objects.filter(network_id=meeting.network_id, user_id=meeting.chair_id).exists()
    ):
        raise DomainError({"chair": _("The chair must be one of the network's people.")})


def meeting_create(*, network: Network, user, data: dict, organisations=(), people=()) -> Meeting:
    """A planned meeting organised by ``user``, with its invitations sent (``data``: MEETING_FIELDS)."""
    with transaction.atomic():
        meeting = Meeting(network=network, organiser=user, **{key: data[key] for key in MEETING_FIELDS if key in data})
        _validate(meeting)
        meeting.save()
        invite(meeting=meeting, user=user, organisations=organisations, people=people)
    return meeting


def meeting_update(*, meeting: Meeting, user, data: dict, version=None) -> Meeting:
    """Change a meeting's details. A change of time or place of a planned meeting is sent to the invitees.

    ``version`` is the ``updated_at`` the form was loaded with; a stale form raises :class:`StaleEditError`
    (carrying the saved version). Once a meeting has taken place its time stays as it was (only the title,
    description, kind and chair can change); once the minutes are circulated, the chair stays too. The
    minute checkers (``first_checker``, ``second_checker``) change until the minutes are approved; a change
    while they are in draft clears the confirmations made so far."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if version is not None and locked.updated_at != version:
            raise StaleEditError(
                _(
                    "Someone else changed the meeting while you were editing it. Check the details below and "
                    "save again to keep your changes."
                ),
                current_version=locked.updated_at,
            )
        if locked.is_cancelled:
            raise DomainError(_("A cancelled meeting cannot be changed."))
        fields = MEETING_FIELDS if locked.is_planned else ("kind", "title", "description", "chair")
        if locked.minutes_circulated:
            # The chair approves the minutes: once they are circulated, nobody can make themselves the chair.
            fields = ("kind", "title", "description")
        before = {field: getattr(locked, field) for field in CALENDAR_FIELDS}
        for field in fields:
            if field in data:
                setattr(locked, field, data[field])
        if any(field in data for field in CHECKER_FIELDS):
            checkers_set(locked, data.get("first_checker"), data.get("second_checker"))
        _validate(locked)
        calendar_changed = locked.is_planned and any(getattr(locked, field) != value for field, value in before.items())
        if calendar_changed:
            locked.sequence += 1
            # The reminder the day before goes out for the new time.
            locked.reminder_sent_at = None
        locked.save()
        if calendar_changed:
            mail_updated(meeting=locked)
    return locked


def meeting_cancel(*, meeting: Meeting, user, reason: str) -> Meeting:
    """Cancel a planned meeting: the reason is required; the invitees' calendars get METHOD:CANCEL."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError({"reason": _("Give the reason for cancelling the meeting.")})
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.is_planned:
            raise DomainError(_("Only a planned meeting can be cancelled."))
        _set_status(locked, MeetingStatus.CANCELLED)
        locked.cancel_reason = reason
        locked.sequence += 1
        locked.save()
        mail_cancelled(meeting=locked)
    return locked


def meeting_mark_held(*, meeting: Meeting, user) -> Meeting:
    """planned → held, once the meeting has started."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.is_planned:
            raise DomainError(_("Only a planned meeting can be marked as held."))
        if not locked.has_started:
            raise DomainError(_("The meeting has not started yet."))
        _set_status(locked, MeetingStatus.HELD)
        locked.save()
    return locked


def minutes_circulate(*, meeting: Meeting, user) -> Meeting:
    """held → minutes in draft: the attendees and the chair are asked for comments. Needs a chair."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.is_held:
            raise DomainError(_("Only the minutes of a held meeting can be circulated."))
        if locked.chair_id is None:
            raise DomainError(_("Name the chair first: the chair approves the minutes."))
        _set_status(locked, MeetingStatus.MINUTES_DRAFT)
        locked.save()
        mail_minutes_circulated(meeting=locked)
    return locked


def minutes_approve(*, meeting: Meeting, user) -> Meeting:
    """minutes in draft → approved, by the chair. The minutes, decisions and attendance are then locked.

    With minute checkers named this is the chair's confirmation: the minutes are approved once both
    checkers have confirmed too (:func:`networks.meetings.checking.chair_confirm`)."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.has_draft_minutes:
            raise DomainError(_("Only draft minutes can be approved."))
        if not locked.permits(user, "approve"):
            raise DomainError(_("Only the chair approves the minutes."))
        chair_confirm(meeting=locked, user=user)
    return locked


# --- invitations and replies ---------------------------------------------------------------------


def invite(*, meeting: Meeting, user, organisations=(), people=()) -> list[Invitee]:
    """Invite organisations (all their people in the network now) and named people to a planned meeting.

    Returns the new invitees; each gets one invitation with an ``.ics``, people already invited get
    nothing (a person both named and in an invited organisation is invited once)."""
    organisations, people = check_invitees(meeting.network, organisations, people)
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.is_planned:
            raise DomainError(_("Only a planned meeting can have new invitations."))
        for organisation in organisations:
            InvitedOrganisation.objects.get_or_create(meeting=locked, organisation=organisation)
        wanted = organisation_people(locked.network, [organisation.pk for organisation in organisations])
        named = [person.pk for person in people if person.pk not in wanted]
        wanted.update({person_id: None for person_id in named})
        wanted.update({person_id: org_id for person_id, org_id in people_organisations(locked.network, named).items()})
        already = set(Invitee.objects.filter(meeting=locked).values_list("user_id", flat=True))
        new = Invitee.objects.bulk_create(
            [
                Invitee(meeting=locked, user_id=person_id, organisation_id=organisation_id)
                for person_id, organisation_id in sorted(wanted.items())
                if person_id not in already
            ]
        )
        if new:
            mail_invited(meeting=locked, user_ids=[row.user_id for row in new])
    return new


def uninvite(*, meeting: Meeting, invitee: Invitee) -> None:
    """Take one person off a planned meeting's invitations; their calendar gets a cancellation."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.is_planned or invitee.meeting_id != locked.pk:
            raise DomainError(_("Only a planned meeting's invitations can be changed."))
        if invitee.user_id in locked.checker_ids:
            raise DomainError(_("This person is a minute checker of the meeting: name another checker first."))
        invitee.delete()
        mail_cancelled(meeting=locked, user_ids=[invitee.user_id])


def reply(*, meeting: Meeting, user, answer: str) -> Invitee:
    """An invitee's reply: yes, no or maybe (a later reply replaces the earlier one)."""
    if answer not in Reply.values:
        raise DomainError({"answer": _("Unknown reply.")})
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.is_planned:
            raise DomainError(_("Replies close when the meeting is no longer planned."))
        invitee = Invitee.objects.select_for_update().filter(meeting=locked, user=user).first()
        if invitee is None:
            raise DomainError(_("You are not invited to this meeting."))
        invitee.reply = answer
        invitee.replied_at = timezone.now()
        invitee.save(update_fields=["reply", "replied_at"])
    return invitee


# --- attendance ----------------------------------------------------------------------------------


def attendance_set(*, meeting: Meeting, user, people) -> list[Attendance]:
    """Record who attended (replacing the earlier record) and from which organisation each came: the
    organisation they were invited through, else the member organisation they work for."""
    people = list(people)
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.minutes_open:
            raise DomainError(_("Attendance is recorded for a held meeting until its minutes are approved."))
        allowed = set(
            User.objects.filter(
                Q(network_roles__network=locked.network) | Q(meeting_invitations__meeting=locked)
            ).values_list("pk", flat=True)
        )
        if any(person.pk not in allowed for person in people):
            raise DomainError({"people": _("Only invitees and people of the network can be recorded as attending.")})
        invited_from = dict(
            Invitee.objects.filter(meeting=locked, organisation__isnull=False).values_list("user_id", "organisation_id")
        )
        working_for = people_organisations(locked.network, [person.pk for person in people])
        removed, _by_model = (
            Attendance.objects.filter(meeting=locked).exclude(user__in=[person.pk for person in people]).delete()
        )
        existing = set(Attendance.objects.filter(meeting=locked).values_list("user_id", flat=True))
        added = Attendance.objects.bulk_create(
            [
                Attendance(
                    meeting=locked,
                    user=person,
                    organisation_id=invited_from.get(person.pk) or working_for.get(person.pk),
                )
                for person in people
                if person.pk not in existing
            ]
        )
        locked.save(update_fields=["updated_at"])
        if removed or added:
            # Who was present is part of the minutes the chair and the checkers confirm.
            confirmations_clear(locked)
            attendance_recorded.send(sender=Meeting, meeting=locked)
    return list(Attendance.objects.filter(meeting=locked))
