"""Writes of a meeting's agenda: items added by those who manage the meeting or proposed by its
people and accepted, moved, edited and deleted while the meeting is planned, and the items carried over
from earlier meetings (open action items, unfinished items).

Every write locks the meeting's row (``select_for_update``), so two people changing the agenda at once
cannot give two items the same place or carry the same item twice.
"""

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from networks.goals.models import Goal
from networks.meetings.models import ActionItem, ActionStatus, AgendaItem, AgendaItemStatus, Meeting, MeetingStatus
from networks.meetings.selectors.records import minutes_readable
from networks.meetings.services import lock_meeting
from networks.memberships.models import NetworkRole
from portal.accounts.models import User
from portal.lib.errors import DomainError, check_version, validated

ITEM_FIELDS = ("title", "description", "presenter", "planned_minutes", "goal")
# The relations a service checks (or sets) itself before saving an item.
CHECKED_FIELDS = ("meeting", "presenter", "goal", "source_action", "source_item")
TITLE_LENGTH = 200


def _planned(meeting: Meeting) -> None:
    if not meeting.is_planned:
        raise DomainError(_("The agenda can be changed only while the meeting is planned."))


def _managed(meeting: Meeting, user) -> None:
    if not meeting.permits(user, "manage"):
        raise DomainError(_("You cannot change this meeting's agenda."))


def agenda_presenters(meeting: Meeting):
    """Who may present an item: the network's people and the meeting's invitees, by name."""
    return (
        User.objects.filter(
            Q(pk__in=NetworkRole.objects.filter(network_id=meeting.network_id).values("user"))
            | Q(meeting_invitations__meeting=meeting)
        )
        .filter(is_active=True)
        .order_by("last_name", "first_name", "pk")
        .distinct()
    )


def agenda_goals(meeting: Meeting):
    """The goals an item can be linked to: the network's own."""
    return Goal.objects.filter(network_id=meeting.network_id).order_by("title", "pk")


def _check_fields(meeting: Meeting, data: dict) -> dict:
    data = {key: data[key] for key in ITEM_FIELDS if key in data}
    presenter = data.get("presenter")
    if presenter is not None and not agenda_presenters(meeting).filter(pk=presenter.pk).exists():
        raise DomainError({"presenter": _("The presenter must be one of the network's people or an invitee.")})
    goal = data.get("goal")
    if goal is not None and goal.network_id != meeting.network_id:
        raise DomainError({"goal": _("Only the network's own goals can be linked.")})
    return data


def _next_position(meeting: Meeting) -> int:
    highest = AgendaItem.objects.filter(meeting=meeting).aggregate(top=Max("position"))["top"]
    return 0 if highest is None else highest + 1


def _save_new(meeting: Meeting, **fields) -> AgendaItem:
    item = AgendaItem(meeting=meeting, position=_next_position(meeting), **fields)
    validated(item, exclude=CHECKED_FIELDS)
    item.save()
    return item


def item_add(*, meeting: Meeting, user, data: dict) -> AgendaItem:
    """An item on the agenda of a planned meeting, placed last (those who manage the meeting)."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        _managed(locked, user)
        _planned(locked)
        return _save_new(locked, status=AgendaItemStatus.ACCEPTED, **_check_fields(locked, data))


def item_propose(*, meeting: Meeting, user, data: dict) -> AgendaItem:
    """A proposed item: waits for those who manage the meeting to accept (or decline) it."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        _planned(locked)
        if not locked.permits(user, "propose"):
            raise DomainError(_("You cannot propose items for this meeting."))
        return _save_new(locked, status=AgendaItemStatus.PROPOSED, proposed_by=user, **_check_fields(locked, data))


def _locked_item(item: AgendaItem, user) -> tuple[Meeting, AgendaItem]:
    locked = lock_meeting(item.meeting)
    _managed(locked, user)
    _planned(locked)
    return locked, AgendaItem.objects.select_for_update().get(pk=item.pk, meeting=locked)


def item_accept(*, item: AgendaItem, user) -> AgendaItem:
    """A proposal onto the agenda, placed last."""
    with transaction.atomic():
        meeting, locked = _locked_item(item, user)
        if not locked.is_proposed:
            raise DomainError(_("The item is already on the agenda."))
        locked.status = AgendaItemStatus.ACCEPTED
        locked.position = _next_position(meeting)
        locked.save(update_fields=["status", "position", "updated_at"])
    return locked


def item_update(*, item: AgendaItem, user, data: dict, version=None) -> AgendaItem:
    """Change an item's title, description, presenter, planned minutes or linked goal (``version``: the
    item's when the form was opened; a stale one is refused)."""
    with transaction.atomic():
        meeting, locked = _locked_item(item, user)
        check_version(locked, version)
        for key, value in _check_fields(meeting, data).items():
            setattr(locked, key, value)
        validated(locked, exclude=CHECKED_FIELDS)
        locked.save()
    return locked


