"""Query budgets of the meeting pages (HOUSE-STYLE rule 22): the list and the month
calendar the same for 20 and 2,000 meetings, the person's meetings the same however many meetings and
networks, and the meeting's page (and its printable pages) the same for 3 and 30 agenda items, each with
a decision, an action item and a comment."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Invitee,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MinutesComment,
)
from networks.memberships.models import NetworkRole
from tests import factories
from tests.querybudget import assert_budget

KINDS = itertools.cycle(MeetingKind.values)
STATUSES = itertools.cycle(MeetingStatus.values)
MONTH = datetime.date(2027, 5, 1)


def _bulk_meetings(network, organiser, n, *, first=None, spread_days=28):
    """``n`` meetings of ``network`` from ``first`` on (default: tomorrow), each with two agenda items."""
    first = first or timezone.now() + datetime.timedelta(days=1)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            network=network,
            organiser=organiser,
            title=f"Massatapaaminen {number}",
            kind=next(KINDS),
            status=MeetingStatus.PLANNED,
            starts_at=first + datetime.timedelta(days=number % spread_days, minutes=number),
            ends_at=first + datetime.timedelta(days=number % spread_days, minutes=number + 60),
        )
        for number in range(n)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, title=f"Kohta {position}", position=position)
        for meeting in meetings
        for position in range(2)
    )
    return meetings


def _in_month():
    return timezone.make_aware(datetime.datetime.combine(MONTH, datetime.time(9)))


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
@pytest.mark.parametrize("when", ["upcoming", "past", "all"])
def test_the_list_does_not_grow_with_the_meetings(request, client_for, network, coordinator, viewer, when):
    past = timezone.now() - datetime.timedelta(days=60)
    _bulk_meetings(network, coordinator, 10)
    _bulk_meetings(network, coordinator, 10, first=past)
    url = reverse("meetings:meeting_list", kwargs={"slug": network.slug}) + f"?when={when}"

    def grow():
        _bulk_meetings(network, coordinator, 990)
        _bulk_meetings(network, coordinator, 990, first=past)

    # session, user, MFA check, network, may_organise (role), the paginator's count, a page of meetings
    # (organiser, agenda item count)
    assert_budget(client_for(request.getfixturevalue(viewer)), url, budget=8, grow=grow)


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["coordinator", "observer"])
def test_the_calendar_does_not_grow_with_the_meetings(request, client_for, network, coordinator, viewer):
    _bulk_meetings(network, coordinator, 20, first=_in_month())
    url = reverse("meetings:calendar", kwargs={"slug": network.slug}) + f"?month={MONTH:%Y-%m}"

    # session, user, MFA check, network, the month's meetings, may_organise (role)
    assert_budget(
        client_for(request.getfixturevalue(viewer)),
        url,
        budget=7,
        grow=lambda: _bulk_meetings(network, coordinator, 1980, first=_in_month()),
    )


@pytest.mark.django_db
def test_the_index_does_not_grow_with_the_meetings_or_networks(client_for, network, coordinator, member):
    meetings = _bulk_meetings(network, coordinator, 5)
    Invitee.objects.bulk_create(Invitee(meeting=meeting, user=member, reply="yes") for meeting in meetings[:3])

    def grow():
        more = _bulk_meetings(network, coordinator, 200)
        Invitee.objects.bulk_create(Invitee(meeting=meeting, user=member) for meeting in more[:100])
        for _ in range(10):
            other = factories.NetworkFactory()
            factories.NetworkRoleFactory(network=other, user=member)
            _bulk_meetings(other, None, 20)

    # session, user, MFA check, the paginator's count, a page of meetings (network, own reply), the networks
    assert_budget(client_for(member), reverse("meetings:index"), budget=7, grow=grow)


# --- the meeting's page --------------------------------------------------------------------------------------


def _grow_items(meeting, people, n):
    """``n`` more agenda items of ``meeting``, each with a decision, an action item and a comment."""
    start = meeting.items.count()
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, title=f"Asiakohta {start + number}", position=start + number, minutes="Muistio")
        for number in range(n)
    )
    owner = people[0]
    Decision.objects.bulk_create(
        Decision(
            network=meeting.network, meeting=meeting, item=item, decided_on=meeting.starts_at.date(), text="Päätös"
        )
        for item in items
    )
    ActionItem.objects.bulk_create(
        ActionItem(
            network=meeting.network,
            meeting=meeting,
            item=item,
            what="Tehtävä",
            owner=owner,
            due_on=timezone.localdate() + datetime.timedelta(days=7),
        )
        for item in items
    )
    MinutesComment.objects.bulk_create(
        MinutesComment(meeting=meeting, item=item, author=owner, body="Kommentti") for item in items
    )


@pytest.fixture
def held_meeting(network, coordinator, member, observer, organisation):
    """A meeting with its minutes in draft, chaired by the coordinator; the cast invited, the member attended."""
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        chair=coordinator,
        status=MeetingStatus.MINUTES_DRAFT,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    for person in (coordinator, member, observer):
        Invitee.objects.create(meeting=meeting, user=person, organisation=organisation, reply="yes")
    Attendance.objects.create(meeting=meeting, user=member, organisation=organisation)
    MinutesComment.objects.create(meeting=meeting, author=member, body="Yleinen kommentti")
    _grow_items(meeting, [member], 3)
    return meeting


def _grow_meeting(meeting, network, member, organisation):
    def grow():
        _grow_items(meeting, [member], 27)
        people = factories.UserFactory.create_batch(30)
        NetworkRole.objects.bulk_create(NetworkRole(network=network, user=person, role="member") for person in people)
        Invitee.objects.bulk_create(
            Invitee(meeting=meeting, user=person, organisation=organisation, reply="maybe") for person in people
        )
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, user=person, organisation=organisation) for person in people
        )
        MinutesComment.objects.bulk_create(
            MinutesComment(meeting=meeting, author=person, body="Kommentti") for person in people
        )

    return grow


# Every page for every viewer, but the printable draft minutes for the observer (who may not read them: 403).
PAGES_AND_VIEWERS = [
    (page, viewer)
    for page in ("meeting_detail", "print_agenda", "print_minutes")
    for viewer in ("coordinator", "member", "observer", "admin_user")
    if (page, viewer) != ("print_minutes", "observer")
]


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "viewer"), PAGES_AND_VIEWERS)
def test_the_meeting_page_does_not_grow_with_the_agenda(
    request, client_for, network, organisation, member, held_meeting, viewer, page
):
    client = client_for(request.getfixturevalue(viewer))
    url = reverse(f"meetings:{page}", kwargs={"pk": held_meeting.pk})
    # session, user, MFA check, the meeting (network, organiser, chair, approver), agenda items (presenter,
    # goal, proposer, sources), decisions, action items, comments and amendments of the items, invitees,
    # invited organisations, attendance, general comments; the viewer's role in the network (meeting page
    # and minutes). The partials (invitations, agenda, attendance, comments) read only these.
    budget = {"meeting_detail": 15, "print_agenda": 13, "print_minutes": 14}[page]
    assert_budget(client, url, budget=budget, grow=_grow_meeting(held_meeting, network, member, organisation))
