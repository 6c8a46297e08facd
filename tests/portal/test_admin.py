"""The admin of people and invitations: inviting through it, its checks, a sent invitation kept as it was, and a
person created there who can sign in."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from portal.accounts.models import Invitation, User
from tests import factories

NEW_PASSWORD = "Vahva-salasana-2026"


@pytest.mark.django_db
def test_admin_invites_through_the_admin(
    client, admin_user, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:portal_invitation_add"),
            {
                "email": "Uusi@Example.fi",
                "organisation": organisation.pk,
                "expires_at_0": "1.1.2099",
                "expires_at_1": "12:00",
            },
        )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    invitation = Invitation.objects.get()
    assert invitation.email == "uusi@example.fi"
    assert invitation.invited_by == admin_user
    assert len(mailoutbox) == 1
    assert invitation.token in mailoutbox[0].body


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
