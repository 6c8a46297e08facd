"""What meetings put into the search, kept current: a decision from when it is recorded, minutes from when they
are circulated, both following their text, their meeting's title and the network's name; and who finds them is
exactly who may read the minutes."""

import pytest

from networks.meetings import actions as records
from networks.meetings import minutes as minutes_services
from networks.meetings import services
from networks.meetings.models import Attendance, Meeting, MeetingStatus
from portal.search.models import SearchEntry, SearchKind
from tests import factories
from tests.networks.meetings.records_helpers import meeting_that_took_place
from tests.portal.search.search_helpers import titles


def entry(kind, pk):
    return SearchEntry.objects.filter(kind=kind, object_id=pk).first()


@pytest.mark.django_db
def test_minutes_and_decisions_follow_the_meeting(
    network, coordinator, member, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting, items = meeting_that_took_place(network, coordinator, organisation)
        minutes_services.minutes_write(item=items[0], user=coordinator, text="Käsiteltiin budjettiehdotus.")
        decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Budjetti hyväksyttiin.")
    # Held: the decision is in the index for those who read the drafts; the minutes, not circulated, are not.
    assert entry(SearchKind.MINUTES, meeting.pk) is None
    assert titles(coordinator, "budjettia", SearchKind.DECISION) == ["Budjetti hyväksyttiin."]
    assert titles(member, "budjettia") == {}

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    assert titles(coordinator, "budjettiehdotukseen", SearchKind.MINUTES) == ["Syystapaaminen"]
    assert titles(member, "budjettiehdotukseen") == {}  # a draft: the member did not attend

    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_approve(meeting=meeting, user=coordinator)
    assert titles(member, "budjettiehdotukseen", SearchKind.MINUTES) == ["Syystapaaminen"]
    assert titles(member, "budjettia", SearchKind.DECISION) == ["Budjetti hyväksyttiin."]

    with django_capture_on_commit_callbacks(execute=True):
        minutes_services.minutes_amend(item=items[0], user=coordinator, text="Käsiteltiin lomakausi.", reason="Korjaus")
        records.decision_amend(decision=decision, user=coordinator, text="Lomakausi sovittiin.", reason="Korjaus")
    assert titles(member, "budjettiehdotus") == {}
    assert titles(member, "lomakaudesta") == {
        SearchKind.DECISION: ["Lomakausi sovittiin."],
        SearchKind.MINUTES: ["Syystapaaminen"],
    }

    with django_capture_on_commit_callbacks(execute=True):
        meeting = Meeting.objects.get(pk=meeting.pk)
        meeting.title = "Kevättapaaminen"
        meeting.save()
        network.name = "Päijät-Hämeen ohjausverkosto"
        network.save()
    assert entry(SearchKind.MINUTES, meeting.pk).title == "Kevättapaaminen"
    assert entry(SearchKind.DECISION, decision.pk).subtitle.startswith("Päijät-Hämeen ohjausverkosto · Kevättapaaminen")

    with django_capture_on_commit_callbacks(execute=True):
        meeting.delete()
    assert not SearchEntry.objects.filter(kind__in=[SearchKind.MINUTES, SearchKind.DECISION]).exists()


@pytest.mark.django_db
def test_a_deleted_decision_leaves_the_index(network, coordinator, organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting, items = meeting_that_took_place(network, coordinator, organisation)
        decision = records.decision_add(meeting=meeting, item=items[0], user=coordinator, text="Hankehakemus jätetään.")
    assert entry(SearchKind.DECISION, decision.pk) is not None
    with django_capture_on_commit_callbacks(execute=True):
        records.decision_delete(decision=decision, user=coordinator)
    assert entry(SearchKind.DECISION, decision.pk) is None


@pytest.mark.django_db
def test_who_finds_minutes_is_who_may_read_them(network, coordinator, member, observer, outsider, organisation):
    """``minutes_readable_by`` (the search's rule) answers as the minutes page's ``read_minutes`` does, for every
    state of a meeting and every kind of person in it."""
    chair, checker, second, organiser, attendee = (factories.UserFactory() for _ in range(5))
    for person in (chair, checker, second, organiser, attendee):
        factories.NetworkRoleFactory(network=network, user=person)
    people = [coordinator, member, observer, outsider, chair, checker, organiser, attendee]
    for status in MeetingStatus.values:
        meeting = factories.MeetingFactory(
            network=network,
            organiser=organiser,
            chair=chair,
            first_checker=checker,
            second_checker=second,
            status=status,
            cancel_reason="Peruttu" if status == MeetingStatus.CANCELLED else "",
        )
        Attendance.objects.create(meeting=meeting, user=attendee)
        for person in people:
            page = Meeting.objects.visible_to(person).filter(pk=meeting.pk).exists() and meeting.permits(
                person, "read_minutes"
            )
            search = Meeting.objects.minutes_readable_by(person).filter(pk=meeting.pk).exists()
            assert search == page, (status, person.email)
