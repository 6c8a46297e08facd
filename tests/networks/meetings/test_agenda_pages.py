"""The agenda pages: who reaches them, proposing and accepting, adding with the input kept on a
refusal, moving, removing after a confirmation, carrying offers over; and the editor's query budget."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import services as meeting_services
from networks.meetings.models import ActionItem, AgendaItem, AgendaItemStatus, MeetingStatus
from tests import factories
from tests.querybudget import assert_budget
from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db(transaction=False)
EN = {"headers": {"accept-language": "en"}}


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation):
    """The matrix meeting: organised and chaired by the coordinator, the organisation invited."""
    meeting = factories.MeetingFactory(network=network, organiser=coordinator, chair=coordinator)
    meeting_services.invite(meeting=meeting, user=coordinator, organisations=[organisation])
    return meeting


@pytest.fixture
def item(meeting):
    return factories.AgendaItemFactory(meeting=meeting, title="Avaus")


def _url(name, meeting, item=None):
    kwargs = {"pk": meeting.pk} | ({"item_pk": item.pk} if item is not None else {})
    return reverse(f"meetings:{name}", kwargs=kwargs)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("outsider", 404), ("observer", 403), ("member", 403), ("coordinator", 200), ("admin", 200)],
)
def test_who_reaches_the_agenda_editor(cast, client_for, meeting, item, role, expected):
    for name, target in (("agenda_edit", None), ("agenda_item_edit", item), ("agenda_item_delete", item)):
        response = client_for(cast[role]).get(_url(name, meeting, target))
        assert response.status_code == expected, name


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("outsider", 404), ("observer", 200), ("member", 200), ("coordinator", 200), ("admin", 200)],
)
def test_who_reaches_the_proposal_form(cast, client_for, meeting, role, expected):
    # the observer is invited with the organisation, and invitees may propose
    assert client_for(cast[role]).get(_url("agenda_propose", meeting)).status_code == expected


def test_an_observer_who_is_not_invited_cannot_propose(client_for, network, coordinator, observer):
    meeting = factories.MeetingFactory(network=network, organiser=coordinator)
    client = client_for(observer)
    assert client.get(_url("agenda_propose", meeting)).status_code == 403
    assert client.post(_url("agenda_propose", meeting), {"title": "Minun asiani"}).status_code == 403
    assert not AgendaItem.objects.exists()


def test_a_member_proposes_and_the_organiser_accepts(client_for, meeting, member, coordinator):
    response = client_for(member).post(
        _url("agenda_propose", meeting), {"title": "Uusi hanke", "planned_minutes": "15"}
    )
    assert response.status_code == 302
    proposal = AgendaItem.objects.get(meeting=meeting)
    assert (proposal.status, proposal.proposed_by) == (AgendaItemStatus.PROPOSED, member)
    assert client_for(member).post(_url("agenda_item_accept", meeting, proposal)).status_code == 403
    client = client_for(coordinator)
    page = client.get(_url("agenda_edit", meeting), **EN)
    assert "Uusi hanke" in page.content.decode()
    assert "Accept" in page.content.decode()
    assert client.post(_url("agenda_item_accept", meeting, proposal)).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == AgendaItemStatus.ACCEPTED


def test_declining_a_proposal_is_a_confirmed_delete(client_for, meeting, member, coordinator):
    proposal = factories.AgendaItemFactory(
        meeting=meeting, title="Ehdotus", status=AgendaItemStatus.PROPOSED, proposed_by=member
    )
    client = client_for(coordinator)
    page = client.get(_url("agenda_item_delete", meeting, proposal), **EN)
    assert "Decline the proposal" in page.content.decode()
    assert AgendaItem.objects.filter(pk=proposal.pk).exists()
    assert client.post(_url("agenda_item_delete", meeting, proposal), {"confirm": "yes"}).status_code == 302
    assert not AgendaItem.objects.filter(pk=proposal.pk).exists()


def test_adding_keeps_the_input_on_an_error(client_for, meeting, coordinator, outsider):
    client = client_for(coordinator)
    response = client.post(_url("agenda_item_add", meeting), {"title": "", "description": "Säilyvä kuvaus"}, **EN)
    assert response.status_code == 200
    assert "Säilyvä kuvaus" in response.content.decode()
    assert not AgendaItem.objects.exists()
    # a presenter from elsewhere is not on offer
    response = client.post(_url("agenda_item_add", meeting), {"title": "Esitys", "presenter": outsider.pk}, **EN)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    response = client.post(_url("agenda_item_add", meeting), {"title": "Esitys", "planned_minutes": "30"})
    assert response.status_code == 302
    assert AgendaItem.objects.get().title == "Esitys"


def test_a_held_meetings_agenda_is_read_only(client_for, meeting, item, coordinator):
    meeting.status = MeetingStatus.HELD
    meeting.save()
    client = client_for(coordinator)
    page = client.get(_url("agenda_edit", meeting), **EN)
    assert page.status_code == 200
    assert "cannot be changed" in page.content.decode()
    response = client.post(_url("agenda_item_add", meeting), {"title": "Myöhässä"}, follow=True, **EN)
    assert "only while the meeting is planned" in response.content.decode()
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1
    response = client.post(_url("agenda_item_edit", meeting, item), {"title": "Uusi nimi"}, **EN)
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title == "Avaus"


def test_moving_is_post_only(client_for, meeting, coordinator):
    first = factories.AgendaItemFactory(meeting=meeting, title="A", position=0)
    factories.AgendaItemFactory(meeting=meeting, title="B", position=1)
    client = client_for(coordinator)
    assert client.get(_url("agenda_item_move", meeting, first)).status_code == 405
    assert client.post(_url("agenda_item_move", meeting, first), {"direction": "down"}).status_code == 302
    assert list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True)) == ["B", "A"]


def test_editing_an_item(client_for, meeting, item, coordinator, member, goal):
    response = client_for(coordinator).post(
        _url("agenda_item_edit", meeting, item),
        {
            "title": "Avaus ja esittäytyminen",
            "presenter": member.pk,
            "goal": goal.pk,
            "planned_minutes": "5",
            **version_of(item),
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.presenter, item.goal, item.planned_minutes) == ("Avaus ja esittäytyminen", member, goal, 5)
    elsewhere = factories.AgendaItemFactory(meeting=factories.MeetingFactory(network=meeting.network))
    assert client_for(coordinator).get(_url("agenda_item_edit", meeting, elsewhere)).status_code == 404


def test_offers_are_carried_through_the_page(client_for, network, meeting, coordinator, member):
    start = timezone.now() - datetime.timedelta(days=20)
    earlier = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        status=MeetingStatus.MINUTES_APPROVED,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    unfinished = factories.AgendaItemFactory(meeting=earlier, title="Kesken jäänyt", unfinished=True)
    action = factories.ActionItemFactory(item=unfinished, owner=member, what="Selvitä tilat")
    client = client_for(coordinator)
    page = client.get(_url("agenda_edit", meeting), **EN).content.decode()
    assert "Selvitä tilat" in page and "Kesken jäänyt" in page
    assert client.post(_url("agenda_carry", meeting), {}, **EN).status_code == 200  # nothing chosen
    response = client.post(_url("agenda_carry", meeting), {"actions": [action.pk], "items": [unfinished.pk]})
    assert response.status_code == 302
    carried = AgendaItem.objects.filter(meeting=meeting)
    assert {row.source_action_id for row in carried} == {action.pk, None}
    assert {row.source_item_id for row in carried} == {unfinished.pk, None}
    # a stale page posting the same again adds nothing
    response = client.post(_url("agenda_carry", meeting), {"actions": [action.pk]}, **EN)
    assert response.status_code == 200
    assert AgendaItem.objects.filter(meeting=meeting).count() == 2
    assert client.get(_url("agenda_carry", meeting)).status_code == 405
    assert client_for(member).post(_url("agenda_carry", meeting), {"actions": [action.pk]}).status_code == 403


def test_the_agenda_editor_has_a_query_budget(client_for, network, meeting, coordinator, member, goal):
    start = timezone.now() - datetime.timedelta(days=20)
    earlier = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        status=MeetingStatus.MINUTES_APPROVED,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )

    def add(n):
        for number in range(n):
            factories.AgendaItemFactory(meeting=meeting, presenter=member, goal=goal)
            factories.AgendaItemFactory(meeting=meeting, status=AgendaItemStatus.PROPOSED, proposed_by=member)
            source = factories.AgendaItemFactory(meeting=earlier, unfinished=True, goal=goal)
            factories.ActionItemFactory(item=source, owner=member)
            factories.AgendaItemFactory(meeting=meeting, source_item=source, title=f"Jatko {number}")

    add(3)
    assert ActionItem.objects.count() == 3
    # session, user, meeting + network, role (access), the items with their people, goals and sources, the
    # offers (open action items, the previous meeting, its unfinished items), the choices of the add form
    # (+1: the organiser's role in the network, which decides whether draft minutes' offers are shown)
    assert_budget(client_for(coordinator), _url("agenda_edit", meeting), budget=12, grow=lambda: add(27))
