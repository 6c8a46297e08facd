"""Account invitations at their edges: applicants, another network's open invitation, rate limits, long
addresses, an address another account has, two accepts at once, the subject line."""

import threading

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.urls import reverse

from networks.memberships import invitations as services
from portal.accounts.models import Invitation, User
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from tests import factories

NEW_PASSWORD = "Vahva-salasana-2026"


def _invite(organisation, network, inviter, email="x@example.fi"):
    return services.invitation_create(
        email=email, organisation=organisation, network=network, invited_by=inviter, site_url="http://t", language="fi"
    )


@pytest.mark.django_db
def test_applicants_cannot_be_invited_for(client, coordinator, network):
    applicant = factories.MembershipFactory(network=network, status=MembershipStatus.APPLIED).organisation
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    response = client.post(url, {"email": "x@example.fi", "organisation": applicant.pk})
    assert response.context["form"].errors["organisation"]
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_another_networks_open_invitation_is_not_replaced(coordinator, network, organisation, other_network):
    factories.MembershipFactory(network=other_network, organisation=organisation)
    first = _invite(organisation, other_network, coordinator)
    with pytest.raises(DomainError):
        _invite(organisation, network, coordinator)
    assert list(Invitation.objects.all()) == [first]


@pytest.mark.django_db
def test_invitations_are_rate_limited(client, coordinator, network, organisation):
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    statuses = [
        client.post(url, {"email": f"p{i}@example.fi", "organisation": organisation.pk}).status_code for i in range(31)
    ]
    assert statuses[:30] == [302] * 30
    assert statuses[30] == 429
    assert Invitation.objects.count() == 30


@pytest.mark.django_db
def test_too_long_addresses_are_form_errors(client, coordinator, network, organisation):
    long_email = "a" * 250 + "@example.fi"
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    response = client.post(url, {"email": long_email, "organisation": organisation.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]


@pytest.mark.django_db
def test_accepting_for_an_address_another_account_already_has(organisation, member):
    invitation = factories.InvitationFactory(organisation=organisation, email="toinen@example.fi")
    EmailAddress.objects.create(user=member, email="toinen@example.fi", verified=True, primary=False)
    with pytest.raises(DomainError):
        services.invitation_accept(token=invitation.token, first_name="A", last_name="B", password=NEW_PASSWORD)
    assert not User.objects.filter(email="toinen@example.fi").exists()


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_accepts_make_one_account(organisation):
    """Two browsers post the same invitation at once: one account, one clear refusal, no 500."""
    invitation = factories.InvitationFactory(organisation=organisation)
    barrier = threading.Barrier(2)
    outcomes = []

    def accept():
        try:
            barrier.wait(timeout=10)
            services.invitation_accept(token=invitation.token, first_name="A", last_name="B", password=NEW_PASSWORD)
            outcomes.append("ok")
        except DomainError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["ok", "refused"]
    assert User.objects.filter(email=invitation.email).count() == 1


@pytest.mark.django_db
def test_subject_is_not_html_escaped(coordinator, network, mailoutbox, django_capture_on_commit_callbacks):
    organisation = factories.OrganisationFactory(name="Työ & Elinkeino O'Brien")
    factories.MembershipFactory(network=network, organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(organisation, network, coordinator)
    assert "Työ & Elinkeino O'Brien" in mailoutbox[0].subject
