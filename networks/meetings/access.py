"""Who may do what with a meeting, a time poll or an action item: the rules in one place.

Seeing a meeting at all is :meth:`networks.meetings.models.MeetingQuerySet.visible_to`: the network's people
(coordinators, members, observers) and the people invited to it; outsiders get 404. Beyond that, each action
is who may do it (``may_<action>``) and, where the meeting's state matters, when it can be done at all
(``when_<action>``, for everyone, administrators too):

- ``manage``: the organiser and the network's coordinators: edit, cancel, agenda, invitations, attendance,
  minutes, decisions, action items, the status up to circulating the minutes. What the meeting's page
  offers them depends on its state: ``edit`` (not cancelled), ``cancel`` and ``edit_agenda`` (planned),
  ``record`` the attendance, minutes, decisions and action items (held, or minutes in draft), ``mark_held``
  (planned and started) and ``circulate`` the minutes (held);
- ``change_status``: the status page: those who manage the meeting and its chair;
- ``approve``: approve the draft minutes: the chair only (the service says when they can be approved;
  the page offers ``approve_draft`` while they are a draft and no minute checkers are named);
- with minute checkers named (:mod:`networks.meetings.checking`), ``sign``: confirm the minutes, a personal
  act of the chair and the two checkers (administrators included: nobody confirms for another); the page
  offers ``sign_draft`` to those of them who have not confirmed the draft yet. ``object``: a checker's
  objection (``object_draft`` while the minutes are a draft). ``read_checks``: the confirmations and
  objections so far: those who manage, the chair and the checkers;
- ``reply``: an invitee, while the meeting is planned;
- ``propose``: propose an agenda item: coordinators, members and invitees, while the meeting is planned;
- ``read_minutes``: approved minutes: everyone who sees the meeting; draft minutes: those who manage, the
  chair, the minute checkers and the attendees; ``read_comments`` the same, once the minutes have been
  circulated;
  ``read_drafts``: every draft of the network's meetings (lists of what meetings recorded): the coordinators;
- ``comment``: comment on draft minutes: the attendees, the chair, the minute checkers and those who manage;
- ``amend``: change approved minutes by a recorded amendment: the chair and those who manage.

A time poll's ``manage`` is its organiser and the coordinators while it is open; ``answer`` its invited
people while it is open. Organising a meeting or a poll at all is the network's ``take_part``. An action
item's ``update`` (its status) is its owner, the meeting's organiser and the coordinators.

The rules read the meeting's state through its properties (``meeting.is_planned`` …): this module imports no
model of the domain (the models import it).
"""

from functools import cached_property

from portal.lib.access import NetworkObjectAccess

# The rights the meeting's page and its parts show their buttons by (``may.record`` …).
MEETING_PAGE = (
    "manage",
    "edit",
    "cancel",
    "edit_agenda",
    "record",
    "circulate",
    "reply",
    "propose",
    "read_minutes",
    "read_comments",
    "comment",
    "approve",
    "amend",
    "sign_draft",
    "object_draft",
    "read_checks",
)


def _prefetched(obj, name: str):
    """The rows of ``obj``'s relation ``name`` if they were prefetched, else None."""
    return getattr(obj, "_prefetched_objects_cache", {}).get(name)


