"""The pages of what happened at a meeting: attendance (prefilled with the yes replies), writing
an item's minutes with a preview, comments on the draft, amendments after approval, the partials of the
meeting page (rendered minutes without scripts), and the attendance page's query budget."""

import datetime
import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from networks.meetings import minutes
from networks.meetings import services as meeting_services
from networks.meetings.access import MEETING_PAGE
from networks.meetings.models import Amendment, Attendance, MeetingStatus, MinutesComment
from networks.meetings.selectors.pages import meeting_page
from portal.lib.access import Role
from tests import factories
from tests.querybudget import assert_budget
from tests.stale_edits import version_of

pytestmark = pytest.mark.django_db(transaction=False)
EN = {"headers": {"accept-language": "en"}}


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation):
    """The matrix meeting, started three hours ago and marked as held."""
    start = timezone.now() - datetime.timedelta(hours=3)
    meeting = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        chair=coordinator,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    meeting_services.invite(meeting=meeting, user=coordinator, organisations=[organisation])
    return meeting


@pytest.fixture
def item(meeting):
    return factories.AgendaItemFactory(meeting=meeting, title="Talousarvio", minutes="Alkuperäinen teksti.")


def _status(meeting, status):
    meeting.status = status
    meeting.save()
    return meeting


def _url(name, meeting, item=None):
    kwargs = {"pk": meeting.pk} | ({"item_pk": item.pk} if item is not None else {})
    return reverse(f"meetings:{name}", kwargs=kwargs)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("outsider", 404), ("observer", 403), ("member", 403), ("coordinator", 200), ("admin", 200)],
)
def test_who_records_attendance_and_writes_minutes(cast, client_for, meeting, item, role, expected):
    _status(meeting, MeetingStatus.HELD)
    client = client_for(cast[role])
    assert client.get(_url("attendance", meeting)).status_code == expected
    assert client.get(_url("minutes_edit", meeting, item)).status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("outsider", 404), ("observer", 403), ("member", 403), ("coordinator", 200), ("admin", 200)],
)
def test_who_amends_approved_minutes(cast, client_for, meeting, item, role, expected):
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    assert client_for(cast[role]).get(_url("minutes_amend", meeting, item)).status_code == expected


# --- attendance --------------------------------------------------------------------------------------


def test_attendance_is_prefilled_with_yes_replies_then_with_the_record(client_for, meeting, coordinator, member):
    meeting_services.reply(meeting=meeting, user=member, answer="yes")
    _status(meeting, MeetingStatus.HELD)
    client = client_for(coordinator)
    page = client.get(_url("attendance", meeting), **EN).content.decode()
    boxes = re.findall(r'<input[^>]*name="people"[^>]*>', page)
    checked = {re.search(r'value="(\d+)"', box).group(1) for box in boxes if "checked" in box}
    assert len(boxes) == 3
    assert checked == {str(member.pk)}
    assert "Jyväskylän kansalaisopisto" in page  # the organisation they were invited through
    response = client.post(_url("attendance", meeting), {"people": [member.pk, coordinator.pk]})
    assert response.status_code == 302
    assert set(Attendance.objects.filter(meeting=meeting).values_list("user_id", flat=True)) == {
        member.pk,
        coordinator.pk,
    }
    response = client.post(_url("attendance", meeting), {"people": [coordinator.pk]})
    assert list(Attendance.objects.filter(meeting=meeting).values_list("user_id", flat=True)) == [coordinator.pk]


def test_attendance_refuses_outsiders_and_closed_meetings(client_for, meeting, coordinator, outsider):
    _status(meeting, MeetingStatus.HELD)
    client = client_for(coordinator)
    response = client.post(_url("attendance", meeting), {"people": [outsider.pk]}, **EN)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    response = client.post(_url("attendance", meeting), {"people": [coordinator.pk]}, **EN)
    assert response.status_code == 200
    assert not Attendance.objects.exists()


# --- minutes -----------------------------------------------------------------------------------------


