"""A second pair of eyes on meetings (issue 6): forged requests. Ids of another meeting or network in URLs
and forms; POSTs by those who may not; changes after approval; draft minutes leaking to those who did not
attend; calendar feeds with the wrong token; open redirects; script in what people write; line breaks in
titles; CSRF."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from networks.meetings import actions as records
from networks.meetings import feeds as meeting_feeds
from networks.meetings import services
from networks.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Invitee,
    Meeting,
    MeetingStatus,
    MinutesComment,
    SlotAnswer,
    TimePoll,
    TimeSlot,
)
from tests import factories
from tests.meetings.records_helpers import meeting_that_took_place

pytestmark = pytest.mark.django_db

EN = {"headers": {"accept-language": "en"}}
SECRET = "Salainen luonnos"


def _url(name, **kwargs):
    return reverse(f"meetings:{name}", kwargs=kwargs)


def _act(meeting, item, by, owner=None, what="Tehtävä"):
    """An action item recorded by ``by`` (and owned by them unless ``owner``), due today."""
    return records.action_add(
        meeting=meeting, item=item, user=by, what=what, owner=owner or by, due_on=timezone.localdate()
    )


@pytest.fixture
def other(other_network, outsider):
    """Another network's held meeting with an agenda item, a decision, an action item, an invitee, a goal,
    and an open time poll with its slots."""
    organisation = other_network.memberships.get().organisation
    meeting, items = meeting_that_took_place(other_network, outsider, organisation)
    decision = records.decision_add(meeting=meeting, item=items[0], user=outsider, text="Toisen päätös")
    action = _act(meeting, items[0], outsider, what="Toisen tehtävä")
    poll = TimePoll.objects.create(network=other_network, title="Toisen kysely", organiser=outsider)
    poll.invitees.add(outsider)
    start = timezone.now() + datetime.timedelta(days=10)
    slot = TimeSlot.objects.create(poll=poll, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    invitee = Invitee.objects.filter(meeting=meeting).first()
    goal = factories.GoalFactory(network=other_network, title="Toisen tavoite")
    names = ["organisation", "meeting", "item", "decision", "action", "invitee", "goal", "poll", "slot"]
    return dict(zip(names, (organisation, meeting, items[0], decision, action, invitee, goal, poll, slot), strict=True))


@pytest.fixture
def held(network, coordinator, member, observer, organisation):
    """Our network's held meeting, organised and chaired by the coordinator; the organisation invited."""
    return meeting_that_took_place(network, coordinator, organisation)


@pytest.fixture
def planned(network, coordinator, member, observer, organisation):
    return meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)


# --- ids of another meeting or network -----------------------------------------------------------------


ITEM_URLS = ["agenda_item_edit", "agenda_item_delete", "agenda_item_accept", "agenda_item_move", "minutes_edit"]


@pytest.mark.parametrize("name", [*ITEM_URLS, "minutes_amend"])
def test_an_agenda_item_of_another_meeting_is_not_found(client_for, coordinator, planned, held, other, name):
    meeting = planned[0] if name.startswith("agenda") else held[0]
    if name == "minutes_amend":
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.MINUTES_APPROVED)
    url = _url(name, pk=meeting.pk, item_pk=other["item"].pk)
    data = {"title": "Kaapattu", "direction": "up", "minutes": "Kaapattu", "reason": "x"}
    assert client_for(coordinator).post(url, data).status_code == 404
    other["item"].refresh_from_db()
    assert other["item"].title != "Kaapattu" and other["item"].minutes != "Kaapattu"


@pytest.mark.parametrize("role", ["coordinator", "member"])
def test_invitees_decisions_and_action_items_of_another_network_are_not_found(client_for, cast, planned, other, role):
    client = client_for(cast[role])
    url = _url("invitee_remove", pk=planned[0].pk, invitee_pk=other["invitee"].pk)
    # the member may not manage our meeting at all; the coordinator may, but not another meeting's invitee
    assert client.post(url, {"confirm": "yes"}).status_code == (404 if role == "coordinator" else 403)
    for name in ("decision_edit", "decision_delete", "decision_amend"):
        response = client.post(_url(name, pk=other["decision"].pk), {"text": "x", "confirm": "yes", "reason": "x"})
        assert response.status_code == 404
    assert client.post(_url("action_status", pk=other["action"].pk), {"status": "done"}).status_code == 404
    assert Invitee.objects.filter(pk=other["invitee"].pk).exists()
    assert Decision.objects.get(pk=other["decision"].pk).text == "Toisen päätös"
    assert ActionItem.objects.get(pk=other["action"].pk).status == "open"


