"""Single sign-on in the browser, in Finnish: the sign-in page's button for the organisation's account, the
tests' own OpenID Connect provider (a second process) and back. axe-core on the portal's pages; the Nu checker
sees every page, the provider's too."""

import re

import pytest
from playwright.sync_api import expect

from tests.oidc_provider.process import PROVIDER_PASSWORD
from tests.sso import PROVIDER_NAME

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in_through_provider(page, email):
    page.goto("/accounts/login/")
    page.get_by_role("button", name=f"Kirjaudu: {PROVIDER_NAME}").click()
    expect(page.get_by_role("heading", name="Test identity provider")).to_be_visible()
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PROVIDER_PASSWORD)
    page.get_by_role("button", name="Sign in to the provider").click()


def test_sign_in_page_shows_the_provider_and_keeps_the_password_form(page, check, sso):
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="Tai kirjaudu organisaatiosi tilillä")).to_be_visible()
    expect(page.get_by_role("button", name=f"Kirjaudu: {PROVIDER_NAME}")).to_be_visible()
    expect(page.get_by_label("Sähköposti")).to_be_visible()
    expect(page.get_by_label("Salasana")).to_be_visible()
    check(page, "sso-01-login-with-provider")


def test_a_counsellor_signs_in_with_the_organisations_account(page, check, sso, member):
    sso.provider.person(member.email)
    sign_in_through_provider(page, member.email)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tervetuloa")
    check(page, "sso-02-dashboard")
    # allauth's page of one's linked accounts lists the organisation's account.
    page.goto("/accounts/3rdparty/")
    expect(page.get_by_text(PROVIDER_NAME).first).to_be_visible()
    expect(page.get_by_role("heading", name="Lisää kolmannen osapuolen tili")).to_have_count(0)
    check(page, "sso-06-linked-accounts")


def test_an_unknown_address_is_told_to_ask_for_an_invitation(page, check, sso):
    sso.provider.person("tuntematon@example.fi")
    sign_in_through_provider(page, "tuntematon@example.fi")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_text("Tällä osoitteella ei ole tiliä Verkostossa.")).to_be_visible()
    check(page, "sso-03-refused-unknown")


def test_a_coordinator_without_accepted_provider_mfa_is_asked_for_the_portals_own(
    page, check, sso, coordinator, network
):
    network.require_mfa_for_coordinators = True
    network.save(update_fields=["require_mfa_for_coordinators"])
    sso.provider.person(coordinator.email, amr=["pwd", "mfa"])
    sign_in_through_provider(page, coordinator.email)
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    check(page, "sso-04-portal-mfa-asked")


def test_a_person_with_an_authenticator_app_gives_its_code(page, check, sso, member):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(member, generate_totp_secret())
    sso.provider.person(member.email, amr=["pwd"])
    sign_in_through_provider(page, member.email)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    check(page, "sso-05-totp-code")
