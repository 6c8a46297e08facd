"""The meeting pages: the person's meetings, a network's list and month calendar, the
meeting's page, creating, editing and cancelling a meeting."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networks.meetings import services
from networks.meetings.access import MEETING_PAGE
from networks.meetings.models import Invitee, Meeting, MeetingKind, MeetingStatus
from tests import factories

pytestmark = pytest.mark.django_db

EN = {"accept-language": "en"}


def _start(days=10, hour=9):
    return (timezone.localtime() + datetime.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation, django_capture_on_commit_callbacks):
    """The matrix meeting: organised and chaired by the coordinator, the cast organisation invited."""
    start = _start()
    with django_capture_on_commit_callbacks(execute=True):
        return services.meeting_create(
            network=network,
            user=coordinator,
            data={
                "title": "Syystapaaminen",
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=2),
                "place": "Kirjasto",
                "chair": coordinator,
            },
            organisations=[organisation],
        )


def _form(**overrides):
    day = _start(days=20).date()
    data = {
        "kind": MeetingKind.NETWORK,
        "title": "Kevään verkostotapaaminen",
        "description": "Yhteinen suunnittelu",
        "date": day.isoformat(),
        "start_time": "13:00",
        "end_time": "15:30",
        "place": "Jyväskylän kaupunginkirjasto",
        "online_link": "",
        "chair": "",
    }
    return data | overrides


# --- the lists ----------------------------------------------------------------------------------------------


def test_the_index_lists_the_persons_meetings_ahead_and_networks(client_for, meeting, member, network, other_network):
    past = factories.MeetingFactory(
        network=network,
        title="Mennyt tapaaminen",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3) + datetime.timedelta(hours=1),
    )
    hidden = factories.MeetingFactory(network=other_network, title="Toisen verkoston tapaaminen")
    response = client_for(member).get(reverse("meetings:index"), headers=EN)
    assert response.status_code == 200
    content = response.content.decode()
    assert meeting.title in content
    assert "Not answered" in content
    assert past.title not in content
    assert hidden.title not in content
    assert reverse("meetings:meeting_list", kwargs={"slug": network.slug}) in content


def test_the_index_has_an_empty_state(client_for, outsider):
    response = client_for(outsider).get(reverse("meetings:index"), headers=EN)
    assert "No meetings ahead" in response.content.decode()


def test_the_list_filters_upcoming_past_kind_and_status(client_for, network, coordinator, observer, meeting):
    now = timezone.now()
    past = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        title="Mennyt ohjausryhmä",
        kind=MeetingKind.STEERING,
        status=MeetingStatus.MINUTES_APPROVED,
        starts_at=now - datetime.timedelta(days=30),
        ends_at=now - datetime.timedelta(days=30) + datetime.timedelta(hours=1),
    )
    factories.AgendaItemFactory.create_batch(3, meeting=past)
    url = reverse("meetings:meeting_list", kwargs={"slug": network.slug})
    client = client_for(observer)
    upcoming = client.get(url, headers=EN).content.decode()
    assert meeting.title in upcoming and past.title not in upcoming
    assert reverse("meetings:calendar", kwargs={"slug": network.slug}) in upcoming
    assert "New meeting" not in upcoming  # observers do not organise
    past_page = client.get(url, {"when": "past"}, headers=EN).content.decode()
    assert past.title in past_page and meeting.title not in past_page
    assert client.get(url, {"when": "all", "kind": "steering"}).content.decode().count("Mennyt ohjausryhmä") == 1
    assert meeting.title not in client.get(url, {"when": "all", "status": "minutes_approved"}).content.decode()
    nothing = client.get(url, {"when": "all", "kind": "workshop"}, headers=EN).content.decode()
    assert "No meetings match these filters" in nothing
    # A nonsense filter is ignored, never an error page.
    assert client.get(url, {"when": "soon", "kind": "x", "page": "abc"}).status_code == 200


def test_the_list_offers_new_meeting_to_members(client_for, network, member):
    content = client_for(member).get(reverse("meetings:meeting_list", kwargs={"slug": network.slug}), headers=EN)
    assert reverse("meetings:meeting_create", kwargs={"slug": network.slug}) in content.content.decode()
    assert "No meetings are planned." in content.content.decode()


def test_the_list_is_paginated(client_for, network, coordinator):
    start = _start()
    Meeting.objects.bulk_create(
        Meeting(network=network, title=f"Tapaaminen {n}", starts_at=start, ends_at=start + datetime.timedelta(hours=1))
        for n in range(55)
    )
    url = reverse("meetings:meeting_list", kwargs={"slug": network.slug})
    response = client_for(coordinator).get(url)
    assert len(response.context["page_obj"].object_list) == 50
    assert response.context["page_obj"].paginator.num_pages == 2
    assert len(client_for(coordinator).get(url, {"page": 2}).context["page_obj"].object_list) == 5


def test_the_calendar_is_a_month_table_monday_first_in_helsinki_time(client_for, network, member):
    # 23:30 UTC on 31 March is 02:30 on 1 April in Helsinki (EEST): the meeting is on April's first day.
    starts = datetime.datetime(2027, 3, 31, 23, 30, tzinfo=datetime.UTC)
    late = factories.MeetingFactory(
        network=network, title="Yötapaaminen", starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )
    url = reverse("meetings:calendar", kwargs={"slug": network.slug})
    response = client_for(member).get(url, {"month": "2027-04"}, headers=EN)
    assert response.status_code == 200
    weeks = response.context["weeks"]
    assert weeks[0][0].date == datetime.date(2027, 3, 29)  # a Monday
    assert all(day.date.weekday() == index for week in weeks for index, day in enumerate(week))
    first = next(day for week in weeks for day in week if day.date == datetime.date(2027, 4, 1))
    assert first.meetings == [late]
    content = response.content.decode()
    assert "<caption" in content and "April 2027" in content
    assert "2:30" in content and late.title in content
    assert "?month=2027-03" in content and "?month=2027-05" in content
    assert '<th scope="col"><abbr title="Monday">' in content
    # Another month does not show it; a malformed month is this month.
    assert late.title not in client_for(member).get(url, {"month": "2027-02"}).content.decode()
    assert client_for(member).get(url, {"month": "2027-13"}).context["month"] == timezone.localdate().replace(day=1)
    assert client_for(member).get(url, {"month": "x"}).status_code == 200


def test_the_year_boundary_of_the_month_links(client_for, network, member):
    url = reverse("meetings:calendar", kwargs={"slug": network.slug})
    content = client_for(member).get(url, {"month": "2027-01"}).content.decode()
    assert "?month=2026-12" in content and "?month=2027-02" in content


# --- creating a meeting ----------------------------------------------------------------------------------------


def test_a_member_creates_a_meeting_with_invitations(
    client_for, network, member, coordinator, observer, organisation, django_capture_on_commit_callbacks
):
    url = reverse("meetings:meeting_create", kwargs={"slug": network.slug})
    client = client_for(member)
    page = client.get(url, headers=EN)
    assert page.status_code == 200
    assert organisation.name in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _form(organisations=[organisation.pk], chair=coordinator.pk))
    meeting = Meeting.objects.get(title="Kevään verkostotapaaminen")
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    assert meeting.organiser == member and meeting.chair == coordinator
    local = timezone.localtime(meeting.starts_at)
    assert (local.hour, local.minute, timezone.localtime(meeting.ends_at).hour) == (13, 0, 15)
    assert str(local.tzinfo) == "Europe/Helsinki"
    assert set(Invitee.objects.filter(meeting=meeting).values_list("user_id", flat=True)) == {
        coordinator.pk,
        member.pk,
        observer.pk,
    }
    assert len(mail.outbox) == 3


def test_creating_invites_named_people(client_for, network, coordinator, observer):
    client_for(coordinator).post(
        reverse("meetings:meeting_create", kwargs={"slug": network.slug}), _form(people=[observer.pk])
    )
    meeting = Meeting.objects.get(title="Kevään verkostotapaaminen")
    assert list(meeting.invitees.values_list("user_id", flat=True)) == [observer.pk]


def test_a_bad_form_keeps_the_input(client_for, network, coordinator):
    response = client_for(coordinator).post(
        reverse("meetings:meeting_create", kwargs={"slug": network.slug}),
        _form(start_time="15:00", end_time="14:00"),
        headers=EN,
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The meeting must end after it starts." in content
    assert 'value="Kevään verkostotapaaminen"' in content
    assert not Meeting.objects.exists()


def test_only_the_networks_people_can_be_invited(client_for, network, coordinator, outsider):
    response = client_for(coordinator).post(
        reverse("meetings:meeting_create", kwargs={"slug": network.slug}), _form(people=[outsider.pk])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["people"]
    assert not Meeting.objects.exists()


def test_observers_and_outsiders_cannot_create(client_for, network, observer, outsider):
    url = reverse("meetings:meeting_create", kwargs={"slug": network.slug})
    assert client_for(observer).get(url).status_code == 403
    assert client_for(observer).post(url, _form()).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    assert not Meeting.objects.exists()


# --- the meeting's page -------------------------------------------------------------------------------------------


def test_the_meeting_page_shows_the_details_and_the_managers_buttons(client_for, meeting, coordinator, observer):
    url = reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    content = client_for(coordinator).get(url, headers=EN).content.decode()
    assert meeting.title in content and "Kirjasto" in content
    assert reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}) in content
    assert reverse("meetings:meeting_cancel", kwargs={"pk": meeting.pk}) in content
    assert reverse("meetings:print_agenda", kwargs={"pk": meeting.pk}) in content
    assert "Mark as held" not in content  # it has not started yet
    response = client_for(observer).get(url, headers=EN)
    assert response.context["may"]["manage"] is False
    content = response.content.decode()
    assert reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}) not in content
    assert reverse("meetings:meeting_cancel", kwargs={"pk": meeting.pk}) not in content


def test_the_meeting_page_gives_the_partials_their_context(client_for, meeting, member, admin_user):
    response = client_for(member).get(reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}))
    may = response.context["may"]
    assert set(may) == set(MEETING_PAGE)
    assert {action for action, allowed in may.items() if allowed} == {"reply", "propose"}
    assert response.context["access"].invitee.user == member
    templates = {template.name for template in response.templates}
    for part in ("invitations", "agenda", "attendance", "comments"):
        assert f"networks/meetings/includes/{part}.html" in templates
    # An administrator may do whatever the planned meeting's state allows (not reply: not invited).
    admin = client_for(admin_user).get(reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}))
    granted = {action for action, allowed in admin.context["may"].items() if allowed}
    assert granted == {"manage", "edit", "cancel", "edit_agenda", "propose", "read_minutes", "approve"}


def test_an_invitee_from_outside_the_network_does_not_see_the_meeting(client_for, meeting, outsider):
    """An invitation alone grants nothing: without a role in the network the meeting is not found."""
    url = reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    assert client_for(outsider).get(url).status_code == 404
    Invitee.objects.create(meeting=meeting, user=outsider)
    assert client_for(outsider).get(url).status_code == 404


# --- editing ------------------------------------------------------------------------------------------------------


def _edit_form(client, meeting, **overrides):
    """The edit form as the page gives it, with ``overrides``."""
    form = client.get(reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk})).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: ("" if value is None else value) for name, value in data.items()}
    for name in ("date", "start_time", "end_time"):
        if name in data and not isinstance(data[name], str):
            data[name] = data[name].isoformat()[:5] if name != "date" else data[name].isoformat()
    return data | overrides


def test_editing_the_description_sends_no_update(client_for, meeting, coordinator, django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}),
            _edit_form(client, meeting, description="Uusi kuvaus"),
        )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.description == "Uusi kuvaus" and meeting.sequence == 0
    assert mail.outbox == []


def test_editing_the_time_sends_an_update(client_for, meeting, coordinator, django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}),
            _edit_form(client, meeting, start_time="10:00", end_time="12:00"),
            headers=EN,
            follow=True,
        )
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).hour == 10 and meeting.sequence == 1
    assert len(mail.outbox) == 3
    assert "calendars updated" in response.content.decode()


def test_editing_the_place_sends_an_update(client_for, meeting, coordinator, django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}), _edit_form(client, meeting, place="Lounge")
        )
    meeting.refresh_from_db()
    assert meeting.place == "Lounge" and meeting.sequence == 1 and len(mail.outbox) == 3


def test_a_stale_edit_form_is_refused_and_keeps_the_input(client_for, meeting, coordinator):
    client = client_for(coordinator)
    data = _edit_form(client, meeting, title="Minun otsikkoni")
    services.meeting_update(meeting=meeting, user=coordinator, data={"description": "Joku muu ehti"})
    response = client.post(reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}), data, headers=EN)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else changed the meeting" in content
    assert 'value="Minun otsikkoni"' in content
    meeting.refresh_from_db()
    assert meeting.title == "Syystapaaminen"
    # The form now carries the current version: saving again goes through.
    again = response.context["form"].data
    assert client.post(reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}), again).status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Minun otsikkoni"


def test_a_held_meeting_keeps_its_time(client_for, meeting, coordinator):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    client = client_for(coordinator)
    form = client.get(reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk})).context["form"]
    assert "date" not in form.fields and "place" not in form.fields
    response = client.post(reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk}), _edit_form(client, meeting))
    assert response.status_code == 302


def test_members_cannot_edit_and_cancelled_meetings_are_not_edited(client_for, meeting, member, coordinator):
    url = reverse("meetings:meeting_edit", kwargs={"pk": meeting.pk})
    assert client_for(member).get(url).status_code == 403
    services.meeting_cancel(meeting=meeting, user=coordinator, reason="Ei osallistujia")
    response = client_for(coordinator).get(url)
    assert response.status_code == 302


# --- cancelling ------------------------------------------------------------------------------------------------------


def test_cancelling_needs_a_reason_and_tells_the_invitees(
    client_for, meeting, coordinator, django_capture_on_commit_callbacks
):
    url = reverse("meetings:meeting_cancel", kwargs={"pk": meeting.pk})
    client = client_for(coordinator)
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "   "}, headers=EN)
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Liian vähän osallistujia"}, headers=EN, follow=True)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.cancel_reason == "Liian vähän osallistujia"
    assert len(mail.outbox) == 3
    content = response.content.decode()
    assert "Liian vähän osallistujia" in content and "The meeting has been cancelled" in content
    # Once cancelled: no second cancellation.
    assert client.get(url).status_code == 302


def test_observers_and_members_cannot_cancel(client_for, meeting, observer, member):
    url = reverse("meetings:meeting_cancel", kwargs={"pk": meeting.pk})
    for person in (observer, member):
        assert client_for(person).post(url, {"reason": "Ei"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
