"""Hardening found in review: privacy of people across networks, invitation edges, long input, admin."""

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
def test_organisation_page_lists_only_people_the_viewer_may_see(client, member, organisation, other_network):
    """Someone who works for the same organisation but only in another network stays hidden."""
    stranger = factories.UserFactory(first_name="Salainen", last_name="Henkilö")
    factories.AffiliationFactory(user=stranger, organisation=organisation)
    factories.NetworkRoleFactory(network=other_network, user=stranger)
    client.force_login(member)
    response = client.get(reverse("partners:organisation_detail", kwargs={"slug": organisation.slug}))
    assert member.last_name in response.text
    assert "Salainen" not in response.text


@pytest.mark.django_db
def test_person_page_lists_only_organisations_the_viewer_may_see(client, member, coordinator, other_network):
    hidden = other_network.memberships.get().organisation
    factories.AffiliationFactory(user=member, organisation=hidden, primary=False)
    client.force_login(coordinator)
    response = client.get(reverse("portal:person_detail", kwargs={"uuid": member.uuid}))
    assert response.status_code == 200
    assert hidden.name not in response.text
    client.force_login(member)  # one's own page shows all of one's organisations
    assert hidden.name in client.get(reverse("portal:profile_detail")).text


@pytest.mark.django_db
def test_an_organisation_that_left_is_no_longer_visible(member, network):
    from partners.directory.models import Organisation

    gone = factories.MembershipFactory(network=network, status=MembershipStatus.LEFT).organisation
    assert not Organisation.objects.visible_to(member).filter(pk=gone.pk).exists()


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
def test_too_long_addresses_are_form_errors(client, coordinator, member, network, organisation):
    long_email = "a" * 250 + "@example.fi"
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    response = client.post(url, {"email": long_email, "organisation": organisation.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    client.force_login(member)
    response = client.post(reverse("account_email"), {"action_add": "", "email": long_email})
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


@pytest.mark.django_db
def test_admin_cannot_redirect_a_sent_invitation(client, admin_user, organisation):
    invitation = factories.InvitationFactory(organisation=organisation, email="alkuperainen@example.fi")
    client.force_login(admin_user)
    url = reverse("admin:portal_invitation_change", args=[invitation.pk])
    page = client.get(url)
    assert 'name="email"' not in page.text  # shown, not editable
    client.post(url, {"email": "hyokkaaja@example.fi", "expires_at_0": "1.1.2099", "expires_at_1": "12:00"})
    invitation.refresh_from_db()
    assert invitation.email == "alkuperainen@example.fi"


@pytest.mark.django_db
def test_admin_invitation_checks(client, admin_user, member, network, other_network):
    foreign = other_network.memberships.get().organisation
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:portal_invitation_add"),
        {
            "email": member.email,
            "organisation": foreign.pk,
            "network": network.pk,
            "expires_at_0": "1.1.2099",
            "expires_at_1": "12:00",
        },
    )
    form = response.context["adminform"].form
    assert "email" not in form.errors  # an existing account is invited to sign in and accept
    assert "organisation" in form.errors
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_admin_creates_a_person_who_can_sign_in(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:portal_user_add"),
        {
            "email": "Uusi.Henkilo@Example.fi",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    user = User.objects.get(email="uusi.henkilo@example.fi")
    address = EmailAddress.objects.get(user=user)
    assert address.verified and address.primary
    client.logout()
    response = client.post(reverse("account_login"), {"login": "uusi.henkilo@example.fi", "password": NEW_PASSWORD})
    assert response.status_code == 302
