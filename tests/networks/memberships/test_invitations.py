"""Invitations: the only way in. A coordinator invites, the invitee sets a password and lands signed in."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from networks.memberships import invitations as services
from networks.memberships.models import NetworkRole
from partners.directory.models import Affiliation
from portal.accounts.models import Invitation, User
from portal.lib.access import Role
from portal.lib.errors import DomainError
from tests import factories

NEW_PASSWORD = "Vahva-salasana-2026"


def _invite(client, network, organisation, email="uusi.ohjaaja@example.fi", capture=None):
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    with capture(execute=True):
        return client.post(url, {"email": email, "organisation": organisation.pk})


@pytest.mark.django_db
def test_coordinator_invites_and_invitee_lands_signed_in(
    client, coordinator, network, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    response = _invite(client, network, organisation, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["uusi.ohjaaja@example.fi"]
    # The interface speaks Finnish first: the e-mail is in the inviter's language.
    assert "Verkosto" in message.subject
    assert organisation.name in message.subject
    link = re.search(r"http://\S+/invitations/(\S+)/", message.body)
    assert link, message.body

    client.logout()
    accept_url = reverse("portal:invitation_accept", kwargs={"token": link.group(1)})
    assert client.get(accept_url).status_code == 200
    response = client.post(
        accept_url,
        {"first_name": "Uusi", "last_name": "Ohjaaja", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(email="uusi.ohjaaja@example.fi")
    assert EmailAddress.objects.get(user=user).verified
    assert Affiliation.objects.get(user=user).organisation == organisation
    assert NetworkRole.objects.get(user=user, network=network).role == Role.MEMBER
    # Signed in: the dashboard greets them and lists the network.
    dashboard = client.get(reverse("portal:home"))
    assert "Uusi" in dashboard.text
    assert network.name in dashboard.text
    # The link is spent.
    client.logout()
    assert client.get(accept_url).status_code == 404


@pytest.mark.django_db
def test_bad_password_keeps_the_names_and_creates_nothing(client, organisation):
    invitation = factories.InvitationFactory(organisation=organisation)
    url = reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    response = client.post(url, {"first_name": "Aino", "last_name": "Aalto", "password1": "123", "password2": "123"})
    assert response.status_code == 200
    assert 'value="Aino"' in response.text
    assert response.context["form"].errors["password1"]
    assert not User.objects.filter(email=invitation.email).exists()


@pytest.mark.django_db
def test_mismatched_passwords(client, organisation):
    invitation = factories.InvitationFactory(organisation=organisation)
    url = reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    response = client.post(
        url, {"first_name": "A", "last_name": "B", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"}
    )
    assert response.context["form"].errors["password2"]


@pytest.mark.django_db
def test_expired_invitation_is_refused(client, organisation):
    invitation = factories.InvitationFactory(organisation=organisation, expires_at=timezone.now() - timedelta(days=1))
    url = reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


@pytest.mark.django_db
def test_unknown_token_and_nul_byte_are_404(client):
    assert client.get(reverse("portal:invitation_accept", kwargs={"token": "nope"})).status_code == 404
    assert client.get("/invitations/ab%00cd/").status_code == 400


@pytest.mark.django_db
def test_accepting_twice_makes_one_account(organisation):
    invitation = factories.InvitationFactory(organisation=organisation)
    services.invitation_accept(token=invitation.token, first_name="A", last_name="B", password=NEW_PASSWORD)
    with pytest.raises(DomainError):
        services.invitation_accept(token=invitation.token, first_name="A", last_name="B", password=NEW_PASSWORD)
    assert User.objects.filter(email=invitation.email).count() == 1


@pytest.mark.django_db
def test_an_existing_account_is_invited_to_sign_in_and_accept(
    client, coordinator, outsider, network, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    """The coordinator learns nothing about accounts; the person signs in and joins."""
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": outsider.email.upper(), "organisation": organisation.pk})
    assert response.status_code == 302
    assert "sign in to accept" in mailoutbox[0].body or "kirjaudu" in mailoutbox[0].body.lower()
    invitation = Invitation.objects.get()
    accept_url = reverse("portal:invitation_accept", kwargs={"token": invitation.token})

    client.logout()
    response = client.get(accept_url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

    client.force_login(coordinator)  # someone else's account
    assert client.get(accept_url).status_code == 409
    assert client.post(accept_url).status_code == 409

    client.force_login(outsider)
    assert client.get(accept_url).status_code == 200
    response = client.post(accept_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:network_detail", kwargs={"slug": network.slug})
    assert NetworkRole.objects.get(user=outsider, network=network).role == Role.MEMBER
    affiliation = Affiliation.objects.get(user=outsider, organisation=organisation)
    assert not affiliation.primary  # they already had a primary organisation
    assert client.get(accept_url).status_code == 404  # spent


@pytest.mark.django_db
def test_joining_keeps_an_existing_role(coordinator, network, organisation):
    invitation = factories.InvitationFactory(organisation=organisation, network=network, email=coordinator.email)
    services.invitation_join(token=invitation.token, user=coordinator)
    assert NetworkRole.objects.get(user=coordinator, network=network).role == Role.COORDINATOR
    assert Affiliation.objects.filter(user=coordinator, organisation=organisation).count() == 1


@pytest.mark.django_db
def test_joining_for_someone_else_is_refused(member, outsider, network):
    other_org = factories.MembershipFactory(network=network).organisation
    invitation = factories.InvitationFactory(organisation=other_org, network=network, email=outsider.email)
    with pytest.raises(DomainError):
        services.invitation_join(token=invitation.token, user=member)
    assert not Affiliation.objects.filter(user=member, organisation=other_org).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


@pytest.mark.django_db
def test_reinviting_replaces_the_open_invitation(
    client, coordinator, network, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    _invite(client, network, organisation, capture=django_capture_on_commit_callbacks)
    first = Invitation.objects.get()
    _invite(client, network, organisation, capture=django_capture_on_commit_callbacks)
    assert Invitation.objects.count() == 1
    assert Invitation.objects.get().token != first.token
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_forged_organisation_outside_the_network_is_refused(client, coordinator, network, other_network):
    """A coordinator may only invite for their own network's member organisations."""
    foreign = other_network.memberships.get().organisation
    client.force_login(coordinator)
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    response = client.post(url, {"email": "x@example.fi", "organisation": foreign.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_member_cannot_invite(client, member, network, organisation):
    client.force_login(member)
    url = reverse("networks:invitation_create", kwargs={"slug": network.slug})
    response = client.post(url, {"email": "x@example.fi", "organisation": organisation.pk})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_signed_in_person_is_told_to_sign_out(client, member, organisation):
    invitation = factories.InvitationFactory(organisation=organisation)
    client.force_login(member)
    response = client.get(reverse("portal:invitation_accept", kwargs={"token": invitation.token}))
    assert response.status_code == 409
    assert invitation.email in response.text


@pytest.mark.django_db
def test_nul_bytes_in_input_are_a_400_not_a_500(client, organisation):
    invitation = factories.InvitationFactory(organisation=organisation)
    url = reverse("portal:invitation_accept", kwargs={"token": invitation.token})
    form_body = "first_name=A%00&last_name=B"
    assert client.post(url, form_body, content_type="application/x-www-form-urlencoded").status_code == 400
    # A multipart body is left to the form, whose field refuses the NUL with a message.
    response = client.post(url, {"first_name": "A\x00", "last_name": "B"})
    assert response.status_code == 200
    assert response.context["form"].errors["first_name"]
    assert client.get(url + "?q=%00").status_code == 400
    assert not User.objects.exists()
