"""A meeting's agenda: items added, proposed, accepted, moved and deleted only while the meeting is
planned, and what is carried over from earlier meetings (open action items, unfinished items) once."""

import datetime

import pytest
from django.utils import timezone

from networks.meetings import agenda
from networks.meetings import services as meeting_services
from networks.meetings.models import ActionStatus, AgendaItem, AgendaItemStatus, MeetingStatus
from portal.lib.errors import DomainError
from tests import factories

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation):
    meeting = factories.MeetingFactory(network=network, organiser=coordinator, chair=coordinator)
    meeting_services.invite(meeting=meeting, user=coordinator, organisations=[organisation])
    return meeting


def _past(network, coordinator, days, status=MeetingStatus.MINUTES_APPROVED, **fields):
    start = timezone.now() - datetime.timedelta(days=days)
    return factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status=status,
        **fields,
    )


def _titles(meeting, status=AgendaItemStatus.ACCEPTED):
    return list(meeting.items.filter(status=status).order_by("position", "pk").values_list("title", flat=True))


def test_items_are_added_last_and_only_while_planned(meeting, coordinator):
    agenda.item_add(meeting=meeting, user=coordinator, data={"title": "Avaus"})
    agenda.item_add(meeting=meeting, user=coordinator, data={"title": "Talous", "planned_minutes": 20})
    assert _titles(meeting) == ["Avaus", "Talous"]
    meeting.status = MeetingStatus.HELD
    meeting.save()
    with pytest.raises(DomainError, match="planned"):
        agenda.item_add(meeting=meeting, user=coordinator, data={"title": "Myöhässä"})


def test_only_those_who_manage_add_items(meeting, member):
    with pytest.raises(DomainError):
        agenda.item_add(meeting=meeting, user=member, data={"title": "Oma kohta"})


def test_presenter_and_goal_must_belong_to_the_network(meeting, coordinator, member, outsider, other_network):
    item = agenda.item_add(meeting=meeting, user=coordinator, data={"title": "Esittely", "presenter": member})
    assert item.presenter == member
    with pytest.raises(DomainError) as error:
        agenda.item_add(meeting=meeting, user=coordinator, data={"title": "X", "presenter": outsider})
    assert "presenter" in error.value.error_dict
    foreign_goal = factories.GoalFactory(network=other_network)
    with pytest.raises(DomainError) as error:
        agenda.item_add(meeting=meeting, user=coordinator, data={"title": "X", "goal": foreign_goal})
    assert "goal" in error.value.error_dict


def test_a_members_proposal_waits_and_the_organiser_accepts_it_last(meeting, coordinator, member):
    agenda.item_add(meeting=meeting, user=coordinator, data={"title": "Avaus"})
    proposal = agenda.item_propose(meeting=meeting, user=member, data={"title": "Uusi hanke"})
    assert (proposal.status, proposal.proposed_by) == (AgendaItemStatus.PROPOSED, member)
    agenda.item_add(meeting=meeting, user=coordinator, data={"title": "Muut asiat"})
    assert _titles(meeting) == ["Avaus", "Muut asiat"]
    with pytest.raises(DomainError):
        agenda.item_accept(item=proposal, user=member)
    agenda.item_accept(item=proposal, user=coordinator)
    assert _titles(meeting) == ["Avaus", "Muut asiat", "Uusi hanke"]
    with pytest.raises(DomainError, match="already"):
        agenda.item_accept(item=proposal, user=coordinator)


def test_observers_not_invited_cannot_propose(network, coordinator, observer):
    meeting = factories.MeetingFactory(network=network, organiser=coordinator)
    with pytest.raises(DomainError):
        agenda.item_propose(meeting=meeting, user=observer, data={"title": "Tarkkailijan kohta"})


def test_proposals_close_when_the_meeting_is_no_longer_planned(meeting, member):
    meeting.status = MeetingStatus.HELD
    meeting.save()
    with pytest.raises(DomainError, match="planned"):
        agenda.item_propose(meeting=meeting, user=member, data={"title": "Myöhässä"})


def test_moving_swaps_neighbours_and_stops_at_the_ends(meeting, coordinator):
    first, second, third = (
        agenda.item_add(meeting=meeting, user=coordinator, data={"title": title}) for title in ("A", "B", "C")
    )
    agenda.item_move(item=third, user=coordinator, direction="up")
    assert _titles(meeting) == ["A", "C", "B"]
    agenda.item_move(item=first, user=coordinator, direction="down")
    assert _titles(meeting) == ["C", "A", "B"]
    agenda.item_move(item=second, user=coordinator, direction="down")
    agenda.item_move(item=third, user=coordinator, direction="up")
    assert _titles(meeting) == ["C", "A", "B"]
    with pytest.raises(DomainError):
        agenda.item_move(item=first, user=coordinator, direction="sideways")


def test_moving_works_when_positions_tie(meeting, coordinator):
    items = [factories.AgendaItemFactory(meeting=meeting, title=title, position=0) for title in ("A", "B")]
    agenda.item_move(item=items[1], user=coordinator, direction="up")
    assert _titles(meeting) == ["B", "A"]


def test_update_and_delete(meeting, coordinator, goal):
    item = agenda.item_add(meeting=meeting, user=coordinator, data={"title": "Vanha"})
    agenda.item_update(item=item, user=coordinator, data={"title": "Uusi", "goal": goal, "planned_minutes": 10})
    item.refresh_from_db()
    assert (item.title, item.goal, item.planned_minutes) == ("Uusi", goal, 10)
    agenda.item_delete(item=item, user=coordinator)
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


