"""A role rests on a basis and ends with it: the organisation's membership becomes *left*, or
the person's last affiliation with a member organisation ends; then the person reads nothing of the network and
creates nothing in it, and their personal calendar feed drops its meetings. An invitation alone grants nothing.
A representative or deputy who leaves their organisation is cleared from its memberships (the coordinator's
to-do shows it). Before, roles stayed open indefinitely."""

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networks.meetings import feeds
from networks.meetings import services as meeting_services
from networks.meetings.models import Invitee
from networks.memberships import roles, services
from networks.memberships.models import NetworkRole, RoleBasis
from partners.directory import services as directory_services
from portal.lib.access import MembershipStatus, Role
from tests import factories
from tests.networks.meetings.records_helpers import approve, meeting_that_took_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaver(network, organisation):
    """A member of the network whose role rests on working for the cast organisation."""
    user = factories.UserFactory(email="lahtija@example.fi", languages=["en"])
    factories.AffiliationFactory(user=user, organisation=organisation)
    NetworkRole.objects.create(network=network, user=user, **roles.role_defaults(network=network, user=user))
    return user


@pytest.fixture
def pages(network, organisation, coordinator, leaver):
    """The network's draft goal, draft agreement, a meeting the leaver is invited to (with its minutes page) and
    the form to organise a meeting."""
    goal = factories.GoalFactory(network=network)
    agreement = factories.AgreementFactory(network=network)
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    meeting = meeting_services.meeting_create(
        network=network,
        user=coordinator,
        data={"title": "Syystapaaminen", "starts_at": start, "ends_at": start + datetime.timedelta(hours=2)},
        organisations=[organisation],
    )
    assert Invitee.objects.filter(meeting=meeting, user=leaver).exists()
    held = approve(meeting_that_took_place(network, coordinator, organisation)[0], coordinator)
    return {
        "goal": reverse("goals:goal_detail", kwargs={"pk": goal.pk}),
        "agreement": reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk}),
        "meeting": reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}),
        "minutes": reverse("meetings:print_minutes", kwargs={"pk": held.pk}),
        "new meeting": reverse("meetings:meeting_create", kwargs={"slug": network.slug}),
        "network": reverse("networks:network_detail", kwargs={"slug": network.slug}),
    }


def _statuses(client, pages) -> dict[str, int]:
    return {name: client.get(url).status_code for name, url in pages.items()}


def _feed_titles(client, user) -> set[str]:
    response = client.get(reverse("meetings:personal_feed", kwargs={"token": feeds.feed_for(user).token}))
    assert response.status_code == 200
    return {str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}


def _assert_shut_out(client, leaver, pages):
    assert not NetworkRole.objects.filter(user=leaver).exists()
    assert set(_statuses(client, pages).values()) == {404}
    posted = client.post(pages["new meeting"], {"title": "Salainen", "starts_at": "2027-01-01 10:00"})
    assert posted.status_code == 404
    client.logout()
    assert "Syystapaaminen" not in _feed_titles(client, leaver)


def test_a_role_on_an_organisation_whose_membership_becomes_left_ends_at_once(
    client, network, organisation, coordinator, leaver, pages, django_capture_on_commit_callbacks
):
    """Finding: the organisation left the network but its people kept reading its drafts and minutes."""
    client.force_login(leaver)
    assert _statuses(client, pages) == dict.fromkeys(pages, 200)
    assert "Syystapaaminen" in _feed_titles(client, leaver)
    client.force_login(leaver)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_change(
            membership=network.memberships.get(organisation=organisation),
            changed_by=coordinator,
            reason="Lopetti yhteistyön.",
            status=MembershipStatus.LEFT,
        )
    _assert_shut_out(client, leaver, pages)
    told = [message for message in mail.outbox if message.to == [leaver.email]]
    assert told and "has ended" in told[0].body
    assert "membership of the network ended" in told[0].body


def test_a_role_ends_when_the_persons_last_affiliation_with_a_member_organisation_ends(
    client, network, organisation, leaver, pages
):
    """Finding: a person who left their organisation kept their role in its networks indefinitely (and their
    dashboard kept listing the network's meetings)."""
    client.force_login(leaver)
    assert _statuses(client, pages) == dict.fromkeys(pages, 200)
    assert "Syystapaaminen" in client.get(reverse("portal:home")).content.decode()
    affiliation = leaver.affiliations.get(organisation=organisation)
    directory_services.affiliation_end(affiliation=affiliation, until=timezone.localdate())
    assert "Syystapaaminen" not in client.get(reverse("portal:home")).content.decode()
    _assert_shut_out(client, leaver, pages)


