"""Invitations and replies: the invitations page (invite more, take one off with a
confirmation), replying, the viewer's own ``.ics`` and the meeting page's invitations partial."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from networks.meetings import services
from networks.meetings.models import Invitee, MeetingStatus
from networks.meetings.selectors.pages import meeting_page
from tests import factories
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db(transaction=False)
EN = {"accept-language": "en"}


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation):
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    return services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Syystapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )


@pytest.fixture
def newcomer(network):
    """A member of the network who works for no invited organisation."""
    user = factories.UserFactory(email="uusi@example.fi", first_name="Uusi", last_name="Jäsen")
    factories.NetworkRoleFactory(network=network, user=user, role="member")
    return user


def _url(name, meeting, **kwargs):
    return reverse(f"meetings:{name}", kwargs={"pk": meeting.pk, **kwargs})


def test_the_invitations_page_lists_replies_and_invites_more(
    client_for, meeting, coordinator, member, newcomer, django_capture_on_commit_callbacks
):
    services.reply(meeting=meeting, user=member, answer="yes")
    client = client_for(coordinator)
    page = client.get(_url("invitations", meeting), headers=EN).content.decode()
    assert "Coming: 1. Maybe: 0. Not coming: 0. Not replied: 2." in page
    assert member.get_full_name() in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("invitations", meeting), {"people": [newcomer.pk]}, headers=EN)
    assert response.status_code == 302
    assert Invitee.objects.filter(meeting=meeting, user=newcomer).exists()
    assert [message.to for message in mail.outbox] == [[newcomer.email]]
    # someone already invited is not offered again
    assert f'value="{newcomer.pk}"' not in client.get(_url("invitations", meeting)).content.decode()


def test_inviting_nobody_or_an_outsider_is_refused_on_the_form(client_for, meeting, coordinator, outsider):
    client = client_for(coordinator)
    response = client.post(_url("invitations", meeting), {}, headers=EN)
    assert response.status_code == 200
    assert "Choose the organisations or people to invite." in response.content.decode()
    response = client.post(_url("invitations", meeting), {"people": [outsider.pk]}, headers=EN)
    assert response.status_code == 200
    assert not Invitee.objects.filter(user=outsider).exists()


def test_invitations_are_managed_by_the_organiser_and_coordinators_only(
    client_for, meeting, member, observer, outsider
):
    assert client_for(member).get(_url("invitations", meeting)).status_code == 403
    assert client_for(observer).get(_url("invitations", meeting)).status_code == 403
    assert client_for(outsider).get(_url("invitations", meeting)).status_code == 404


def test_removing_an_invitee_asks_first_and_sends_a_cancellation(
    client_for, meeting, coordinator, member, django_capture_on_commit_callbacks
):
    invitee = Invitee.objects.get(meeting=meeting, user=member)
    client = client_for(coordinator)
    url = _url("invitee_remove", meeting, invitee_pk=invitee.pk)
    assert member.get_full_name() in client.get(url).content.decode()
    client.post(url, {})
    assert Invitee.objects.filter(pk=invitee.pk).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not Invitee.objects.filter(pk=invitee.pk).exists()
    assert [message.to for message in mail.outbox] == [[member.email]]
    calendar = icalendar.Calendar.from_ical(mail.outbox[0].attachments[0][1])
    assert calendar["METHOD"] == "CANCEL"
    assert client.get(url).status_code == 404


def test_an_invitee_of_another_meeting_is_not_found(client_for, meeting, network, coordinator, member):
    other = factories.MeetingFactory(network=network, organiser=coordinator)
    foreign = Invitee.objects.create(meeting=other, user=member)
    assert client_for(coordinator).get(_url("invitee_remove", meeting, invitee_pk=foreign.pk)).status_code == 404


def test_invitations_of_a_held_meeting_cannot_change(client_for, meeting, coordinator, member, newcomer):
    meeting.status = MeetingStatus.HELD
    meeting.save()
    client = client_for(coordinator)
    page = client.get(_url("invitations", meeting), headers=EN).content.decode()
    assert "cannot be changed" in page
    client.post(_url("invitations", meeting), {"people": [newcomer.pk]})
    assert not Invitee.objects.filter(user=newcomer).exists()
    invitee = Invitee.objects.get(meeting=meeting, user=member)
    assert client.post(_url("invitee_remove", meeting, invitee_pk=invitee.pk), {"confirm": "yes"}).status_code == 302
    assert Invitee.objects.filter(pk=invitee.pk).exists()


def test_replying(client_for, meeting, member, newcomer, outsider):
    client = client_for(member)
    response = client.post(_url("reply", meeting), {"answer": "maybe"})
    assert response.status_code == 302
    assert response["Location"].endswith("#invitations")
    assert Invitee.objects.get(meeting=meeting, user=member).reply == "maybe"
    client.post(_url("reply", meeting), {"answer": "bogus"})
    assert Invitee.objects.get(meeting=meeting, user=member).reply == "maybe"
    assert client.get(_url("reply", meeting)).status_code == 405
    assert client_for(newcomer).post(_url("reply", meeting), {"answer": "yes"}).status_code == 403
    assert client_for(outsider).post(_url("reply", meeting), {"answer": "yes"}).status_code == 404


def test_replies_close_when_the_meeting_is_cancelled(client_for, meeting, coordinator, member):
    services.meeting_cancel(meeting=meeting, user=coordinator, reason="Sairastumisia")
    assert client_for(member).post(_url("reply", meeting), {"answer": "yes"}).status_code == 403


def test_the_viewers_own_ics(client_for, meeting, member, outsider, client):
    response = client_for(member).get(_url("meeting_ics", meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    (event,) = calendar.walk("VEVENT")
    for prop in ("UID", "DTSTAMP", "DTSTART"):
        assert prop in event
    assert str(event["UID"]) == f"{meeting.uid}@verkosto"
    assert str(event["ATTENDEE"]) == f"mailto:{member.email}"
    assert client_for(outsider).get(_url("meeting_ics", meeting)).status_code == 404
    client.logout()
    assert client.get(_url("meeting_ics", meeting)).status_code == 302


def test_a_cancelled_meetings_ics_is_a_cancellation(client_for, meeting, coordinator, member):
    services.meeting_cancel(meeting=meeting, user=coordinator, reason="Sairastumisia")
    calendar = icalendar.Calendar.from_ical(client_for(member).get(_url("meeting_ics", meeting)).content)
    assert calendar["METHOD"] == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def _render_partial(meeting, user, may):
    with translation.override("en"):
        return render_to_string(
            "networks/meetings/includes/invitations.html",
            {"meeting": meeting, "access": meeting.access(user), "may": may},
        )


def test_the_partial_shows_counts_the_own_reply_form_and_makes_no_queries(meeting, member, coordinator):
    services.reply(meeting=meeting, user=member, answer="no")
    loaded = meeting_page().get(pk=meeting.pk)
    with CaptureQueriesContext(connection) as queries:
        html = _render_partial(loaded, member, {"reply": True, "manage": False})
    assert len(queries) == 0, [query["sql"] for query in queries]
    assert "1 not coming" in html and "2 not replied" in html
    assert "Your reply: No." in html
    assert reverse("meetings:reply", kwargs={"pk": meeting.pk}) in html
    assert reverse("meetings:meeting_ics", kwargs={"pk": meeting.pk}) in html
    assert reverse("meetings:invitations", kwargs={"pk": meeting.pk}) not in html
    html = _render_partial(loaded, coordinator, {"reply": True, "manage": True})
    assert reverse("meetings:invitations", kwargs={"pk": meeting.pk}) in html


def test_invitations_page_budget(client_for, meeting, network, coordinator, organisation):
    def grow():
        users = factories.UserFactory.create_batch(40)
        for user in users:
            factories.NetworkRoleFactory(network=network, user=user, role="member")
            factories.AffiliationFactory(user=user, organisation=organisation)
        Invitee.objects.bulk_create(
            Invitee(meeting=meeting, user=user, organisation=organisation, reply="yes") for user in users[:30]
        )

    # session, user, MFA check, the meeting (+ network, organiser), invitees (+ person, organisation), invited
    # organisations, and the form's two choice lists (organisations, people)
    assert_budget(client_for(coordinator), _url("invitations", meeting), budget=9, grow=grow)
