"""Calendar feeds: the feeds page, resetting the secret, and the personal and network feeds,
read without a session, valid RFC 5545 (parsed with icalendar), never leaking other networks."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from networks.meetings import feeds, services
from networks.meetings.models import CalendarFeed, Invitee, Meeting, MeetingStatus
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
def foreign_meeting(other_network, outsider):
    meeting = factories.MeetingFactory(network=other_network, organiser=outsider, title="Toisen verkoston kokous")
    Invitee.objects.create(meeting=meeting, user=outsider)
    return meeting


def _personal(user):
    return reverse("meetings:personal_feed", kwargs={"token": feeds.feed_for(user).token})


def _network(user, network):
    return reverse("meetings:network_feed", kwargs={"slug": network.slug, "token": feeds.feed_for(user).token})


def _parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    assert calendar["METHOD"] == "PUBLISH"
    for event in calendar.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART"):
            assert prop in event, prop
    return calendar


def _titles(calendar) -> set[str]:
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def test_the_personal_feed_lists_the_meetings_one_is_invited_to_without_a_session(
    client, meeting, network, member, coordinator, foreign_meeting
):
    uninvited = factories.MeetingFactory(network=network, organiser=coordinator, title="Ohjausryhmä")
    client.logout()
    response = client.get(_personal(member))
    calendar = _parse(response)
    assert _titles(calendar) == {meeting.title}
    assert uninvited.title not in _titles(calendar)
    assert "sessionid" not in response.cookies
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{meeting.uid}@verkosto"
    assert event.decoded("DTSTART") == timezone.localtime(meeting.starts_at)


def test_a_cancelled_meeting_stays_in_the_feed_marked_cancelled(client, meeting, coordinator, member):
    services.meeting_cancel(meeting=meeting, user=coordinator, reason="Sairastumisia")
    (event,) = _parse(client.get(_personal(member))).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


def test_the_network_feed_lists_the_networks_meetings_and_nothing_else(
    client, meeting, network, other_network, observer, outsider, foreign_meeting, coordinator
):
    other = factories.MeetingFactory(network=network, organiser=coordinator, title="Ohjausryhmä")
    assert _titles(_parse(client.get(_network(observer, network)))) == {meeting.title, other.title}
    # the outsider's own token does not open a network they have no role in
    assert client.get(_network(outsider, network)).status_code == 404
    assert _titles(_parse(client.get(_network(outsider, other_network)))) == {foreign_meeting.title}
    assert client.get(_network(observer, other_network)).status_code == 404


def test_wrong_and_reset_tokens_are_not_found(client, client_for, meeting, member, network):
    old_personal, old_network = _personal(member), _network(member, network)
    assert client.get(reverse("meetings:personal_feed", kwargs={"token": "arvattu"})).status_code == 404
    assert client.get(reverse("meetings:network_feed", kwargs={"slug": network.slug, "token": "x"})).status_code == 404
    signed_in = client_for(member)
    confirm = signed_in.get(reverse("meetings:feed_reset"))
    assert confirm.status_code == 200
    assert CalendarFeed.objects.get(user=member).token in old_personal  # not reset by looking
    assert signed_in.post(reverse("meetings:feed_reset"), {"confirm": "yes"}).status_code == 302
    signed_in.logout()
    assert client.get(old_personal).status_code == 404
    assert client.get(old_network).status_code == 404
    _parse(client.get(_personal(member)))


def test_a_deactivated_persons_feed_is_gone(client, meeting, member):
    url = _personal(member)
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 404


def test_the_feeds_page_shows_the_addresses(client_for, member, network, other_network):
    page = client_for(member).get(reverse("meetings:calendar_feeds"), headers=EN).content.decode()
    token = CalendarFeed.objects.get(user=member).token
    assert f"/meetings/feed/{token}.ics" in page
    assert f"/meetings/network/{network.slug}/feed/{token}.ics" in page
    assert f"/meetings/network/{other_network.slug}/" not in page
    assert reverse("meetings:feed_reset") in page


def test_the_feeds_page_needs_signing_in(client):
    assert client.get(reverse("meetings:calendar_feeds")).status_code == 302
    assert client.get(reverse("meetings:feed_reset")).status_code == 302
    assert client.post(reverse("meetings:feed_reset"), {"confirm": "yes"}).status_code == 302


def test_the_feed_leaves_out_meetings_of_long_ago(client, meeting, network, coordinator, member):
    old_start = timezone.now() - datetime.timedelta(days=500)
    old = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        starts_at=old_start,
        ends_at=old_start + datetime.timedelta(hours=1),
        status=MeetingStatus.MINUTES_APPROVED,
    )
    Invitee.objects.create(meeting=old, user=member)
    assert old.title not in _titles(_parse(client.get(_personal(member))))


def _grow(network, organiser, invitee, n):
    start = timezone.now().replace(microsecond=0)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            network=network,
            organiser=organiser,
            title=f"Kokous {number}",
            starts_at=start + datetime.timedelta(days=number),
            ends_at=start + datetime.timedelta(days=number, hours=2),
            place="Kirjasto",
        )
        for number in range(n)
    )
    Invitee.objects.bulk_create(Invitee(meeting=meeting, user=invitee) for meeting in meetings)


def test_feed_budgets(client, network, coordinator, member):
    _grow(network, coordinator, member, 20)
    personal, network_url = _personal(member), _network(member, network)
    # The token's owner, the feed's fingerprint, the cache lookup, the meetings with their organisers, and
    # the database cache's write (its size, the key, the row, in a savepoint); once written, the first three.
    assert_budget(client, personal, budget=9, grow=lambda: _grow(network, coordinator, member, 180))
    assert len(_parse(client.get(personal)).walk("VEVENT")) == 200
    assert_budget(client, network_url, budget=10, grow=lambda: _grow(network, coordinator, member, 200))


def test_a_feed_is_kept_until_what_it_lists_changes_and_an_unchanged_one_is_304(client, network, coordinator, member):
    """Calendar programs ask again every few hours: the same feed comes from the cache, with an ETag."""
    token = feeds.feed_for(member).token
    url = reverse("meetings:personal_feed", kwargs={"token": token})
    meeting = factories.MeetingFactory(network=network, organiser=coordinator)
    services.invite(meeting=meeting, user=coordinator, people=[member])
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    again = client.get(url)
    assert (again["ETag"], again.content) == (etag, first.content)
    services.meeting_update(meeting=meeting, user=coordinator, data={"title": "Uusi nimi"})
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert b"Uusi nimi" in changed.content


def test_two_people_whose_feeds_look_alike_each_get_their_own_feed(client, network, coordinator):
    """Calendar feed cache: the cache was keyed by a fingerprint of the meetings (how many, the
    sum of their ids, the latest change) and the display name, so two namesakes invited to different
    meetings with equal counts, id sums and latest change were served each other's feed. Here Aino is invited
    to the first and fourth meeting, her namesake to the second and third (same count, same id sum, same
    latest change): each feed must list only the person's own meetings."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    first, second, third, fourth = (
        factories.MeetingFactory(
            network=network,
            organiser=coordinator,
            title=f"Kokous {number}",
            starts_at=start + datetime.timedelta(days=number),
            ends_at=start + datetime.timedelta(days=number, hours=1),
        )
        for number in range(4)
    )
    assert first.pk + fourth.pk == second.pk + third.pk
    Meeting.objects.filter(pk__in=[first.pk, second.pk, third.pk, fourth.pk]).update(updated_at=start)
    aino = factories.UserFactory(first_name="Aino", last_name="Virtanen")
    namesake = factories.UserFactory(first_name="Aino", last_name="Virtanen")
    for person in (aino, namesake):  # an invitation alone grants nothing: both are members of the network
        factories.NetworkRoleFactory(network=network, user=person)
    Invitee.objects.bulk_create(
        [
            Invitee(meeting=first, user=aino),
            Invitee(meeting=fourth, user=aino),
            Invitee(meeting=second, user=namesake),
            Invitee(meeting=third, user=namesake),
        ]
    )
    client.logout()
    assert _titles(_parse(client.get(_personal(namesake)))) == {second.title, third.title}
    assert _titles(_parse(client.get(_personal(aino)))) == {first.title, fourth.title}
    assert _titles(_parse(client.get(_personal(namesake)))) == {second.title, third.title}


def test_a_persons_feed_and_a_network_feed_never_share_a_cache_entry(network, coordinator, member):
    """The cache key names the feed itself, not only what it lists."""
    meetings = feeds.network_feed_meetings(network)
    personal, _body = feeds.feed_body(meetings, name="Sama", scope=feeds.personal_feed_scope(member))
    other, _body = feeds.feed_body(meetings, name="Sama", scope=feeds.personal_feed_scope(coordinator))
    shared, _body = feeds.feed_body(meetings, name="Sama", scope=feeds.network_feed_scope(network))
    assert len({personal, other, shared}) == 3