# --- carried over ------------------------------------------------------------------------------------


def test_open_action_items_of_earlier_meetings_are_offered_and_carried_once(
    network, coordinator, member, goal, meeting
):
    earlier = _past(network, coordinator, 30)
    source = factories.AgendaItemFactory(meeting=earlier, title="Viestintä", goal=goal)
    open_action = factories.ActionItemFactory(item=source, owner=member, what="Tee esite\nja jaa se")
    factories.ActionItemFactory(item=source, owner=member, status=ActionStatus.DONE)
    factories.ActionItemFactory(item=source, owner=member, status=ActionStatus.DROPPED)
    # an action item of a meeting after this one is not offered
    later = factories.MeetingFactory(
        network=network,
        starts_at=meeting.starts_at + datetime.timedelta(days=7),
        ends_at=meeting.ends_at + datetime.timedelta(days=7),
    )
    factories.ActionItemFactory(item=factories.AgendaItemFactory(meeting=later), owner=member)

    actions, items = agenda.agenda_offers(meeting)
    assert actions == [open_action]
    assert items == []

    carried = agenda.agenda_carry(meeting=meeting, user=coordinator, actions=[open_action])
    assert len(carried) == 1
    item = AgendaItem.objects.get(meeting=meeting)
    assert item.source_action == open_action
    assert item.goal == goal
    assert item.presenter == member
    assert item.title.endswith("Tee esite")  # the first line only: a title is one line
    assert agenda.agenda_offers(meeting) == ([], [])
    # a second carry (a double click, a stale page) adds nothing
    assert agenda.agenda_carry(meeting=meeting, user=coordinator, actions=[open_action]) == []
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_open_action_items_are_offered_to_each_next_meeting_until_done(network, coordinator, member, meeting):
    earlier = _past(network, coordinator, 30)
    action = factories.ActionItemFactory(item=factories.AgendaItemFactory(meeting=earlier), owner=member)
    agenda.agenda_carry(meeting=meeting, user=coordinator, actions=[action])
    next_one = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        starts_at=meeting.starts_at + datetime.timedelta(days=30),
        ends_at=meeting.ends_at + datetime.timedelta(days=30),
    )
    assert agenda.agenda_offers(next_one)[0] == [action]
    action.status = ActionStatus.DONE
    action.save()
    assert agenda.agenda_offers(next_one)[0] == []


def test_unfinished_items_of_the_previous_meeting_are_carried(network, coordinator, goal, meeting):
    older = _past(network, coordinator, 60)
    factories.AgendaItemFactory(meeting=older, title="Liian vanha", unfinished=True)
    previous = _past(network, coordinator, 30)
    unfinished = factories.AgendaItemFactory(
        meeting=previous, title="Strategia", unfinished=True, goal=goal, description="Jatkuu", planned_minutes=25
    )
    factories.AgendaItemFactory(meeting=previous, title="Valmis", unfinished=False)
    factories.AgendaItemFactory(meeting=previous, title="Ehdotus", unfinished=True, status=AgendaItemStatus.PROPOSED)
    # a cancelled meeting in between is skipped
    _past(network, coordinator, 10, status=MeetingStatus.CANCELLED, cancel_reason="Sairastumisia")

    actions, items = agenda.agenda_offers(meeting)
    assert (actions, items) == ([], [unfinished])
    agenda.agenda_carry(meeting=meeting, user=coordinator, items=[unfinished])
    carried = AgendaItem.objects.get(meeting=meeting)
    assert (carried.title, carried.source_item, carried.goal, carried.description, carried.planned_minutes) == (
        "Strategia",
        unfinished,
        goal,
        "Jatkuu",
        25,
    )
    assert agenda.agenda_offers(meeting) == ([], [])
    assert agenda.agenda_carry(meeting=meeting, user=coordinator, items=[unfinished]) == []


def test_carrying_needs_a_planned_meeting_and_a_manager(network, coordinator, member, meeting):
    earlier = _past(network, coordinator, 30)
    action = factories.ActionItemFactory(item=factories.AgendaItemFactory(meeting=earlier), owner=member)
    with pytest.raises(DomainError):
        agenda.agenda_carry(meeting=meeting, user=member, actions=[action])
    meeting.status = MeetingStatus.HELD
    meeting.save()
    with pytest.raises(DomainError, match="planned"):
        agenda.agenda_carry(meeting=meeting, user=coordinator, actions=[action])


def test_an_organiser_who_is_a_member_is_offered_only_what_they_may_read(network, coordinator, member, organisation):
    """Draft minutes are the attendees' until approved: their action items are not offered to others."""
    from networks.meetings import services as meeting_services
    from networks.meetings.models import MeetingStatus

    earlier = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        chair=coordinator,
        status=MeetingStatus.MINUTES_DRAFT,
        starts_at=timezone.now() - datetime.timedelta(days=7),
        ends_at=timezone.now() - datetime.timedelta(days=7) + datetime.timedelta(hours=1),
    )
    action = factories.ActionItemFactory(item=factories.AgendaItemFactory(meeting=earlier), owner=coordinator)
    planned = factories.MeetingFactory(network=network, organiser=member)
    assert agenda.agenda_offers(planned, member)[0] == []
    assert agenda.agenda_offers(planned, coordinator)[0] == [action]
    meeting_services.minutes_approve(meeting=earlier, user=coordinator)
    assert agenda.agenda_offers(planned, member)[0] == [action]