class MeetingAccess(NetworkObjectAccess):
    """What one person may do with one meeting, worked out with a query or two and then kept."""

    @property
    def is_organiser(self) -> bool:
        return self.is_user(self.obj.organiser_id)

    @property
    def is_chair(self) -> bool:
        return self.is_user(self.obj.chair_id)

    @property
    def manages(self) -> bool:
        return self.is_organiser or self.is_coordinator

    @property
    def is_checker(self) -> bool:
        return self.user.is_authenticated and self.user.pk in self.obj.checker_ids

    @cached_property
    def current_checks(self) -> list:
        """The confirmations and objections of the current round (prefetched as ``current_checks`` by the
        meeting's page when checkers are named), oldest first."""
        checks = getattr(self.obj, "current_checks", None)
        if checks is None:
            checks = list(self.obj.minutes_checks.filter(cleared_at__isnull=True).order_by("made_at", "pk"))
        return checks

    @property
    def has_confirmed(self) -> bool:
        return self.user.is_authenticated and any(
            check.user_id == self.user.pk and check.is_confirmation for check in self.current_checks
        )

    @cached_property
    def invitee(self):
        """The person's invitation (with their reply), or None."""
        if not self.user.is_authenticated:
            return None
        invitees = _prefetched(self.obj, "invitees")
        if invitees is not None:
            return next((row for row in invitees if row.user_id == self.user.pk), None)
        return self.obj.invitees.filter(user=self.user).first()

    @cached_property
    def attended(self) -> bool:
        if not self.user.is_authenticated:
            return False
        attendances = _prefetched(self.obj, "attendances")
        if attendances is not None:
            return any(row.user_id == self.user.pk for row in attendances)
        return self.obj.attendances.filter(user=self.user).exists()

    # --- managing, and what the meeting's state offers those who manage it ---

    def may_manage(self) -> bool:
        return self.manages

    def when_edit(self) -> bool:
        return not self.obj.is_cancelled

    def may_edit(self) -> bool:
        return self.manages

    def when_cancel(self) -> bool:
        return self.obj.is_planned

    def may_cancel(self) -> bool:
        return self.manages

    def when_edit_agenda(self) -> bool:
        return self.obj.is_planned

    def may_edit_agenda(self) -> bool:
        return self.manages

    def when_record(self) -> bool:
        return self.obj.minutes_open

    def may_record(self) -> bool:
        return self.manages

    # --- the status ---

    def may_change_status(self) -> bool:
        return self.manages or self.is_chair

    def when_mark_held(self) -> bool:
        return self.obj.is_planned and self.obj.has_started

    def may_mark_held(self) -> bool:
        return self.manages

    def when_circulate(self) -> bool:
        return self.obj.is_held

    def may_circulate(self) -> bool:
        return self.manages

    def may_approve(self) -> bool:
        return self.is_chair

    def when_approve_draft(self) -> bool:
        return self.obj.has_draft_minutes and not self.obj.has_checkers

    def may_approve_draft(self) -> bool:
        return self.is_chair

    # --- checking the minutes: the chair and the two minute checkers ---

    def when_sign(self) -> bool:
        return self.is_chair or self.is_checker

    def may_sign(self) -> bool:
        return True

    def when_sign_draft(self) -> bool:
        return self.obj.has_draft_minutes and self.obj.has_checkers and self.when_sign() and not self.has_confirmed

    def may_sign_draft(self) -> bool:
        return True

    def when_object(self) -> bool:
        return self.is_checker

    def may_object(self) -> bool:
        return True

    def when_object_draft(self) -> bool:
        return self.obj.has_draft_minutes and self.is_checker

    def may_object_draft(self) -> bool:
        return True

    def when_read_checks(self) -> bool:
        return self.obj.has_checkers

    def may_read_checks(self) -> bool:
        return self.manages or self.is_chair or self.is_checker

    # --- the invitees and the meeting's people ---

    def when_reply(self) -> bool:
        # An invitation is answered by the person invited, administrators included.
        return self.obj.is_planned and self.invitee is not None

    def may_reply(self) -> bool:
        return True

    def when_propose(self) -> bool:
        return self.obj.is_planned

    def may_propose(self) -> bool:
        return self.takes_part or self.invitee is not None

    # --- the minutes ---

    def may_read_minutes(self) -> bool:
        return self.obj.has_approved_minutes or self.manages or self.is_chair or self.is_checker or self.attended

    def when_read_comments(self) -> bool:
        return self.obj.minutes_circulated

    def may_read_comments(self) -> bool:
        return self.may_read_minutes()

    def may_read_drafts(self) -> bool:
        return self.is_coordinator

    def when_comment(self) -> bool:
        return self.obj.has_draft_minutes

    def may_comment(self) -> bool:
        return self.manages or self.is_chair or self.is_checker or self.attended

    def when_amend(self) -> bool:
        return self.obj.has_approved_minutes

    def may_amend(self) -> bool:
        return self.manages or self.is_chair


class PollAccess(NetworkObjectAccess):
    """What one person may do with one time poll."""

    @cached_property
    def invited(self) -> bool:
        if not self.user.is_authenticated:
            return False
        invitees = _prefetched(self.obj, "invitees")
        if invitees is not None:
            return any(person.pk == self.user.pk for person in invitees)
        return self.obj.invitees.filter(pk=self.user.pk).exists()

    def when_manage(self) -> bool:
        return self.obj.is_open

    def may_manage(self) -> bool:
        return self.is_coordinator or self.is_user(self.obj.organiser_id)

    def when_answer(self) -> bool:
        # The poll asks the people invited to it, administrators included.
        return self.obj.is_open and self.invited

    def may_answer(self) -> bool:
        return True


class ActionItemAccess(NetworkObjectAccess):
    """What one person may do with one action item (its meeting fetched with it)."""

    def may_update(self) -> bool:
        return self.is_user(self.obj.owner_id) or self.is_user(self.obj.meeting.organiser_id) or self.is_coordinator
