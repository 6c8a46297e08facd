"""Single sign-on across two servers: the live portal and the tests' own OpenID Connect provider (a second
process), with ``requests`` following every redirect. Who may come in, with which account, and what is refused."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.utils import translation
from django.utils.html import escape

from portal.audit.models import AuditEvent
from portal.sso.signin import MESSAGES
from tests import factories
from tests.sso import PROVIDER_ID, sign_in_with_requests

pytestmark = pytest.mark.django_db(transaction=True)


def refused_with(response, reason: str) -> None:
    assert response.url.endswith("/accounts/login/"), response.url
    with translation.override("fi"):
        assert escape(str(MESSAGES[reason])) in response.text


def test_a_counsellor_with_an_account_signs_in_and_is_linked(live_server, sso, member):
    sso.provider.person(member.email)
    response = sign_in_with_requests(live_server.url, member.email)
    assert response.status_code == 200
    assert response.url == live_server.url + "/"
    assert member.get_full_name() in response.text
    account = SocialAccount.objects.get(user=member)
    assert account.provider == PROVIDER_ID
    event = AuditEvent.objects.filter(kind=AuditEvent.Kind.SIGN_IN, subject=member).get()
    assert event.details == {"stage": "sso", "provider": PROVIDER_ID}
    # The second sign-in finds the account by the link, not by the address.
    response = sign_in_with_requests(live_server.url, member.email)
    assert response.url == live_server.url + "/"
    assert SocialAccount.objects.count() == 1


def test_an_unknown_address_is_refused(live_server, sso):
    sso.provider.person("tuntematon@example.fi")
    response = sign_in_with_requests(live_server.url, "tuntematon@example.fi")
    refused_with(response, "no_account")
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SIGN_IN_FAILED)
    assert event.subject_label == "tuntematon@example.fi"
    assert event.details == {"stage": "sso", "provider": PROVIDER_ID, "reason": "no_account"}
    assert not SocialAccount.objects.exists()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Den här adressen har inget konto i Verkosto."),
        ("en", "This address has no account in Verkosto. Ask your network&#x27;s coordinator for an invitation."),
    ],
)
def test_the_refusal_is_said_in_the_persons_language(live_server, sso, language, text):
    import requests

    sso.provider.person("okand@example.fi")
    session = requests.Session()
    session.cookies.set("django_language", language)  # the language switch's cookie
    response = sign_in_with_requests(live_server.url, "okand@example.fi", session)
    assert response.url.endswith("/accounts/login/")
    assert text in response.text


def test_a_domain_the_provider_may_not_sign_in_is_refused(live_server, sso):
    user = factories.UserFactory(email="ohjaaja@muu-organisaatio.fi")
    sso.provider.person(user.email)
    refused_with(sign_in_with_requests(live_server.url, user.email), "domain")
    assert not SocialAccount.objects.exists()


def test_an_unverified_address_is_refused(live_server, sso, member):
    sso.provider.person(member.email, email_verified=False)
    refused_with(sign_in_with_requests(live_server.url, member.email), "unverified")
    assert not SocialAccount.objects.exists()


def test_a_deactivated_account_is_refused(live_server, sso, member):
    member.is_active = False
    member.save(update_fields=["is_active"])
    sso.provider.person(member.email)
    refused_with(sign_in_with_requests(live_server.url, member.email), "inactive")
    assert not SocialAccount.objects.exists()


def test_a_directory_contact_is_not_an_account(live_server, sso):
    contact = factories.UserFactory(email="yhteyshenkilo@example.fi", is_contact=True)
    sso.provider.person(contact.email)
    refused_with(sign_in_with_requests(live_server.url, contact.email), "no_account")
