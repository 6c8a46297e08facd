"""Writes of what comes out of a meeting: its decisions and action items.

**Decisions** are recorded per agenda item once the meeting has taken place (held, or minutes in draft);
they may be linked to one of the network's goals. Once the chair has approved the minutes they are
locked: a change is then an amendment (:func:`decision_amend`), recorded with the text before and after,
who made it and why.

**Action items** are what one person takes on at the meeting, with a due date. The owner is one of the
network's people or an invitee; the organisation defaults to the one the owner attended (or was invited)
for. Until an item is done or dropped it is offered for the network's next agendas and reminded of
(:mod:`networks.meetings.reminders`). Its owner, the meeting's organiser and the coordinators change its
status (:class:`networks.meetings.access.ActionItemAccess`).

Each write runs in one transaction with the meeting's row locked, so that it cannot race a change of the
meeting's status (recording a decision while the chair approves the minutes). Recording, changing or
deleting a decision or an action item while the minutes are in draft clears the confirmations of the chair
and the minute checkers made so far (:mod:`networks.meetings.checking`).
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.goals.models import Goal
from networks.meetings.checking import confirmations_clear
from networks.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Amendment,
    Attendance,
    Decision,
    Invitee,
    Meeting,
)
from networks.meetings.services import invitable_organisations, lock_meeting, people_organisations
from networks.memberships.models import NetworkRole
from portal.accounts.models import User
from portal.lib.errors import DomainError, check_version, validated

# The relations the services check (or set) themselves before saving.
DECISION_CHECKED = ("network", "meeting", "item", "recorded_by")
ACTION_CHECKED = ("network", "meeting", "item", "owner", "organisation", "created_by")


def not_recording(meeting: Meeting) -> str | None:
    """Why the meeting's decisions and action items cannot be recorded or changed now, or None while they
    can (the meeting held, or its minutes in draft)."""
    if meeting.minutes_open:
        return None
    if meeting.has_approved_minutes:
        return _("The minutes have been approved: a decision can only be changed by a recorded amendment.")
    return _("Decisions and action items are recorded once the meeting has been held.")


def _check_recording(meeting: Meeting) -> None:
    reason = not_recording(meeting)
    if reason is not None:
        raise DomainError(reason)


def _check_item(meeting: Meeting, item: AgendaItem) -> None:
    if item is None or item.meeting_id != meeting.pk or not item.is_accepted:
        raise DomainError({"item": _("Choose an item on this meeting's agenda.")})


def _check_goal(meeting: Meeting, goal: Goal | None) -> None:
    if goal is not None and goal.network_id != meeting.network_id:
        raise DomainError({"goal": _("Choose one of the network's goals.")})


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError({field: _("This field is required.")})
    return value


# --- decisions ---------------------------------------------------------------------------------


def decision_add(*, meeting: Meeting, item: AgendaItem, user, text: str, goal: Goal | None = None) -> Decision:
    """Record a decision under ``item`` of a held meeting (or one whose minutes are in draft)."""
    text = _text(text, "text")
    with transaction.atomic():
        locked = lock_meeting(meeting)
        _check_recording(locked)
        _check_item(locked, item)
        _check_goal(locked, goal)
        decision = Decision(
            network_id=locked.network_id,
            meeting=locked,
            item=item,
            text=text,
            goal=goal,
            decided_on=timezone.localdate(locked.starts_at),
            recorded_by=user,
        )
        validated(decision, exclude=DECISION_CHECKED)
        decision.save()
        confirmations_clear(locked)
    return decision


def decision_update(*, decision: Decision, user, text: str, goal: Goal | None = None, version=None) -> Decision:
    """Change a decision's text or linked goal while the minutes can still change (``version``: the one the
    form was opened with; a stale one is refused)."""
    text = _text(text, "text")
    with transaction.atomic():
        locked = lock_meeting(decision.meeting)
        _check_recording(locked)
        _check_goal(locked, goal)
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        check_version(decision, version)
        decision.text = text
        decision.goal = goal
        validated(decision, exclude=DECISION_CHECKED)
        decision.save(update_fields=["text", "goal", "updated_at"])
        confirmations_clear(locked)
    return decision


def decision_delete(*, decision: Decision, user) -> None:
    """Delete a decision recorded by mistake, while the minutes can still change."""
    with transaction.atomic():
        locked = lock_meeting(decision.meeting)
        _check_recording(locked)
        Decision.objects.filter(pk=decision.pk).delete()
        confirmations_clear(locked)


def decision_amend(*, decision: Decision, user, text: str, reason: str, version=None) -> Amendment:
    """Change a decision of approved minutes: the amendment keeps the text before and after, who and why
    (``version``: the decision's when the form was opened; a stale one is refused)."""
    text = _text(text, "text")
    reason = _text(reason, "reason")
    with transaction.atomic():
        locked = lock_meeting(decision.meeting)
        if not locked.has_approved_minutes:
            raise DomainError(_("Only the decisions of approved minutes are amended; until then they can be edited."))
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        check_version(decision, version)
        if text == decision.text:
            raise DomainError({"text": _("The new text is the same as the old one.")})
        amendment = Amendment.objects.create(
            meeting=locked,
            item_id=decision.item_id,
            decision=decision,
            before=decision.text,
            after=text,
            reason=reason,
            made_by=user,
        )
        decision.text = text
        decision.save(update_fields=["text", "updated_at"])
    return amendment


# --- action items ------------------------------------------------------------------------------


def action_owners(meeting: Meeting):
    """Who can take on an action item of ``meeting``: the network's people and the meeting's invitees."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(pk__in=NetworkRole.objects.filter(network_id=meeting.network_id).values("user"))
            | Q(pk__in=Invitee.objects.filter(meeting=meeting).values("user"))
        )
        .order_by("last_name", "first_name", "pk")
    )


def owner_organisation(meeting: Meeting, owner) -> int | None:
    """The organisation an action item's owner is there for: the one they attended for, else the one
    they were invited through, else the member organisation they work for."""
    attended = (
        Attendance.objects.filter(meeting=meeting, user=owner, organisation__isnull=False)
        .values_list("organisation_id", flat=True)
        .first()
    )
    if attended is not None:
        return attended
    invited = (
        Invitee.objects.filter(meeting=meeting, user=owner, organisation__isnull=False)
        .values_list("organisation_id", flat=True)
        .first()
    )
    if invited is not None:
        return invited
    return people_organisations(meeting.network, [owner.pk]).get(owner.pk)


def _owner_organisation_id(meeting: Meeting, owner, organisation) -> int | None:
    """The action item's organisation: the one chosen (one of the network's member organisations), else the
    one the owner is there for. The owner must be one of :func:`action_owners`."""
    if owner is None or not action_owners(meeting).filter(pk=owner.pk).exists():
        raise DomainError({"owner": _("The owner must be one of the network's people or an invitee.")})
    if organisation is None:
        return owner_organisation(meeting, owner)
    if not invitable_organisations(meeting.network).filter(pk=organisation.pk).exists():
        raise DomainError({"organisation": _("Choose one of the network's member organisations.")})
    return organisation.pk


def action_add(
    *,
    meeting: Meeting,
    item: AgendaItem,
    user,
    what: str,
    owner,
    due_on: datetime.date,
    organisation=None,
) -> ActionItem:
    """Record an action item under ``item`` of a held meeting (or one whose minutes are in draft)."""
    what = _text(what, "what")
    if due_on is None:
        raise DomainError({"due_on": _("This field is required.")})
    with transaction.atomic():
        locked = lock_meeting(meeting)
        _check_recording(locked)
        _check_item(locked, item)
        organisation_id = _owner_organisation_id(locked, owner, organisation)
        action = ActionItem(
            network_id=locked.network_id,
            meeting=locked,
            item=item,
            what=what,
            owner=owner,
            organisation_id=organisation_id,
            due_on=due_on,
            created_by=user,
        )
        validated(action, exclude=ACTION_CHECKED)
        action.save()
        confirmations_clear(locked)
    return action


def action_update(
    *,
    action: ActionItem,
    user,
    item: AgendaItem,
    what: str,
    owner,
    due_on: datetime.date,
    organisation=None,
    version=None,
) -> ActionItem:
    """Correct an action item while the minutes can still change (the meeting held or its minutes in draft).
    A new due date or owner is reminded of again. ``version``: the one the form was opened with (a stale one
    is refused)."""
    what = _text(what, "what")
    if due_on is None:
        raise DomainError({"due_on": _("This field is required.")})
    with transaction.atomic():
        meeting = lock_meeting(action.meeting)
        _check_recording(meeting)
        _check_item(meeting, item)
        locked = ActionItem.objects.select_for_update().get(pk=action.pk, meeting=meeting)
        check_version(locked, version)
        organisation_id = _owner_organisation_id(meeting, owner, organisation)
        if (locked.due_on, locked.owner_id) != (due_on, owner.pk):
            locked.due_reminder_sent_at = locked.overdue_reminder_sent_at = None
        locked.item, locked.what, locked.owner, locked.due_on = item, what, owner, due_on
        locked.organisation_id = organisation_id
        validated(locked, exclude=ACTION_CHECKED)
        locked.save()
        confirmations_clear(meeting)
    return locked


def action_set_status(*, action: ActionItem, user, status: str, note: str = "", version=None) -> ActionItem:
    """Mark an action item done or dropped (dropping needs a note), or open it again (its reminders then go
    out again when due). ``version``: the one the form was opened with (a stale one is refused)."""
    if status not in ActionStatus.values:
        raise DomainError({"status": _("Unknown status.")})
    note = (note or "").strip()
    if status == ActionStatus.DROPPED and not note:
        raise DomainError({"note": _("Say why the action item is dropped.")})
    with transaction.atomic():
        locked = ActionItem.objects.select_for_update().get(pk=action.pk)
        check_version(locked, version)
        if locked.status == status and locked.status_note == note:
            return locked
        fields = ["status", "status_note", "status_changed_at", "updated_at"]
        if status == ActionStatus.OPEN and not locked.is_open:
            locked.due_reminder_sent_at = locked.overdue_reminder_sent_at = None
            fields += ["due_reminder_sent_at", "overdue_reminder_sent_at"]
        locked.status = status
        locked.status_note = note
        locked.status_changed_at = timezone.now()
        validated(locked, exclude=ACTION_CHECKED)
        locked.save(update_fields=fields)
    return locked