def test_a_slot_of_another_poll_is_neither_answered_nor_picked(client_for, coordinator, network, other):
    poll = TimePoll.objects.create(network=network, title="Oma kysely", organiser=coordinator)
    poll.invitees.add(coordinator)
    start = timezone.now() + datetime.timedelta(days=3)
    TimeSlot.objects.create(poll=poll, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    client = client_for(coordinator)
    client.post(_url("poll_answer", pk=poll.pk), {f"slot_{other['slot'].pk}": "yes"})
    assert not SlotAnswer.objects.filter(slot=other["slot"]).exists()
    response = client.post(_url("poll_pick", pk=poll.pk), {"slot": other["slot"].pk})
    assert response.status_code == 400
    assert not Meeting.objects.filter(network=poll.network, title="Oma kysely").exists()
    # and the other network's poll itself is not there for us
    assert client.post(_url("poll_pick", pk=other["poll"].pk), {"slot": other["slot"].pk}).status_code == 404
    assert client.get(_url("poll_detail", pk=other["poll"].pk)).status_code == 404


def test_a_comment_on_an_item_of_another_meeting_is_refused(client_for, coordinator, held, other):
    meeting, _items = held
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    client_for(coordinator).post(_url("comment_add", pk=meeting.pk), {"item": other["item"].pk, "body": "Hei"})
    assert not MinutesComment.objects.exists()


def test_another_networks_goal_is_not_linked(client_for, coordinator, held, planned, other):
    meeting, items = held
    client = client_for(coordinator)
    client.post(_url("decision_add", pk=meeting.pk), {"item": items[0].pk, "text": "Päätös", "goal": other["goal"].pk})
    assert not Decision.objects.filter(meeting=meeting).exists()
    decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Oma")
    client.post(_url("decision_edit", pk=decision.pk), {"text": "Oma", "goal": other["goal"].pk})
    decision.refresh_from_db()
    assert decision.goal_id is None
    client.post(_url("agenda_item_add", pk=planned[0].pk), {"title": "Uusi", "goal": other["goal"].pk})
    assert not AgendaItem.objects.filter(meeting=planned[0], title="Uusi").exists()


def test_another_networks_person_is_not_presenter_chair_owner_or_invitee(
    client_for, coordinator, network, held, planned, other, outsider
):
    client = client_for(coordinator)
    other_org = other["organisation"]
    client.post(_url("agenda_item_add", pk=planned[0].pk), {"title": "Esittäjä", "presenter": outsider.pk})
    assert not AgendaItem.objects.filter(title="Esittäjä").exists()
    meeting, items = held
    action = {"item": items[0].pk, "what": "Tehtävä", "due_on": "2030-01-01"}
    client.post(_url("action_add", pk=meeting.pk), action | {"owner": outsider.pk})
    client.post(_url("action_add", pk=meeting.pk), action | {"owner": coordinator.pk, "organisation": other_org.pk})
    assert not ActionItem.objects.filter(meeting=meeting).exists()
    client.post(_url("invitations", pk=planned[0].pk), {"people": [outsider.pk]})
    client.post(_url("invitations", pk=planned[0].pk), {"organisations": [other_org.pk]})
    assert not Invitee.objects.filter(meeting=planned[0], user=outsider).exists()
    client.post(_url("attendance", pk=meeting.pk), {"people": [outsider.pk]})
    assert not Attendance.objects.filter(meeting=meeting, user=outsider).exists()
    when = {"kind": "network", "date": "2030-01-01", "start_time": "10:00", "end_time": "11:00"}
    version = planned[0].updated_at.isoformat()
    client.post(
        _url("meeting_edit", pk=planned[0].pk), when | {"title": "Muokattu", "chair": outsider.pk, "version": version}
    )
    planned[0].refresh_from_db()
    assert planned[0].chair_id == coordinator.pk
    new = when | {"title": "Uusi kokous", "chair": outsider.pk, "people": [outsider.pk]}
    client.post(_url("meeting_create", slug=network.slug), new)
    assert not Meeting.objects.filter(title="Uusi kokous").exists()


# --- forged POSTs by those who may not ---------------------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), [("outsider", 404), ("observer", 403), ("member", 403)])
def test_forged_posts_change_nothing(client_for, cast, held, planned, role, status):
    meeting, items = held
    ahead = planned[0]
    client = client_for(cast[role])
    posts = [
        (_url("meeting_edit", pk=ahead.pk), {"title": "Kaapattu"}),
        (_url("meeting_cancel", pk=ahead.pk), {"reason": "Kaapattu"}),
        (_url("meeting_status", pk=meeting.pk), {"to": "circulate"}),
        (_url("agenda_item_add", pk=ahead.pk), {"title": "Kaapattu"}),
        (_url("agenda_item_delete", pk=ahead.pk, item_pk=planned[1][0].pk), {}),
        (_url("invitations", pk=ahead.pk), {"people": [cast[role].pk]}),
        (_url("attendance", pk=meeting.pk), {"people": [cast[role].pk]}),
        (_url("minutes_edit", pk=meeting.pk, item_pk=items[0].pk), {"minutes": "Kaapattu"}),
        (_url("decision_add", pk=meeting.pk), {"item": items[0].pk, "text": "Kaapattu"}),
        (_url("action_add", pk=meeting.pk), {"item": items[0].pk, "what": "Kaapattu"}),
        (_url("comment_add", pk=meeting.pk), {"body": "Kaapattu"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == status, url
    ahead.refresh_from_db()
    meeting.refresh_from_db()
    assert ahead.status == MeetingStatus.PLANNED and meeting.status == MeetingStatus.HELD
    assert AgendaItem.objects.filter(pk=planned[1][0].pk).exists()
    assert not AgendaItem.objects.filter(title="Kaapattu").exists()
    assert not Decision.objects.exists() and not ActionItem.objects.exists() and not MinutesComment.objects.exists()
    assert not Attendance.objects.filter(meeting=meeting).exists()


def test_only_the_chair_approves(client_for, network, coordinator, member, organisation):
    meeting, _items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.MINUTES_DRAFT)
    Meeting.objects.filter(pk=meeting.pk).update(chair=member)
    # the organiser and coordinator is not the chair
    assert client_for(coordinator).post(_url("meeting_status", pk=meeting.pk), {"to": "approve"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_DRAFT
    # the chair (a member) approves, but cannot move other steps
    response = client_for(member).post(_url("meeting_status", pk=meeting.pk), {"to": "approve"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_APPROVED


def test_an_outsider_sees_nothing_of_a_meeting(client_for, outsider, held):
    meeting, _items = held
    client = client_for(outsider)
    for name in ("meeting_detail", "print_agenda", "print_minutes", "meeting_ics", "meeting_status", "invitations"):
        assert client.get(_url(name, pk=meeting.pk)).status_code == 404, name
    slug = meeting.network.slug
    for name in ("meeting_list", "calendar", "decision_log", "network_actions", "poll_list", "meeting_create"):
        assert client.get(_url(name, slug=slug)).status_code == 404, name


def test_nothing_changes_after_approval_but_by_amendment(client_for, network, coordinator, member, organisation):
    meeting, items = meeting_that_took_place(network, coordinator, organisation)
    decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Alkuperäinen")
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    meeting = services.minutes_approve(meeting=meeting, user=coordinator)
    client = client_for(coordinator)
    client.post(_url("minutes_edit", pk=meeting.pk, item_pk=items[0].pk), {"minutes": "Muutettu"})
    client.post(_url("decision_edit", pk=decision.pk), {"text": "Muutettu"})
    client.post(_url("decision_delete", pk=decision.pk), {"confirm": "yes"})
    client.post(_url("attendance", pk=meeting.pk), {"people": [member.pk]})
    client.post(_url("decision_add", pk=meeting.pk), {"item": items[0].pk, "text": "Uusi"})
    client.post(_url("comment_add", pk=meeting.pk), {"body": "Myöhässä"})
    client.post(_url("agenda_item_delete", pk=meeting.pk, item_pk=items[1].pk))
    items[0].refresh_from_db()
    assert items[0].minutes == ""
    assert list(Decision.objects.values_list("text", flat=True)) == ["Alkuperäinen"]
    assert not Attendance.objects.exists() and not MinutesComment.objects.exists()
    assert AgendaItem.objects.filter(pk=items[1].pk).exists()


# --- draft minutes do not leak ----------------------------------------------------------------------------


@pytest.fixture
def draft(network, coordinator, member, observer, organisation, goal):
    """A meeting with draft minutes the member did not attend (the coordinator did): minutes, a decision
    linked to the goal and an action item owned by the coordinator, all carrying SECRET."""
    meeting, items = meeting_that_took_place(network, coordinator, organisation)
    AgendaItem.objects.filter(pk=items[0].pk).update(minutes=f"{SECRET} pöytäkirjassa", goal=goal)
    Attendance.objects.create(meeting=meeting, user=coordinator)
    records.decision_add(meeting=meeting, item=items[0], user=coordinator, text=f"{SECRET} päätös", goal=goal)
    _act(meeting, items[0], coordinator, what=f"{SECRET} tehtävä")
    return services.minutes_circulate(meeting=meeting, user=coordinator)


@pytest.mark.parametrize("role", ["member", "observer"])
def test_draft_minutes_do_not_leak_to_those_who_did_not_attend(client_for, cast, draft, goal, role):
    client = client_for(cast[role])
    slug = draft.network.slug
    pages = [
        _url("meeting_detail", pk=draft.pk),
        _url("print_agenda", pk=draft.pk),
        _url("decision_log", slug=slug),
        _url("network_actions", slug=slug),
        _url("my_actions"),
        _url("index"),
        reverse("goals:goal_detail", kwargs={"pk": goal.pk}),
        reverse("portal:home"),
    ]
    for url in pages:
        response = client.get(url, **EN)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    assert client.get(_url("print_minutes", pk=draft.pk)).status_code == 403
    # nor through the calendar feeds
    token = meeting_feeds.feed_for(cast[role]).token
    for url in (_url("personal_feed", token=token), _url("network_feed", slug=slug, token=token)):
        assert SECRET not in client.get(url).content.decode()


def test_those_who_may_read_the_draft_do(client_for, draft, coordinator, member):
    client = client_for(coordinator)
    assert SECRET in client.get(_url("print_minutes", pk=draft.pk)).content.decode()
    assert SECRET in client.get(_url("network_actions", slug=draft.network.slug)).content.decode()
    assert SECRET in client.get(_url("decision_log", slug=draft.network.slug)).content.decode()
    # an action item's owner sees their own in the network's list
    ActionItem.objects.update(owner=member)
    assert SECRET in client_for(member).get(_url("network_actions", slug=draft.network.slug)).content.decode()


def test_feeds_need_the_right_token(client, network, outsider, member, planned, other):
    outsider_token = meeting_feeds.feed_for(outsider).token
    # the outsider's own token opens no feed of a network they have no role in
    assert client.get(_url("network_feed", slug=network.slug, token=outsider_token)).status_code == 404
    token = meeting_feeds.feed_for(member).token
    assert client.get(_url("network_feed", slug=network.slug, token=token)).status_code == 200
    assert client.get(_url("network_feed", slug=network.slug, token=token[:-1])).status_code == 404
    assert client.get(_url("personal_feed", token="x" * 65)).status_code == 404
    assert str(other["meeting"].uid) not in client.get(_url("personal_feed", token=token)).content.decode()
    meeting_feeds.feed_reset(user=member)
    assert client.get(_url("network_feed", slug=network.slug, token=token)).status_code == 404
    assert client.get(_url("personal_feed", token=token)).status_code == 404


# --- redirects, script, line breaks, CSRF -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("javascript:alert(1)", None),
        ("\\\\evil.example", None),
        ("/meetings/actions/", "/meetings/actions/"),
    ],
)
def test_next_does_not_redirect_away(client_for, held, coordinator, target, expected):
    meeting, items = held
    action = _act(meeting, items[0], coordinator)
    client = client_for(coordinator)
    page = client.get(_url("action_status", pk=action.pk), {"next": target}).content.decode()
    assert (target in page) == (expected is not None)
    response = client.post(_url("action_status", pk=action.pk), {"status": "done", "next": target})
    assert response["Location"] == (expected or f"/meetings/{meeting.pk}/#records-{items[0].pk}")


MINUTES_ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klikkaa](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<a href='jav&#x61;script:alert(1)'>x</a>",
    '<p onclick="alert(1)">x</p>',
    "<svg><script>alert(1)</script></svg>",
    "<iframe src='https://evil.example'></iframe>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="https://ok.example" style="x" onmouseover="alert(1)">ok</a>',
    "<style>body{display:none}</style>",
    '![x](https://evil.example/x.png "onerror=alert(1)")',
]
# Real tags only (the Markdown source shown escaped in the editor's textarea is text, not tags).
TAG = re.compile(r"<[a-z][^>]*>")
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=")
BAD_URL = re.compile(r"(href|src)\s*=\s*[\"']?\s*(javascript|data|vbscript):")


def test_minutes_carry_no_script(client_for, held, coordinator):
    meeting, items = held
    Attendance.objects.create(meeting=meeting, user=coordinator)
    AgendaItem.objects.filter(pk=items[0].pk).update(minutes="\n\n".join(MINUTES_ATTACKS))
    client = client_for(coordinator)
    pages = [
        client.get(_url("meeting_detail", pk=meeting.pk)).content.decode(),
        client.get(_url("print_minutes", pk=meeting.pk)).content.decode(),
        client.get(_url("minutes_edit", pk=meeting.pk, item_pk=items[0].pk)).content.decode(),
        client.post(
            _url("minutes_edit", pk=meeting.pk, item_pk=items[0].pk),
            {"minutes": "\n\n".join(MINUTES_ATTACKS), "preview": "1"},
        ).content.decode(),
    ]
    for page in pages:
        lowered = page.lower()
        assert "<script>alert" not in lowered and "<style>body" not in lowered
        # no tag of the page carries anything of the attacks (the page's own tags are fine)
        tags = [tag for tag in TAG.findall(lowered) if any(word in tag for word in ("alert", "evil", "base64"))]
        assert not tags
        assert not any(EVENT_HANDLER.search(tag) or BAD_URL.search(tag) for tag in TAG.findall(lowered))


def test_titles_and_comments_are_escaped(client_for, held, coordinator, network):
    meeting, items = held
    evil = "<script>alert(1)</script>"
    Meeting.objects.filter(pk=meeting.pk).update(title=f"K {evil}", description=evil, place=evil)
    AgendaItem.objects.filter(pk=items[0].pk).update(title=f"A {evil}", description=evil)
    Attendance.objects.create(meeting=meeting, user=coordinator)
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    client = client_for(coordinator)
    client.post(_url("comment_add", pk=meeting.pk), {"item": items[0].pk, "body": f"C {evil}"})
    decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text=f"D {evil}")
    _act(meeting, items[0], coordinator, what=f"T {evil}")
    urls = [
        _url("meeting_detail", pk=meeting.pk),
        _url("print_agenda", pk=meeting.pk),
        _url("print_minutes", pk=meeting.pk),
        _url("decision_log", slug=network.slug),
        _url("network_actions", slug=network.slug),
        _url("my_actions"),
        _url("meeting_list", slug=network.slug) + "?when=all",
        _url("decision_edit", pk=decision.pk),
        _url("index"),
        reverse("portal:home"),
    ]
    for url in urls:
        page = client.get(url, **EN).content.decode()
        assert evil not in page, url
    assert MinutesComment.objects.filter(body=f"C {evil}").exists()


def test_titles_with_line_breaks_are_refused(client_for, coordinator, network, planned):
    data = {"kind": "network", "date": "2030-01-01", "start_time": "10:00", "end_time": "11:00"}
    client = client_for(coordinator)
    client.post(_url("meeting_create", slug=network.slug), data | {"title": "Kokous\r\nBcc: evil@example.com"})
    client.post(_url("meeting_create", slug=network.slug), data | {"title": "Kokous\nSUMMARY:x"})
    assert not Meeting.objects.filter(title__startswith="Kokous").exists()
    client.post(_url("agenda_item_add", pk=planned[0].pk), {"title": "Kohta\r\nX"})
    client.post(_url("agenda_propose", pk=planned[0].pk), {"title": "Kohta\r\nX"})
    assert not AgendaItem.objects.filter(title__startswith="Kohta").exists()


def test_the_calendar_event_cannot_be_broken_out_of(client_for, coordinator, planned):
    meeting = planned[0]
    Meeting.objects.filter(pk=meeting.pk).update(description="x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil")
    body = client_for(coordinator).get(_url("meeting_ics", pk=meeting.pk)).content.decode()
    lines = body.splitlines()
    assert lines.count("BEGIN:VEVENT") == 1 and "SUMMARY:evil" not in lines


def test_posts_need_the_csrf_token(coordinator, planned, held):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    meeting, items = held
    posts = [
        _url("meeting_cancel", pk=planned[0].pk),
        _url("meeting_status", pk=meeting.pk),
        _url("minutes_edit", pk=meeting.pk, item_pk=items[0].pk),
        _url("decision_add", pk=meeting.pk),
        _url("feed_reset"),
        _url("reply", pk=planned[0].pk),
    ]
    for url in posts:
        assert client.post(url, {"reason": "x", "to": "circulate", "confirm": "yes"}).status_code == 403, url
    planned[0].refresh_from_db()
    assert planned[0].status == MeetingStatus.PLANNED


def test_a_representative_without_a_role_sees_no_meeting_records_on_the_goal_page(
    client_for, network, organisation, coordinator, goal
):
    """A member organisation's deputy with no role in the network sees the network's goals (to endorse them),
    but not its meetings: what the meetings recorded about the goal is not theirs to read either."""
    deputy = factories.UserFactory(email="varaedustaja@example.fi")
    network.memberships.filter(organisation=organisation).update(deputy=deputy)
    meeting, items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)
    AgendaItem.objects.filter(pk=items[0].pk).update(goal=goal)
    Invitee.objects.filter(meeting=meeting, user=deputy).delete()
    meeting = services.meeting_mark_held(meeting=meeting, user=coordinator)
    records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Hyväksytty päätös", goal=goal)
    _act(meeting, items[0], coordinator, what="Hyväksytty tehtävä")
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    services.minutes_approve(meeting=meeting, user=coordinator)
    client = client_for(deputy)
    assert client.get(_url("meeting_detail", pk=meeting.pk)).status_code == 404
    page = client.get(reverse("goals:goal_detail", kwargs={"pk": goal.pk})).content.decode()
    assert "Hyväksytty päätös" not in page and "Hyväksytty tehtävä" not in page
    # once invited to the meeting, they read its approved minutes, and so its records on the goal page
    Invitee.objects.create(meeting=meeting, user=deputy)
    page = client.get(reverse("goals:goal_detail", kwargs={"pk": goal.pk})).content.decode()
    assert "Hyväksytty päätös" in page and "Hyväksytty tehtävä" in page
    # the network's people read them all
    page = client_for(coordinator).get(reverse("goals:goal_detail", kwargs={"pk": goal.pk})).content.decode()
    assert "Hyväksytty päätös" in page


def test_replies_answers_and_status_changes_only_by_those_concerned(
    client_for, network, coordinator, member, observer, held, planned
):
    ahead = planned[0]
    Invitee.objects.filter(meeting=ahead, user=observer).delete()
    assert client_for(observer).post(_url("reply", pk=ahead.pk), {"answer": "yes"}).status_code == 403
    assert not Invitee.objects.filter(meeting=ahead, user=observer).exists()
    poll = TimePoll.objects.create(network=network, title="Kysely", organiser=coordinator)
    start = timezone.now() + datetime.timedelta(days=3)
    slot = TimeSlot.objects.create(poll=poll, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    assert client_for(observer).post(_url("poll_answer", pk=poll.pk), {f"slot_{slot.pk}": "yes"}).status_code == 403
    assert client_for(member).post(_url("poll_close", pk=poll.pk), {"confirm": "yes"}).status_code == 403
    assert not SlotAnswer.objects.exists() and TimePoll.objects.get(pk=poll.pk).is_open
    meeting, items = held
    action = _act(meeting, items[0], coordinator, member)
    assert client_for(observer).post(_url("action_status", pk=action.pk), {"status": "done"}).status_code == 403
    assert ActionItem.objects.get(pk=action.pk).status == "open"
