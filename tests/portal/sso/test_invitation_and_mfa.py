"""Single sign-on with the two servers: an invitation accepted by signing in, and the MFA rule (a provider's
two-factor authentication meets a network's requirement only where the network accepts it)."""

import pytest
import requests
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.socialaccount.models import SocialAccount

from networks.memberships.models import NetworkRole
from partners.directory.models import Affiliation
from portal.accounts.models import User
from portal.lib.access import Role
from tests import factories
from tests.sso import sign_in_with_requests

pytestmark = pytest.mark.django_db(transaction=True)

# Setting up the portal's own authenticator app (allauth asks the person to confirm who they are first).
TOTP_SETUP = "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
TOTP_CODE = "/accounts/2fa/authenticate/"


def test_a_pending_invitation_is_accepted_by_signing_in(live_server, sso, network, organisation, coordinator):
    invitation = factories.InvitationFactory(
        email="uusi.ohjaaja@example.fi", organisation=organisation, network=network, invited_by=coordinator
    )
    sso.provider.person(invitation.email, given_name="Uusi", family_name="Ohjaaja")
    response = sign_in_with_requests(live_server.url, invitation.email)
    assert response.url == live_server.url + "/"
    user = User.objects.get(email="uusi.ohjaaja@example.fi")
    assert (user.first_name, user.last_name) == ("Uusi", "Ohjaaja")
    assert not user.has_usable_password()
    assert user.emailaddress_set.get().verified
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None
    assert Affiliation.objects.filter(user=user, organisation=organisation, until__isnull=True).exists()
    assert NetworkRole.objects.get(user=user, network=network).role == Role.MEMBER
    assert SocialAccount.objects.get(user=user).uid


def test_an_expired_invitation_lets_nobody_in(live_server, sso, organisation):
    from django.utils import timezone

    invitation = factories.InvitationFactory(
        email="myohassa@example.fi", organisation=organisation, expires_at=timezone.now()
    )
    sso.provider.person(invitation.email)
    response = sign_in_with_requests(live_server.url, invitation.email)
    assert response.url.endswith("/accounts/login/")
    assert not User.objects.filter(email=invitation.email).exists()


@pytest.fixture
def strict_network(network):
    network.require_mfa_for_coordinators = True
    network.save(update_fields=["require_mfa_for_coordinators"])
    return network


def _accepts(network, accepted: bool):
    network.accept_provider_mfa = accepted
    network.save(update_fields=["accept_provider_mfa"])


def test_provider_mfa_meets_the_requirement_where_the_network_accepts_it(live_server, sso, strict_network, coordinator):
    _accepts(strict_network, True)
    sso.provider.person(coordinator.email, amr=["pwd", "mfa"])
    session = requests.Session()
    response = sign_in_with_requests(live_server.url, coordinator.email, session)
    assert response.url == live_server.url + "/"
    # Any other page too: no detour to setting up the portal's own authenticator.
    page = session.get(f"{live_server.url}/networks/{strict_network.slug}/", timeout=10)
    assert page.url == f"{live_server.url}/networks/{strict_network.slug}/"
    assert page.status_code == 200


def test_the_portal_asks_its_own_mfa_where_the_network_does_not_accept_the_providers(
    live_server, sso, strict_network, coordinator
):
    _accepts(strict_network, False)
    sso.provider.person(coordinator.email, amr=["pwd", "mfa"])
    response = sign_in_with_requests(live_server.url, coordinator.email)
    assert response.url == live_server.url + TOTP_SETUP


def test_one_factor_at_the_provider_is_not_mfa(live_server, sso, strict_network, coordinator):
    _accepts(strict_network, True)
    sso.provider.person(coordinator.email, amr=["pwd"])
    assert sign_in_with_requests(live_server.url, coordinator.email).url == live_server.url + TOTP_SETUP


def test_a_provider_whose_mfa_is_not_trusted_does_not_count(live_server, sso, strict_network, coordinator):
    _accepts(strict_network, True)
    sso.policy.trust_mfa = False
    sso.policy.save()
    sso.provider.person(coordinator.email, amr=["pwd", "otp"])
    assert sign_in_with_requests(live_server.url, coordinator.email).url == live_server.url + TOTP_SETUP


def test_a_person_with_an_authenticator_app_is_asked_for_its_code_after_single_sign_on(
    live_server, sso, strict_network, coordinator
):
    _accepts(strict_network, True)
    TOTP.activate(coordinator, generate_totp_secret())
    sso.provider.person(coordinator.email, amr=["pwd", "mfa"])
    assert sign_in_with_requests(live_server.url, coordinator.email).url == live_server.url + TOTP_CODE
