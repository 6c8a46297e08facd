"""allauth's account pages in a real browser, in Finnish: axe-core on each, and the flows behind them.

Password reset and e-mail change by the links in the mails, a passkey added with Chromium's
virtual authenticator (Chrome DevTools Protocol) and used to sign in, and a recovery code.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from tests.browser.actions import sign_in, sign_out
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "Uusi-salasana-2026"
NEW_EMAIL = "uusi.osoite@example.fi"


def expect_dashboard(page):
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tervetuloa")


def expect_h1(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def link_in(message, path_prefix):
    """The path of the first link in ``message`` whose path starts with ``path_prefix``."""
    match = re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S+)", message.body)
    assert match, f"no {path_prefix} link in the mail:\n{message.body}"
    return match.group(1)


def expect_announced_error(page, field, text):
    """The field is marked invalid and its error message is part of its accessible description."""
    expect(field).to_have_attribute("aria-invalid", "true")
    described_by = (field.get_attribute("aria-describedby") or "").split()
    error_ids = [i for i in described_by if i.endswith("_error")]
    assert error_ids, f"the error is not linked to the field: aria-describedby={described_by}"
    expect(page.locator(f"#{error_ids[0]}")).to_contain_text(text)
    expect(field).to_have_accessible_description(re.compile(re.escape(text)))


def test_account_pages_are_accessible_signed_out(page, check):
    pages = [
        ("/accounts/login/", "Kirjaudu sisään", "acc-01-login"),
        ("/accounts/password/reset/", "Salasanan uusiminen", "acc-02-password-reset"),
        ("/accounts/password/reset/done/", "Salasanan uusiminen", "acc-03-password-reset-done"),
        ("/accounts/signup/", "Rekisteröityminen on suljettu", "acc-04-signup-closed"),
        ("/accounts/inactive/", "Tili poissa käytöstä", "acc-05-inactive"),
        ("/accounts/password/reset/key/zz-bad/", "Virheellinen tunniste", "acc-06-reset-bad-token"),
        ("/accounts/confirm-email/bad-key/", "Vahvista sähköpostiosoite", "acc-07-confirm-email-bad-key"),
    ]
    for path, heading, name in pages:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        expect_h1(page, heading)
        if path == "/accounts/signup/":
            # Sign-up is closed: no form, only the word that accounts come by invitation.
            expect(page.get_by_text("Tilit luodaan verkoston koordinaattorin lähettämällä kutsulla.")).to_be_visible()
            expect(page.get_by_role("textbox")).to_have_count(0)
            expect(page.get_by_role("link", name="Onko sinulla jo tili? Kirjaudu sisään.")).to_be_visible()
        if path == "/accounts/password/reset/key/zz-bad/":
            expect(page.get_by_role("link", name="uusia salasanan uusimisen")).to_have_attribute(
                "href", "/accounts/password/reset/"
            )
        if path == "/accounts/confirm-email/bad-key/":
            expect(page.get_by_text("vahvistuslinkki on vanhentunut tai muuten käyttökelvoton")).to_be_visible()
        check(page, name)


def test_account_pages_are_accessible_signed_in(page, check, member):
    sign_in(page, member.email)
    expect_dashboard(page)
    pages = [
        ("/accounts/email/", "Sähköpostiosoite", "acc-10-email"),
        ("/accounts/password/change/", "Vaihda salasana", "acc-11-password-change"),
        ("/accounts/2fa/", "Kaksivaiheinen tunnistus", "acc-12-mfa-index"),
        ("/accounts/2fa/webauthn/", "Turva-avaimet", "acc-13-webauthn-list-empty"),
        ("/accounts/reauthenticate/", "Vahvista pääsy", "acc-14-reauthenticate"),
        ("/profile/edit/", "Muokkaa profiilia", "acc-15-profile-edit"),
    ]
    for path, heading, name in pages:
        page.goto(path)
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
        expect_h1(page, heading)
        check(page, name)

    # A form with errors: the wrong current password is announced on the field itself.
    page.goto("/accounts/password/change/")
    page.get_by_label("Nykyinen salasana").fill("vaara-salasana")
    page.get_by_label("Uusi salasana", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Uusi salasana (uudestaan)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Vaihda salasana").click()
    expect_h1(page, "Vaihda salasana")
    expect_announced_error(page, page.get_by_label("Nykyinen salasana"), "Ole hyvä ja anna nykyinen salasanasi.")
    check(page, "acc-16-password-change-errors")
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_password_reset_by_email(page, check, member, mailoutbox):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Unohditko salasanasi?").click()
    expect_h1(page, "Salasanan uusiminen")
    page.get_by_label("Sähköposti").fill(member.email)
    page.get_by_role("button", name="Salasanan uusiminen").click()
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/done/$"))
    expect(page.get_by_text("Lähetimme sinulle sähköpostin.")).to_be_visible()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [member.email]
    page.goto(link_in(mailoutbox[0], "/accounts/password/reset/key/"))
    # allauth moves the token into the session and redirects to a URL without it.
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/key/\w+-set-password/$"))
    check(page, "acc-20-reset-from-key")
    page.get_by_label("Uusi salasana", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Uusi salasana (uudestaan)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Vaihda salasana").click()
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/key/done/$"))
    check(page, "acc-21-reset-from-key-done")

    # The old password no longer works, the new one does.
    sign_in(page, member.email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("alert")).to_contain_text("ei ole oikein")
    sign_in(page, member.email, NEW_PASSWORD)
    expect_dashboard(page)


def test_email_change_needs_verification(page, check, member, mailoutbox):
    old_email = member.email
    sign_in(page, member.email)
    expect_dashboard(page)
    page.goto("/accounts/email/")
    expect(page.get_by_label("Nykyinen sähköposti")).to_have_value(old_email)
    page.get_by_label("Uusi:").fill(NEW_EMAIL)
    page.get_by_role("button", name="Vaihda sähköposti").click()

    # Pending: shown as such, the old address is still the one in use.
    expect(page).to_have_url(re.compile(r"/accounts/email/$"))
    expect(page.get_by_label("Vaihdetaan osoitteeseen")).to_have_value(NEW_EMAIL)
    expect(page.get_by_text("Sähköpostiosoitteesi vahvistus on vielä kesken.")).to_be_visible()
    check(page, "acc-30-email-change-pending")
    new = EmailAddress.objects.get(email=NEW_EMAIL)
    assert new.user_id == member.pk
    assert not new.verified
    assert not new.primary
    member.refresh_from_db()
    assert member.email == old_email

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [NEW_EMAIL]
    page.goto(link_in(mailoutbox[0], "/accounts/confirm-email/"))
    expect_h1(page, "Vahvista sähköpostiosoite")
    expect(page.get_by_text(NEW_EMAIL)).to_be_visible()
    check(page, "acc-31-confirm-email")
    page.get_by_role("button", name="Vahvista").click()

    # allauth returns to the front page with a status message; the e-mail page shows the new address.
    expect_dashboard(page)
    expect(page.get_by_role("status")).to_contain_text(NEW_EMAIL)
    page.goto("/accounts/email/")
    expect(page.get_by_label("Nykyinen sähköposti")).to_have_value(NEW_EMAIL)
    new.refresh_from_db()
    assert new.verified
    assert new.primary
    assert not EmailAddress.objects.filter(email=old_email).exists()
    member.refresh_from_db()
    assert member.email == NEW_EMAIL


def test_passkey_webauthn(page, check, member):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    sign_in(page, member.email)
    expect_dashboard(page)
    page.goto("/accounts/2fa/")
    page.get_by_role("link", name="Lisää").click()
    # Adding a key asks for the password once more.
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/\?next=%2Faccounts%2F2fa%2Fwebauthn%2Fadd%2F$"))
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Vahvista").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/webauthn/add/$"))
    expect_h1(page, "Lisää turva-avain")
    check(page, "acc-40-passkey-add")
    page.get_by_label("Avaimen nimi").fill("Työkannettava")
    page.get_by_label("Salasanaton").check()
    page.get_by_role("button", name="Lisää").click()
    # The first authenticator also brings recovery codes; allauth shows them next.
    expect(page).not_to_have_url(re.compile(r"/accounts/2fa/webauthn/add/$"))
    key = Authenticator.objects.get(user=member, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Työkannettava"
    assert key.wrap().is_passwordless

    page.goto("/accounts/2fa/webauthn/")
    expect_h1(page, "Turva-avaimet")
    expect(page.get_by_text("Ei käytetty.")).to_be_visible()
    expect(page.get_by_role("link", name="Poista Työkannettava")).to_be_visible()
    expect(page.get_by_role("cell", name="Työkannettava Pääsyavain")).to_be_visible()
    check(page, "acc-41-passkey-list")

    sign_out(page)
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Kirjaudu pääsyavaimella").click()
    expect_dashboard(page)


def test_recovery_code_signs_in(page, check, member):
    TOTP.activate(member, generate_totp_secret())
    recovery = RecoveryCodes.activate(member)
    code = recovery.get_unused_codes()[0]

    sign_in(page, member.email)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    expect_h1(page, "Kaksivaiheinen tunnistus")
    page.get_by_label("Koodi").fill(code)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect_dashboard(page)
    assert code not in RecoveryCodes(Authenticator.objects.get(pk=recovery.instance.pk)).get_unused_codes()

    # The same code a second time: refused, and the refusal is announced on the field.
    sign_out(page)
    sign_in(page, member.email)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.get_by_label("Koodi").fill(code)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    expect_announced_error(page, page.get_by_label("Koodi"), "Virheellinen koodi.")
    check(page, "acc-50-mfa-authenticate-used-code")
    # Still not signed in: a personal page sends the person back to finish signing in.
    page.goto("/profile/")
    expect(page).to_have_url(re.compile(r"/accounts/(login|2fa/authenticate)/"))
    expect(page.get_by_role("link", name="Oma profiili")).to_have_count(0)
