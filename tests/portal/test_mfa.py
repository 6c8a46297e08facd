"""Two-factor authentication where the role requires it."""

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from tests import factories


@pytest.fixture
def strict_network(network):
    network.require_mfa_for_coordinators = True
    network.save(update_fields=["require_mfa_for_coordinators"])
    return network


@pytest.mark.django_db
def test_coordinator_of_a_strict_network_must_set_up_mfa(client, coordinator, strict_network):
    client.force_login(coordinator)
    response = client.get(reverse("networks:network_detail", kwargs={"slug": strict_network.slug}))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # The account pages themselves stay reachable, or nobody could comply.
    assert client.get(reverse("mfa_index")).status_code == 200


@pytest.mark.django_db
def test_members_of_a_strict_network_are_not_asked(client, member, strict_network):
    client.force_login(member)
    assert client.get(reverse("networks:network_detail", kwargs={"slug": strict_network.slug})).status_code == 200


@pytest.mark.django_db
def test_coordinator_with_an_authenticator_passes(client, coordinator, strict_network):
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator)
    assert client.get(reverse("networks:network_detail", kwargs={"slug": strict_network.slug})).status_code == 200


@pytest.mark.django_db
def test_coordinator_of_a_relaxed_network_is_not_asked(client, coordinator, network):
    client.force_login(coordinator)
    assert client.get(reverse("networks:network_detail", kwargs={"slug": network.slug})).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "flags", [{"is_staff": True}, {"is_superuser": True}, {"is_staff": True, "is_superuser": True}]
)
def test_staff_need_mfa_everywhere(client, network, flags):
    """Administrators reach every network, so they need an authenticator on every page, not only the admin."""
    staff = factories.UserFactory(**flags)
    client.force_login(staff)
    for url in (
        reverse("admin:index"),
        reverse("portal:home"),
        reverse("networks:network_edit", kwargs={"slug": network.slug}),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp")
    TOTP.activate(staff, generate_totp_secret())
    assert client.get(reverse("portal:home")).status_code == 200
    assert client.get(reverse("admin:index")).status_code in (200, 302)  # a non-staff superuser goes to the login


@pytest.mark.django_db
def test_mfa_requirement_holds_under_a_url_prefix(client):
    """Served under a prefix (SCRIPT_NAME), the admin is still behind MFA and the MFA pages still open."""
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get("/admin/", SCRIPT_NAME="/verkosto")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")
    assert client.get("/accounts/2fa/", SCRIPT_NAME="/verkosto").status_code == 200


@pytest.mark.django_db
def test_password_sign_in_then_totp_code(client):
    """A person with an authenticator app is asked for a code after the password."""
    user = factories.UserFactory()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    response = client.post(reverse("account_login"), {"login": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # wrong code: the form again, still signed out
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_mfa_requirement_costs_one_query(client, coordinator, strict_network, django_assert_num_queries):
    from portal.middleware import mfa_required_for

    with django_assert_num_queries(1):
        assert mfa_required_for(coordinator) is True
    Authenticator.objects.create(user=coordinator, type=Authenticator.Type.TOTP, data={"secret": "x"})
    with django_assert_num_queries(1):
        assert mfa_required_for(coordinator) is False
