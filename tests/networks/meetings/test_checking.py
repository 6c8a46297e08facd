"""Checking the minutes with two minute checkers (networks.meetings.checking): the services.

Guards the finding "today the chair alone approves the minutes and attendees can only comment": with
checkers named, the minutes are approved only when the chair and both checkers have confirmed them, each
confirmation kept as a row; a checker's objection keeps them in draft with its reason and clears the
confirmations; a change to the minutes or to the checkers clears them too. Without checkers the chair's
approval stands as before."""

import pytest
from django.core import mail

from networks.meetings import actions, checking, minutes, services
from networks.meetings.models import CheckRole, CheckVerdict, MeetingStatus, MinutesCheck
from portal.lib.errors import DomainError
from tests import factories
from tests.networks.meetings.records_helpers import meeting_that_took_place

pytestmark = pytest.mark.django_db


def _name_checkers(meeting, coordinator, first, second):
    return services.meeting_update(
        meeting=meeting, user=coordinator, data={"first_checker": first, "second_checker": second}
    )


@pytest.fixture
def held(network, coordinator, organisation, member, observer):
    """A held meeting chaired by the coordinator; the coordinator, member and observer are its invitees."""
    meeting, items = meeting_that_took_place(network, coordinator, organisation)
    meeting.agenda = items
    return meeting


@pytest.fixture
def draft(held, coordinator, member, observer, django_capture_on_commit_callbacks):
    """``held`` with the member and the observer its minute checkers, the minutes circulated."""
    meeting = _name_checkers(held, coordinator, member, observer)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.minutes_circulate(meeting=meeting, user=coordinator)
    mail.outbox.clear()
    meeting.agenda = held.agenda
    return meeting


def _status(meeting):
    meeting.refresh_from_db()
    return meeting.status


def test_the_minutes_are_approved_only_when_the_chair_and_both_checkers_have_confirmed(
    draft, coordinator, member, observer
):
    services.minutes_approve(meeting=draft, user=coordinator)
    assert _status(draft) == MeetingStatus.MINUTES_DRAFT
    checking.minutes_sign(meeting=draft, user=member)
    assert _status(draft) == MeetingStatus.MINUTES_DRAFT
    checking.minutes_sign(meeting=draft, user=observer)
    assert _status(draft) == MeetingStatus.MINUTES_APPROVED
    assert draft.minutes_approved_by == coordinator
    rows = list(MinutesCheck.objects.filter(meeting=draft).order_by("pk").values_list("user", "role", "verdict"))
    assert rows == [
        (coordinator.pk, CheckRole.CHAIR, CheckVerdict.CONFIRMED),
        (member.pk, CheckRole.CHECKER, CheckVerdict.CONFIRMED),
        (observer.pk, CheckRole.CHECKER, CheckVerdict.CONFIRMED),
    ]
    assert all(check.made_at for check in MinutesCheck.objects.filter(meeting=draft))


def test_the_order_does_not_matter_and_the_chairs_confirmation_can_come_last(draft, coordinator, member, observer):
    checking.minutes_sign(meeting=draft, user=observer)
    checking.minutes_sign(meeting=draft, user=member)
    assert _status(draft) == MeetingStatus.MINUTES_DRAFT
    checking.minutes_sign(meeting=draft, user=coordinator)
    assert _status(draft) == MeetingStatus.MINUTES_APPROVED


def test_nobody_confirms_twice_and_only_the_named_people_confirm(draft, coordinator, member, observer, admin_user):
    checking.minutes_sign(meeting=draft, user=member)
    with pytest.raises(DomainError, match="already confirmed"):
        checking.minutes_sign(meeting=draft, user=member)
    stranger = factories.UserFactory()
    for person in (stranger, admin_user):
        with pytest.raises(DomainError, match="Only the chair and the minute checkers"):
            checking.minutes_sign(meeting=draft, user=person)
    with pytest.raises(DomainError, match="Only a minute checker objects"):
        checking.minutes_object(meeting=draft, user=coordinator, reason="Ei käy")
    assert MinutesCheck.objects.filter(meeting=draft).count() == 1


def test_the_chair_confirms_in_person_when_checkers_are_named(draft, admin_user):
    """An administrator may approve a chair's minutes without checkers; with them, not for the chair."""
    with pytest.raises(DomainError, match="in person"):
        services.minutes_approve(meeting=draft, user=admin_user)
    assert _status(draft) == MeetingStatus.MINUTES_DRAFT


