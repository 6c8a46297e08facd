"""Finding a time: creating a poll with its times through the page, answering, picking the time
(the meeting is created with the poll's people invited) and closing; who may do what."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networks.meetings import polls as services
from networks.meetings.models import Invitee, Meeting, SlotAnswer, TimePoll
from portal.lib.errors import DomainError

pytestmark = pytest.mark.django_db(transaction=False)
EN = {"accept-language": "en"}


def _day(days=14):
    return timezone.localdate() + datetime.timedelta(days=days)


def _slot(days, hour=9, hours=2):
    start = timezone.make_aware(datetime.datetime.combine(_day(days), datetime.time(hour)))
    return start, start + datetime.timedelta(hours=hours)


@pytest.fixture
def poll(network, coordinator, member, observer, organisation):
    return services.poll_create(
        network=network,
        user=coordinator,
        data={"title": "Kevään verkostotapaaminen", "place": "Kirjasto"},
        slots=[_slot(14), _slot(15, 13), _slot(16)],
        organisations=[organisation],
    )


def _form_data(**overrides):
    data = {
        "kind": "network",
        "title": "Syksyn tapaaminen",
        "description": "",
        "place": "Jyväskylä",
        "online_link": "",
        "slots-TOTAL_FORMS": "5",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "10",
        "slots-0-date": _day(20).isoformat(),
        "slots-0-start": "09:00",
        "slots-0-end": "11:00",
        "slots-1-date": _day(21).isoformat(),
        "slots-1-start": "13:00",
        "slots-1-end": "15:00",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_poll_invites_the_organisations_people_and_the_organiser(poll, coordinator, member, observer):
    assert set(poll.invitees.all()) == {coordinator, member, observer}
    assert poll.slots.count() == 3
    assert poll.is_open


def test_poll_create_refuses_too_few_or_backwards_times(network, coordinator):
    with pytest.raises(DomainError):
        services.poll_create(network=network, user=coordinator, data={"title": "x"}, slots=[_slot(3)])
    start, end = _slot(3)
    with pytest.raises(DomainError):
        services.poll_create(network=network, user=coordinator, data={"title": "x"}, slots=[(end, start), _slot(4)])


def test_poll_create_refuses_people_of_other_networks(network, coordinator, outsider):
    with pytest.raises(DomainError):
        services.poll_create(
            network=network, user=coordinator, data={"title": "x"}, slots=[_slot(3), _slot(4)], people=[outsider]
        )


def test_creating_a_poll_through_the_page_in_helsinki_time(client_for, network, member, observer):
    client = client_for(member)
    url = reverse("meetings:poll_create", kwargs={"slug": network.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, _form_data(people=[str(observer.pk)]))
    poll = TimePoll.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:poll_detail", kwargs={"pk": poll.pk})
    first = poll.slots.order_by("starts_at").first()
    assert timezone.localtime(first.starts_at).hour == 9
    assert timezone.localtime(first.starts_at).date() == _day(20)
    assert set(poll.invitees.all()) == {member, observer}


def test_the_create_form_keeps_input_and_says_what_is_wrong(client_for, network, member):
    client = client_for(member)
    url = reverse("meetings:poll_create", kwargs={"slug": network.slug})
    response = client.post(url, _form_data(**{"slots-1-date": "", "slots-1-start": "", "slots-1-end": ""}), headers=EN)
    assert response.status_code == 200
    assert "Propose at least 2 times." in response.content.decode()
    assert "Syksyn tapaaminen" in response.content.decode()
    response = client.post(url, _form_data(**{"slots-1-end": "12:00"}), headers=EN)
    assert "The time must end after it starts." in response.content.decode()
    past = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    response = client.post(url, _form_data(**{"slots-1-date": past}), headers=EN)
    assert "Propose only times in the future." in response.content.decode()
    assert not TimePoll.objects.exists()


def test_observers_cannot_create_polls_and_outsiders_do_not_see_the_network(client_for, network, observer, outsider):
    url = reverse("meetings:poll_create", kwargs={"slug": network.slug})
    assert client_for(observer).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 404


def test_answering_shows_in_the_table_and_replaces_the_earlier_answer(client_for, poll, member):
    client = client_for(member)
    slots = list(poll.slots.all())
    url = reverse("meetings:poll_answer", kwargs={"pk": poll.pk})
    data = {f"slot_{slot.pk}": "yes" for slot in slots}
    assert client.post(url, data).status_code == 302
    data[f"slot_{slots[0].pk}"] = "if_need_be"
    client.post(url, data)
    answers = dict(SlotAnswer.objects.filter(user=member).values_list("slot_id", "answer"))
    assert answers == {slots[0].pk: "if_need_be", slots[1].pk: "yes", slots[2].pk: "yes"}
    page = client.get(reverse("meetings:poll_detail", kwargs={"pk": poll.pk}), headers=EN).content.decode()
    assert "If need be" in page
    assert "yes 1, if need be 0, no 0" in page
    assert "Best so far" in page


def test_an_incomplete_answer_is_shown_again_with_the_error(client_for, poll, member):
    slot = poll.slots.first()
    response = client_for(member).post(
        reverse("meetings:poll_answer", kwargs={"pk": poll.pk}), {f"slot_{slot.pk}": "yes"}, headers=EN
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not SlotAnswer.objects.exists()


def test_only_invitees_answer(client_for, poll, network, member, outsider):
    from tests import factories

    stranger = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=stranger, role="member")
    url = reverse("meetings:poll_answer", kwargs={"pk": poll.pk})
    assert client_for(stranger).post(url, {}).status_code == 403
    assert client_for(outsider).post(url, {}).status_code == 404
    with pytest.raises(DomainError):
        services.poll_answer(poll=poll, user=stranger, answers={poll.slots.first().pk: "yes"})
    with pytest.raises(DomainError):
        services.poll_answer(poll=poll, user=member, answers={poll.slots.first().pk: "perhaps"})


def test_picking_creates_the_meeting_invites_everyone_and_closes_the_poll(
    client_for, poll, coordinator, member, observer, organisation, django_capture_on_commit_callbacks
):
    slot = poll.slots.order_by("starts_at").last()
    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:poll_pick", kwargs={"pk": poll.pk}), {"slot": slot.pk, "chair": coordinator.pk}
        )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})
    assert (meeting.starts_at, meeting.ends_at) == (slot.starts_at, slot.ends_at)
    assert (meeting.title, meeting.place, meeting.chair, meeting.organiser) == (
        poll.title,
        "Kirjasto",
        coordinator,
        coordinator,
    )
    assert set(Invitee.objects.filter(meeting=meeting).values_list("user", flat=True)) == {
        coordinator.pk,
        member.pk,
        observer.pk,
    }
    assert list(meeting.invited_organisations.values_list("organisation", flat=True)) == [organisation.pk]
    assert len(mail.outbox) == 3
    poll.refresh_from_db()
    assert poll.meeting == meeting and not poll.is_open
    # closed: no second meeting, no more answers
    assert client.post(reverse("meetings:poll_pick", kwargs={"pk": poll.pk}), {"slot": slot.pk}).status_code == 403
    with pytest.raises(DomainError):
        services.poll_pick(poll=poll, user=coordinator, slot=slot)
    assert client_for(member).post(reverse("meetings:poll_answer", kwargs={"pk": poll.pk}), {}).status_code == 403


def test_members_who_did_not_organise_cannot_pick(client_for, poll, member):
    slot = poll.slots.first()
    assert (
        client_for(member).post(reverse("meetings:poll_pick", kwargs={"pk": poll.pk}), {"slot": slot.pk}).status_code
        == 403
    )
    assert not Meeting.objects.exists()


def test_picking_a_slot_of_another_poll_is_refused(client_for, poll, network, coordinator):
    other = services.poll_create(
        network=network, user=coordinator, data={"title": "Toinen"}, slots=[_slot(30), _slot(31)]
    )
    foreign = other.slots.first()
    response = client_for(coordinator).post(reverse("meetings:poll_pick", kwargs={"pk": poll.pk}), {"slot": foreign.pk})
    assert response.status_code == 400
    assert not Meeting.objects.exists()
    with pytest.raises(DomainError):
        services.poll_pick(poll=poll, user=coordinator, slot=foreign)


def test_closing_asks_for_confirmation(client_for, poll, coordinator):
    client = client_for(coordinator)
    url = reverse("meetings:poll_close", kwargs={"pk": poll.pk})
    assert client.get(url).status_code == 200
    client.post(url, {})
    poll.refresh_from_db()
    assert poll.is_open
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    poll.refresh_from_db()
    assert not poll.is_open and poll.meeting is None
    assert client.get(reverse("meetings:poll_detail", kwargs={"pk": poll.pk})).status_code == 200


def test_the_poll_list_shows_the_networks_polls_and_an_empty_state(client_for, network, observer, poll, outsider):
    client = client_for(observer)
    url = reverse("meetings:poll_list", kwargs={"slug": network.slug})
    page = client.get(url, headers=EN).content.decode()
    assert poll.title in page
    assert "Find a time" not in page  # observers do not organise
    assert client_for(outsider).get(url).status_code == 404
    TimePoll.objects.all().delete()
    assert "No times are being looked for" in client_for(observer).get(url, headers=EN).content.decode()


def test_the_poll_page_shows_forms_by_right(client_for, poll, coordinator, member, observer, outsider):
    url = reverse("meetings:poll_detail", kwargs={"pk": poll.pk})
    member_page = client_for(member).get(url, headers=EN).content.decode()
    assert "Your answers" in member_page and "Pick the time" not in member_page
    coordinator_page = client_for(coordinator).get(url, headers=EN).content.decode()
    assert "Pick the time" in coordinator_page
    assert client_for(outsider).get(url).status_code == 404


def test_the_form_offers_rows_for_up_to_ten_times(client_for, network, member):
    client = client_for(member)
    url = reverse("meetings:poll_create", kwargs={"slug": network.slug})
    assert 'name="slots-4-date"' in client.get(url).content.decode()
    page = client.get(url + "?rows=50").content.decode()
    assert 'name="slots-9-date"' in page and 'name="slots-10-date"' not in page
    response = client.post(url, _form_data(**{"slots-TOTAL_FORMS": "11"}), headers=EN)
    assert response.status_code == 200
    assert not TimePoll.objects.exists()


def test_the_people_asked_are_e_mailed_once_each_but_the_organiser(
    network, organisation, coordinator, member, observer, django_capture_on_commit_callbacks
):

    start = (timezone.localtime() + datetime.timedelta(days=5)).replace(hour=10, minute=0, second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        services.poll_create(
            network=network,
            user=coordinator,
            data={"title": "Kevään suunnittelu"},
            slots=[
                (start, start + datetime.timedelta(hours=1)),
                (start + datetime.timedelta(days=1), start + datetime.timedelta(days=1, hours=1)),
            ],
            organisations=[organisation],
            people=[member],
        )
    assert sorted(message.to[0] for message in mail.outbox) == sorted([member.email, observer.email])
    assert all("Kevään suunnittelu" in message.subject for message in mail.outbox)