def item_delete(*, item: AgendaItem, user) -> None:
    """Take an item off the agenda, or decline a proposal."""
    with transaction.atomic():
        _meeting, locked = _locked_item(item, user)
        locked.delete()


def item_move(*, item: AgendaItem, user, direction: str) -> AgendaItem:
    """Swap an accepted item with its neighbour above (``up``) or below (``down``) on the agenda."""
    if direction not in ("up", "down"):
        raise DomainError({"direction": _("Unknown direction.")})
    with transaction.atomic():
        meeting, locked = _locked_item(item, user)
        if not locked.is_accepted:
            raise DomainError(_("Only an item on the agenda can be moved."))
        items = list(
            AgendaItem.objects.select_for_update()
            .filter(meeting=meeting, status=AgendaItemStatus.ACCEPTED)
            .order_by("position", "pk")
        )
        index = next(number for number, row in enumerate(items) if row.pk == locked.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(items):
            return locked
        items[index], items[other] = items[other], items[index]
        # Number the agenda afresh (positions may have gaps or ties), the proposals after it.
        changed = []
        for position, row in enumerate(items):
            if row.position != position:
                row.position = position
                changed.append(row)
        AgendaItem.objects.bulk_update(changed, ["position"])
    return AgendaItem.objects.get(pk=locked.pk)


# --- carried over from earlier meetings -----------------------------------------------------------


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The network's meeting before this one that was not cancelled."""
    return (
        Meeting.objects.filter(network_id=meeting.network_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .exclude(pk=meeting.pk)
        .order_by("-starts_at", "-pk")
        .first()
    )


def _readable(user, meeting: Meeting) -> Q:
    """Offers come out of minutes: a coordinator reads every draft (``read_drafts``), anyone else (an
    organiser who is a member) only the minutes they may read (``minutes_readable``). The person's role is
    the one the meeting's access check already looked up."""
    if user is None or meeting.permits(user, "read_drafts"):
        return Q()
    return minutes_readable(user, prefix="meeting__")


def agenda_offers(meeting: Meeting, user=None) -> tuple[list[ActionItem], list[AgendaItem]]:
    """What an agenda is offered from earlier meetings and does not have yet: the network's open action
    items from meetings that started before this one, and the unfinished items of the previous meeting;
    for ``user``, only out of minutes they may read."""
    readable = _readable(user, meeting)
    actions = list(
        ActionItem.objects.filter(
            readable,
            network_id=meeting.network_id,
            status=ActionStatus.OPEN,
            meeting__starts_at__lt=meeting.starts_at,
        )
        .exclude(meeting=meeting)
        .exclude(agenda_items__meeting=meeting)
        .select_related("owner", "meeting", "item")
        .order_by("due_on", "pk")
    )
    previous = previous_meeting(meeting)
    items = []
    if previous is not None:
        items = list(
            AgendaItem.objects.filter(readable, meeting=previous, unfinished=True, status=AgendaItemStatus.ACCEPTED)
            .exclude(continued_in__meeting=meeting)
            .select_related("meeting", "presenter")
            .order_by("position", "pk")
        )
    return actions, items


def _title(text: str, prefix: str) -> str:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = prefix % {"what": first_line}
    return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1] + "…"


def agenda_carry(*, meeting: Meeting, user, actions=(), items=()) -> list[AgendaItem]:
    """Put chosen offers on the agenda, last, each linked to where it came from and to the same goal.

    Only what is still on offer is carried (an item already carried is skipped, not carried twice)."""
    with transaction.atomic():
        locked = lock_meeting(meeting)
        _managed(locked, user)
        _planned(locked)
        offered_actions, offered_items = agenda_offers(locked, user)
        wanted_actions = {action.pk for action in actions}
        wanted_items = {item.pk for item in items}
        presenters = set(agenda_presenters(locked).values_list("pk", flat=True))
        position = _next_position(locked)
        new = []
        for action in offered_actions:
            if action.pk not in wanted_actions:
                continue
            new.append(
                AgendaItem(
                    meeting=locked,
                    position=position + len(new),
                    title=_title(action.what, _("Follow-up: %(what)s")),
                    description=action.what,
                    presenter_id=action.owner_id if action.owner_id in presenters else None,
                    goal_id=action.item.goal_id,
                    source_action=action,
                )
            )
        for item in offered_items:
            if item.pk not in wanted_items:
                continue
            new.append(
                AgendaItem(
                    meeting=locked,
                    position=position + len(new),
                    title=item.title,
                    description=item.description,
                    presenter_id=item.presenter_id if item.presenter_id in presenters else None,
                    planned_minutes=item.planned_minutes,
                    goal_id=item.goal_id,
                    source_item=item,
                )
            )
        return AgendaItem.objects.bulk_create(new)