def test_the_checkers_are_told_when_the_chair_has_confirmed(
    draft, coordinator, member, observer, django_capture_on_commit_callbacks
):
    checking.minutes_sign(meeting=draft, user=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_approve(meeting=draft, user=coordinator)
    # The member has confirmed already: only the observer is still awaited.
    assert [message.to for message in mail.outbox] == [[observer.email]]
    assert draft.title in mail.outbox[0].subject


def test_an_objection_returns_the_minutes_to_draft_with_its_reason_and_clears_the_confirmations(
    draft, coordinator, member, observer, django_capture_on_commit_callbacks
):
    services.minutes_approve(meeting=draft, user=coordinator)
    checking.minutes_sign(meeting=draft, user=member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        objection = checking.minutes_object(meeting=draft, user=observer, reason="Kohdan 2 päätös puuttuu.")
    assert _status(draft) == MeetingStatus.MINUTES_DRAFT
    assert not MinutesCheck.objects.current().filter(meeting=draft, verdict=CheckVerdict.CONFIRMED).exists()
    assert MinutesCheck.objects.filter(meeting=draft, verdict=CheckVerdict.CONFIRMED).count() == 2  # kept
    assert checking.objections(draft) == [objection]
    assert objection.reason == "Kohdan 2 päätös puuttuu."
    # The chair (also the organiser) is told, with the reason.
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "Kohdan 2 päätös puuttuu." in mail.outbox[0].body
    # The member's confirmation no longer counts: it takes all three again.
    checking.minutes_sign(meeting=draft, user=observer)
    services.minutes_approve(meeting=draft, user=coordinator)
    assert _status(draft) == MeetingStatus.MINUTES_DRAFT
    assert checking.objections(draft) == []  # answered by the chair's new confirmation
    checking.minutes_sign(meeting=draft, user=member)
    assert _status(draft) == MeetingStatus.MINUTES_APPROVED


def test_an_objection_needs_a_reason(draft, member):
    with pytest.raises(DomainError) as error:
        checking.minutes_object(meeting=draft, user=member, reason="  ")
    assert "reason" in error.value.error_dict
    assert not MinutesCheck.objects.filter(meeting=draft).exists()


def test_a_change_to_the_minutes_clears_the_confirmations(draft, coordinator, member, observer):
    services.minutes_approve(meeting=draft, user=coordinator)
    checking.minutes_sign(meeting=draft, user=member)
    # Saving the same text again changes nothing.
    item = draft.agenda[0]
    minutes.minutes_write(item=item, user=coordinator, text=item.minutes)
    assert MinutesCheck.objects.current().filter(meeting=draft).count() == 2
    minutes.minutes_write(item=item, user=coordinator, text="Korjattu muistio.")
    assert not MinutesCheck.objects.current().filter(meeting=draft).exists()
    checking.minutes_sign(meeting=draft, user=observer)
    assert _status(draft) == MeetingStatus.MINUTES_DRAFT


def test_a_new_decision_clears_the_confirmations(draft, coordinator, member):
    checking.minutes_sign(meeting=draft, user=member)
    actions.decision_add(meeting=draft, item=draft.agenda[0], user=coordinator, text="Uusi päätös")
    assert not MinutesCheck.objects.current().filter(meeting=draft).exists()


def test_changing_the_checkers_in_draft_clears_the_confirmations(
    draft, network, organisation, coordinator, member, observer
):
    services.minutes_approve(meeting=draft, user=coordinator)
    checking.minutes_sign(meeting=draft, user=member)
    newcomer = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=newcomer, role="member")
    draft.attendances.create(user=newcomer, organisation=organisation)
    meeting = _name_checkers(draft, coordinator, member, newcomer)
    assert (meeting.first_checker, meeting.second_checker) == (member, newcomer)
    assert not MinutesCheck.objects.current().filter(meeting=draft).exists()


def test_the_checkers_are_two_different_people_of_the_meeting_other_than_the_chair(
    held, network, coordinator, member, observer
):
    stranger = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=stranger, role="member")  # of the network, not invited
    for first, second, field in [
        (member, member, "second_checker"),
        (coordinator, member, "first_checker"),
        (member, None, "second_checker"),
        (member, stranger, "first_checker"),
    ]:
        with pytest.raises(DomainError) as error:
            _name_checkers(held, coordinator, first, second)
        assert field in error.value.error_dict, (first, second)
    held.refresh_from_db()
    assert held.checker_ids == ()


def test_the_chair_cannot_become_a_checker_by_a_change_of_chair(held, coordinator, member, observer):
    _name_checkers(held, coordinator, member, observer)
    with pytest.raises(DomainError):
        services.meeting_update(meeting=held, user=coordinator, data={"chair": member})


def test_the_checkers_do_not_change_once_the_minutes_are_approved(draft, coordinator, member, observer):
    for person in (coordinator, member, observer):
        checking.minutes_sign(meeting=draft, user=person)
    with pytest.raises(DomainError, match="no longer change"):
        _name_checkers(draft, coordinator, None, None)


def test_without_checkers_the_chair_alone_approves_as_before(held, coordinator, member):
    meeting = services.minutes_circulate(meeting=held, user=coordinator)
    with pytest.raises(DomainError, match="no minute checkers"):
        checking.minutes_sign(meeting=meeting, user=member)
    approved = services.minutes_approve(meeting=meeting, user=coordinator)
    assert approved.status == MeetingStatus.MINUTES_APPROVED
    assert approved.minutes_approved_by == coordinator
    # The chair's approval is kept as a confirmation all the same.
    assert list(MinutesCheck.objects.filter(meeting=meeting).values_list("user", "role")) == [
        (coordinator.pk, CheckRole.CHAIR)
    ]
    assert [row["role"] for row in checking.signatures(approved)] == [CheckRole.CHAIR.label]


def test_a_checker_is_not_taken_off_the_invitations(network, coordinator, organisation, member, observer):
    """A planned meeting's checkers stay among its invitees: taking one off is refused until replaced."""
    meeting, _items = meeting_that_took_place(network, coordinator, organisation, status=MeetingStatus.PLANNED)
    meeting = _name_checkers(meeting, coordinator, member, observer)
    with pytest.raises(DomainError, match="minute checker"):
        services.uninvite(meeting=meeting, invitee=meeting.invitees.get(user=member))
    assert meeting.invitees.filter(user=member).exists()