def test_a_role_moves_to_another_member_organisation_the_person_still_works_for(network, organisation, leaver):
    other = factories.OrganisationFactory(name="Toinen jäsen")
    factories.MembershipFactory(network=network, organisation=other)
    factories.AffiliationFactory(user=leaver, organisation=other, primary=False)
    directory_services.affiliation_end(
        affiliation=leaver.affiliations.get(organisation=organisation), until=timezone.localdate()
    )
    role = NetworkRole.objects.get(user=leaver, network=network)
    assert (role.basis, role.organisation) == (RoleBasis.ORGANISATION, other)


def test_an_individual_experts_role_does_not_rest_on_an_organisation(network, organisation, coordinator):
    expert = factories.UserFactory()
    factories.AffiliationFactory(user=expert, organisation=organisation)
    roles.role_give(network=network, user=expert, role=Role.MEMBER, expert=True, reason="Tutkija", given_by=coordinator)
    directory_services.affiliation_end(
        affiliation=expert.affiliations.get(organisation=organisation), until=timezone.localdate()
    )
    assert NetworkRole.objects.filter(user=expert, network=network, basis=RoleBasis.EXPERT).exists()


def test_an_invitation_alone_grants_nothing(client, network, coordinator, outsider, pages):
    """Finding: an invitee row let a person without a role in the network read the meeting and its minutes."""
    meeting_pk = int(re.search(r"/meetings/(\d+)/", pages["meeting"]).group(1))
    Invitee.objects.create(meeting_id=meeting_pk, user=outsider)
    minutes_pk = int(re.search(r"/meetings/(\d+)/", pages["minutes"]).group(1))
    Invitee.objects.create(meeting_id=minutes_pk, user=outsider)
    client.force_login(outsider)
    assert client.get(pages["meeting"]).status_code == 404
    assert client.get(reverse("meetings:print_minutes", kwargs={"pk": minutes_pk})).status_code == 404
    client.logout()
    assert "Syystapaaminen" not in _feed_titles(client, outsider)


def test_a_representative_who_leaves_the_organisation_is_cleared_and_the_coordinator_is_told(
    client, network, organisation, coordinator, member
):
    """Finding: a representative who had left their organisation still spoke for it in the network."""
    membership = network.memberships.get(organisation=organisation)
    deputy = factories.UserFactory(email="varalla@example.fi")
    factories.AffiliationFactory(user=deputy, organisation=organisation)
    membership.deputy = deputy
    membership.save()
    for person in (member, deputy):
        directory_services.affiliation_end(
            affiliation=person.affiliations.get(organisation=organisation), until=timezone.localdate()
        )
    membership.refresh_from_db()
    assert (membership.representative, membership.deputy) == (None, None)
    client.force_login(coordinator)
    page = client.get(reverse("portal:home"), headers={"accept-language": "en"}).content.decode()
    section = page[page.index("Members without a representative") :]
    assert organisation.name in section


def test_an_affiliation_ended_in_the_django_admin_ends_the_role_too(client, admin_user, network, leaver, organisation):
    """Another way in: the administrator sets the end date in the Django admin (no directory page,
    no service); the role resting on the affiliation ends all the same."""
    from partners.directory.models import Affiliation

    affiliation = Affiliation.objects.get(user=leaver, organisation=organisation)
    client.force_login(admin_user)
    page = client.get(reverse("admin:partners_affiliation_change", args=[affiliation.pk]))
    assert page.status_code == 200
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, list | dict)
    }
    data |= {"user": leaver.pk, "organisation": organisation.pk, "until": timezone.localdate().isoformat()}
    if affiliation.since:
        data["since"] = affiliation.since.isoformat()
    response = client.post(reverse("admin:partners_affiliation_change", args=[affiliation.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not NetworkRole.objects.filter(network=network, user=leaver).exists()


def test_an_affiliation_deleted_or_a_membership_left_by_a_script_ends_the_role(network, leaver, organisation):
    """The model's own save and delete are heard, whoever calls them (a script, the shell)."""
    from networks.memberships.models import Membership
    from partners.directory.models import Affiliation

    membership = Membership.objects.get(network=network, organisation=organisation)
    membership.status = MembershipStatus.LEFT
    membership.save()
    assert not NetworkRole.objects.filter(network=network, user=leaver).exists()

    membership.status = MembershipStatus.ACTIVE
    membership.save()
    NetworkRole.objects.create(network=network, user=leaver, **roles.role_defaults(network=network, user=leaver))
    assert NetworkRole.objects.get(network=network, user=leaver).basis == RoleBasis.ORGANISATION
    Affiliation.objects.filter(user=leaver, organisation=organisation).get().delete()
    assert not NetworkRole.objects.filter(network=network, user=leaver).exists()
