"""Each security event is recorded by the real flow that causes it: who, about whom, from which address, and
never a password. Nothing was recorded before."""

import re

import pyotp
import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.urls import reverse

from networks.memberships.models import NetworkRole
from portal.audit.models import AuditEvent
from portal.lib.access import Role
from tests import factories
from tests.factories import PASSWORD

Kind = AuditEvent.Kind
NEW_PASSWORD = "Uusi-vahva-salasana-2027"


def _events(kind, **filters):
    return list(AuditEvent.objects.filter(kind=kind, **filters).order_by("pk"))


def _sign_in(client, user, password=PASSWORD, **headers):
    return client.post(reverse("account_login"), {"login": user.email, "password": password}, **headers)


@pytest.mark.django_db
def test_sign_in_is_recorded_with_who_and_from_where(client, member):
    response = _sign_in(client, member, HTTP_USER_AGENT="Testiselain/1.0")
    assert response.status_code == 302
    [event] = _events(Kind.SIGN_IN)
    assert (event.actor, event.subject) == (member, member)
    assert member.email in event.actor_label
    assert event.ip == "127.0.0.1"
    assert event.user_agent == "Testiselain/1.0"


@pytest.mark.django_db
def test_failed_sign_in_records_the_address_tried_but_never_the_password(client, member):
    client.post(reverse("account_login"), {"login": member.email.upper(), "password": "vaara-salasana-123"})
    client.post(reverse("account_login"), {"login": "eiole@example.fi", "password": "toinen-vaara-456"})
    known, unknown = _events(Kind.SIGN_IN_FAILED)
    assert known.subject == member
    assert known.actor is None
    assert (unknown.subject, unknown.subject_label) == (None, "eiole@example.fi")
    stored = str(list(AuditEvent.objects.values()))
    assert "vaara-salasana-123" not in stored
    assert "toinen-vaara-456" not in stored
    assert not _events(Kind.SIGN_IN)


@pytest.mark.django_db
def test_sign_out_is_recorded(client, member):
    _sign_in(client, member)
    client.post(reverse("account_logout"))
    [event] = _events(Kind.SIGN_OUT)
    assert event.subject == member


@pytest.mark.django_db
def test_password_change_is_recorded(client, member):
    _sign_in(client, member)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    [event] = _events(Kind.PASSWORD_CHANGED)
    assert (event.actor, event.subject) == (member, member)


@pytest.mark.django_db
def test_password_reset_is_recorded(client, member, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": member.email})
    link = re.search(r"https?://[^/\s]+(/\S+/password/reset/key/\S+/)", mailoutbox[0].body).group(1)
    set_password = client.get(link)
    assert set_password.status_code == 302
    response = client.post(set_password["Location"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    [event] = _events(Kind.PASSWORD_RESET)
    assert event.subject == member


@pytest.mark.django_db
def test_activating_two_factor_authentication_is_recorded(client, member, django_capture_on_commit_callbacks):
    _sign_in(client, member)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200, page
    code = pyotp.TOTP(client.session[SECRET_SESSION_KEY]).now()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    events = _events(Kind.MFA_CHANGED, subject=member)
    assert {"change": "added", "type": "totp"} in [event.details for event in events]


@pytest.mark.django_db
def test_adding_an_email_address_is_recorded_without_the_address(client, member):
    _sign_in(client, member)
    response = client.post(reverse("account_email"), {"email": "uusi.osoite@example.fi", "action_add": ""})
    assert response.status_code == 302
    [event] = _events(Kind.EMAIL_CHANGED)
    assert event.subject == member
    assert "uusi.osoite" not in str(event.details)


@pytest.mark.django_db
def test_staff_flags_changes_are_recorded_and_other_saves_are_not(member):
    member.first_name = "Muutettu"
    member.save()
    assert not _events(Kind.STAFF_CHANGED)
    member.is_staff = True
    member.save()
    member.is_superuser = True
    member.save(update_fields=["is_superuser"])
    member.is_staff = member.is_superuser = False
    member.save()
    made_staff, made_superuser, taken_away = _events(Kind.STAFF_CHANGED, subject=member)
    assert made_staff.details == {"is_staff": {"from": False, "to": True}}
    assert made_superuser.details == {"is_superuser": {"from": False, "to": True}}
    assert taken_away.details == {
        "is_staff": {"from": True, "to": False},
        "is_superuser": {"from": True, "to": False},
    }


@pytest.mark.django_db
def test_role_changes_are_recorded_through_the_model(network):
    person = factories.UserFactory()
    role = NetworkRole.objects.create(network=network, user=person, role=Role.MEMBER)
    role.role = Role.COORDINATOR
    role.save()
    role.save()  # unchanged: nothing recorded
    role.delete()
    given, raised, taken = _events(Kind.ROLE_CHANGED, subject=person)
    assert given.details == {"network": network.slug, "network_name": network.name, "role": "member", "previous": None}
    assert (raised.details["previous"], raised.details["role"]) == ("member", "coordinator")
    assert (taken.details["previous"], taken.details["role"]) == ("coordinator", None)


@pytest.mark.django_db
def test_a_role_given_by_a_coordinator_names_them_and_their_address(client, coordinator, network):
    """Approving an application gives its representative the member role: the event says who approved."""
    representative = factories.UserFactory()
    application = factories.MembershipFactory(network=network, status="applied", representative=representative)
    client.force_login(coordinator)
    url = reverse("networks:membership_approve", kwargs={"slug": network.slug, "pk": application.pk})
    assert client.post(url).status_code == 302
    [event] = _events(Kind.ROLE_CHANGED, subject=representative)
    assert event.actor == coordinator
    assert event.ip == "127.0.0.1"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy trusted: the header is anyone's to forge
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged first entry is not believed
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
    ],
)
def test_the_address_honours_trusted_proxy_count(client, member, settings, proxies, forwarded_for, expected):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    _sign_in(client, member, HTTP_X_FORWARDED_FOR=forwarded_for)
    [event] = _events(Kind.SIGN_IN)
    assert event.ip == expected


@pytest.mark.django_db
def test_deleting_a_network_records_the_roles_it_takes_away(network, coordinator, member):
    network.delete()
    taken = _events(Kind.ROLE_CHANGED, details__role=None)
    assert {event.subject for event in taken} == {coordinator, member}
    assert {event.details["network"] for event in taken} == {"keski-suomi"}


@pytest.mark.django_db
def test_an_administrator_setting_a_password_in_the_admin_is_recorded(client, admin_user, member):
    client.force_login(admin_user)
    url = reverse("admin:auth_user_password_change", args=[member.pk])
    response = client.post(url, {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    [event] = _events(Kind.PASSWORD_CHANGED)
    assert (event.actor, event.subject, event.details) == (admin_user, member, {"via": "admin"})
