"""A second pair of eyes on meetings: what pages give away and take in. Draft minutes leaking to those who did
not attend; calendar feeds with the wrong token; open redirects; script in what people write; line breaks in
titles; CSRF; a representative without a role reading meeting records on a goal's page."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from networks.meetings import actions as records
from networks.meetings import feeds as meeting_feeds
from networks.meetings import services
from networks.meetings.models import ActionItem, AgendaItem, Attendance, Invitee, Meeting, MeetingStatus, MinutesComment
from tests import factories
from tests.networks.meetings.records_helpers import meeting_that_took_place, record_action
from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db

EN = {"headers": {"accept-language": "en"}}
SECRET = "Salainen luonnos"


def _url(name, **kwargs):
    return reverse(f"meetings:{name}", kwargs=kwargs)


@pytest.fixture
def held(network, coordinator, member, observer, organisation):
    """Our network's held meeting, organised and chaired by the coordinator; the organisation invited."""
    return meeting_that_took_place(network, coordinator, organisation)


@pytest.fixture
def planned(network, coordinator, member, observer, organisation):
    return meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)


# --- draft minutes do not leak ----------------------------------------------------------------------------


@pytest.fixture
def draft(network, coordinator, member, observer, organisation, goal):
    """A meeting with draft minutes the member did not attend (the coordinator did): minutes, a decision
    linked to the goal and an action item owned by the coordinator, all carrying SECRET."""
    meeting, items = meeting_that_took_place(network, coordinator, organisation)
    AgendaItem.objects.filter(pk=items[0].pk).update(minutes=f"{SECRET} pöytäkirjassa", goal=goal)
    Attendance.objects.create(meeting=meeting, user=coordinator)
    records.decision_add(meeting=meeting, item=items[0], user=coordinator, text=f"{SECRET} päätös", goal=goal)
    record_action(meeting, items[0], coordinator, what=f"{SECRET} tehtävä")
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
    action = record_action(meeting, items[0], coordinator)
    client = client_for(coordinator)
    page = client.get(_url("action_status", pk=action.pk), {"next": target}).content.decode()
    assert (target in page) == (expected is not None)
    response = client.post(
        _url("action_status", pk=action.pk), {"status": "done", "next": target, **version_of(action)}
    )
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
            {"minutes": "\n\n".join(MINUTES_ATTACKS), "preview": "1", **version_of(items[0])},
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
    record_action(meeting, items[0], coordinator, what=f"T {evil}")
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
    record_action(meeting, items[0], coordinator, what="Hyväksytty tehtävä")
    meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    services.minutes_approve(meeting=meeting, user=coordinator)
    client = client_for(deputy)
    assert client.get(_url("meeting_detail", pk=meeting.pk)).status_code == 404
    page = client.get(reverse("goals:goal_detail", kwargs={"pk": goal.pk})).content.decode()
    assert "Hyväksytty päätös" not in page and "Hyväksytty tehtävä" not in page
    # an invitation alone grants nothing: still no records of the meeting on the goal page
    Invitee.objects.create(meeting=meeting, user=deputy)
    page = client.get(reverse("goals:goal_detail", kwargs={"pk": goal.pk})).content.decode()
    assert "Hyväksytty päätös" not in page and "Hyväksytty tehtävä" not in page
    # the network's people read them all
    page = client_for(coordinator).get(reverse("goals:goal_detail", kwargs={"pk": goal.pk})).content.decode()
    assert "Hyväksytty päätös" in page