def test_writing_minutes_with_a_preview(client_for, meeting, item, coordinator):
    _status(meeting, MeetingStatus.HELD)
    client = client_for(coordinator)
    text = "**Päätös** tehtiin <script>alert(1)</script>"
    response = client.post(_url("minutes_edit", meeting, item), {"minutes": text, "preview": "1", **version_of(item)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Päätös</strong>" in html and "<script>alert(1)" not in html
    item.refresh_from_db()
    assert item.minutes == "Alkuperäinen teksti."
    response = client.post(
        _url("minutes_edit", meeting, item), {"minutes": text, "unfinished": "on", "save": "1", **version_of(item)}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.minutes, item.unfinished) == (text, True)


def test_editing_minutes_after_approval_is_refused_on_the_page(client_for, meeting, item, coordinator):
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    response = client_for(coordinator).post(_url("minutes_edit", meeting, item), {"minutes": "Salaa"}, **EN)
    assert response.status_code == 200
    assert "amendment" in response.content.decode()
    item.refresh_from_db()
    assert item.minutes == "Alkuperäinen teksti."


def test_an_amendment_through_the_page(client_for, meeting, item, coordinator):
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    client = client_for(coordinator)
    response = client.post(
        _url("minutes_amend", meeting, item), {"minutes": "Korjattu.", "reason": "", **version_of(item)}, **EN
    )
    assert response.status_code == 200
    assert "Korjattu." in response.content.decode()  # the input is kept
    response = client.post(
        _url("minutes_amend", meeting, item), {"minutes": "Korjattu.", "reason": "Kirjoitusvirhe", **version_of(item)}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.minutes == "Korjattu."
    assert Amendment.objects.get().before == "Alkuperäinen teksti."


def test_amending_before_approval_is_forbidden(client_for, meeting, item, coordinator):
    _status(meeting, MeetingStatus.MINUTES_DRAFT)
    assert client_for(coordinator).get(_url("minutes_amend", meeting, item)).status_code == 403


# --- comments ----------------------------------------------------------------------------------------


def test_attendees_comment_on_the_draft(client_for, meeting, item, coordinator, member, observer):
    _status(meeting, MeetingStatus.HELD)
    meeting_services.attendance_set(meeting=meeting, user=coordinator, people=[member])
    _status(meeting, MeetingStatus.MINUTES_DRAFT)
    assert client_for(member).get(_url("comment_add", meeting)).status_code == 405
    response = client_for(member).post(_url("comment_add", meeting), {"body": "Summa korjattava", "item": item.pk})
    assert response.status_code == 302
    assert MinutesComment.objects.get().item == item
    response = client_for(member).post(_url("comment_add", meeting), {"body": "  "}, **EN)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert client_for(observer).post(_url("comment_add", meeting), {"body": "Hei"}).status_code == 403
    assert MinutesComment.objects.count() == 1


# --- the meeting page's partials ------------------------------------------------------------------------


def _render_partials(meeting_id, user):
    meeting = meeting_page().get(pk=meeting_id)
    access = meeting.access(user)
    may = access.rights(*MEETING_PAGE)
    request = RequestFactory().get("/")
    request.user = user
    context = {"meeting": meeting, "access": access, "may": may, "request": request}
    return "".join(
        render_to_string(f"networks/meetings/includes/{name}.html", context, request=request)
        for name in ("agenda", "attendance", "comments")
    )


def test_the_partials_show_rendered_minutes_without_scripts(meeting, item, coordinator, member):
    """CommonMark (html=False) shows raw HTML as text: the attack is visible as harmless text, never markup
    (Python-Markdown passed it to the cleaner, which removed it)."""
    _status(meeting, MeetingStatus.HELD)
    text = '# Käsittely\n\n<img src=x onerror="alert(1)"> [linkki](javascript:alert(1)) **tärkeä**'
    minutes.minutes_write(item=item, user=coordinator, text=text)
    meeting_services.attendance_set(meeting=meeting, user=coordinator, people=[member])
    _status(meeting, MeetingStatus.MINUTES_DRAFT)
    MinutesComment.objects.create(meeting=meeting, item=item, author=member, body="Kommentti <b>x</b>")
    html = _render_partials(meeting.pk, member)
    assert "<h3>Käsittely</h3>" in html and "<strong>tärkeä</strong>" in html
    assert "<img" not in html and not re.search(r"<[^>]*\son\w+\s*=", html)
    assert 'href="javascript:' not in html
    assert "Kommentti &lt;b&gt;x&lt;/b&gt;" in html
    assert f'action="/meetings/{meeting.pk}/comments/"' in html


def test_members_who_did_not_attend_do_not_see_draft_minutes(meeting, item, coordinator, observer):
    _status(meeting, MeetingStatus.MINUTES_DRAFT)
    html = _render_partials(meeting.pk, observer)
    assert "Alkuperäinen teksti." not in html


def test_the_partials_list_amendments_after_approval(meeting, item, coordinator, observer):
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    Amendment.objects.create(
        meeting=meeting, item=item, before="Vanha", after="Uusi", reason="Korjaus", made_by=coordinator
    )
    html = _render_partials(meeting.pk, observer)
    assert "Korjaus" in html and "Vanha" in html and "Alkuperäinen teksti." in html


def test_the_attendance_page_has_a_query_budget(client_for, network, meeting, coordinator, organisation):
    _status(meeting, MeetingStatus.HELD)

    def add(n):
        for _number in range(n):
            person = factories.UserFactory()
            factories.AffiliationFactory(user=person, organisation=organisation)
            factories.NetworkRoleFactory(network=network, user=person, role=Role.MEMBER)
            meeting.invitees.create(user=person, organisation=organisation, reply="yes")
            outside_org = factories.UserFactory()
            factories.NetworkRoleFactory(network=network, user=outside_org, role=Role.OBSERVER)

    add(3)
    # session, user, meeting + network, role (access), people, invitees' organisations, people's member
    # organisations (2), attendance recorded so far (or the yes replies)
    assert_budget(client_for(coordinator), _url("attendance", meeting), budget=10, grow=lambda: add(27))


def test_the_partials_make_no_queries_per_item(meeting, coordinator, member, goal):
    """The meeting page's agenda, attendance and comments run on what meeting_page() prefetched: the same
    number of queries for 3 items as for 30, each with minutes, a comment and an amendment."""
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    meeting.attendances.create(user=member)

    def add(n):
        for _number in range(n):
            source = factories.AgendaItemFactory(meeting=meeting, minutes="Vanha", unfinished=True)
            item = factories.AgendaItemFactory(
                meeting=meeting, presenter=member, goal=goal, source_item=source, minutes="**Uusi**"
            )
            MinutesComment.objects.create(meeting=meeting, item=item, author=member, body="Kommentti")
            Amendment.objects.create(meeting=meeting, item=item, before="a", after="b", reason="c", made_by=coordinator)

    def count():
        with CaptureQueriesContext(connection) as queries:
            _render_partials(meeting.pk, coordinator)
        return len(queries)

    add(3)
    small = count()
    add(27)
    assert count() == small
