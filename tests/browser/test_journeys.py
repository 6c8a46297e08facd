"""The main journeys, in Finnish, in a real browser, with axe-core on every page visited."""

import re
import time

import pyotp
import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from tests.browser.actions import sign_in, sign_out
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_counsellor_signs_in_browses_switches_language_and_signs_out(page, check, member, network, organisation):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    check(page, "01-landing")
    page.goto("/accounts/login/")
    check(page, "02-login")
    sign_in(page, member.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tervetuloa")
    expect(page.get_by_role("link", name=network.name)).to_be_visible()
    check(page, "03-dashboard")

    page.get_by_role("link", name=network.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(network.name)
    check(page, "04-network")
    page.get_by_role("link", name=organisation.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(organisation.name)
    check(page, "05-organisation")

    page.get_by_role("link", name="Oma profiili").click()
    check(page, "06-profile")
    page.get_by_role("link", name="Muokkaa profiilia").first.click()
    check(page, "07-profile-edit")
    page.get_by_label("Titteli").fill("Opinto-ohjaaja")
    page.get_by_label("ruotsi").check()
    page.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_text("Opinto-ohjaaja")).to_be_visible()

    page.get_by_role("button", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("link", name="Min profil")).to_be_visible()
    check(page, "08-profile-sv")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="Suomi").click()
    expect(page.locator("html")).to_have_attribute("lang", "fi")

    page.get_by_role("link", name="Saavutettavuusseloste").click()
    check(page, "09-accessibility")
    page.get_by_role("link", name="Tietosuojaseloste").click()
    check(page, "10-privacy")

    sign_out(page)
    expect(page.get_by_role("link", name="Kirjaudu sisään").first).to_be_visible()
    page.goto("/profile/")
    assert "/accounts/login/" in page.url


def test_coordinator_is_asked_to_set_up_mfa_and_then_uses_it(page, check, coordinator, network):
    network.require_mfa_for_coordinators = True
    network.save()
    sign_in(page, coordinator.email)
    # Adding an authenticator asks for the password once more (allauth's re-authentication).
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    expect(page.get_by_text("Roolisi edellyttää kaksivaiheista tunnistusta")).to_be_visible()
    check(page, "19-reauthenticate")
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Vahvista").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    check(page, "20-totp-activate")
    secret_text = page.get_by_label("Tunnistinsovelluksen salainen avain").input_value()
    page.get_by_label("Tunnistinkoodi").fill(pyotp.TOTP(secret_text.strip()).now())
    page.get_by_role("button", name="Aktivoi").click()
    # allauth offers recovery codes next; the network page is now open.
    check(page, "21-after-activation")
    page.goto(f"/networks/{network.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(network.name)

    sign_out(page)
    sign_in(page, coordinator.email)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    check(page, "22-mfa-authenticate")
    # A fresh code: the one used for activation cannot be used again.
    page.get_by_label("Koodi").fill(pyotp.TOTP(secret_text.strip()).at(time.time() + 30))
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tervetuloa")


def test_admin_signs_in_with_a_code_and_reaches_the_admin(page, check, db):
    from tests.factories import UserFactory

    admin = UserFactory(email="paakayttaja@example.fi", is_staff=True, is_superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(admin, secret)
    page.goto("/admin/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Sähköposti").fill(admin.email)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.get_by_label("Koodi").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("link", name="Organisaatiot").first).to_be_visible()
    check(page, "30-admin")
    # Django's admin is a third-party component; axe finds nothing serious in it either.
    page.goto("/admin/partners/organisation/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("organisaatio")
    check(page, "31-admin-organisations")
    page.goto("/admin/networks/network/add/")
    check(page, "32-admin-network-add")


def test_coordinator_invites_and_the_invitee_joins(page, check, coordinator, network, organisation, mailoutbox):
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/")
    page.get_by_role("link", name="Kutsu henkilö").click()
    check(page, "40-invite")
    page.get_by_label("Sähköpostiosoite").fill("uusi@example.fi")
    page.locator("#id_organisation").select_option(label=organisation.name)
    page.get_by_role("button", name="Lähetä kutsu").click()
    expect(page.get_by_text("Kutsu lähetetty osoitteeseen uusi@example.fi.")).to_be_visible()
    sign_out(page)

    assert len(mailoutbox) == 1
    link = re.search(r"http://\S+(/invitations/\S+/)", mailoutbox[0].body).group(1)
    page.goto(link)
    check(page, "41-accept")
    page.get_by_label("Etunimi").fill("Uusi")
    page.get_by_label("Sukunimi").fill("Ohjaaja")
    page.locator("#id_password1").fill("Vahva-salasana-2026")
    page.locator("#id_password2").fill("Vahva-salasana-2026")
    page.get_by_role("button", name="Luo tili").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tervetuloa, Uusi")
    expect(page.get_by_role("link", name=network.name)).to_be_visible()


def test_phone_width_menu(page, check, member):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, member.email)
    # Keyboard: the skip link is the first stop and moves focus to the main content.
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry pääsisältöön")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    toggle = page.get_by_role("button", name="Näytä tai piilota valikko")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(page.get_by_role("link", name="Oma profiili")).to_be_visible()
    expect(page.locator("#main-nav.show")).to_be_visible()  # the opening animation has finished
    check(page, "50-phone-menu")


def test_a_person_with_an_account_accepts_an_invitation(
    page, check, coordinator, outsider, network, organisation, mailoutbox
):
    """Someone already in another network is invited: they sign in from the link and join."""
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/invite/")
    page.get_by_label("Sähköpostiosoite").fill(outsider.email)
    page.locator("#id_organisation").select_option(label=organisation.name)
    page.get_by_role("button", name="Lähetä kutsu").click()
    expect(page.get_by_text(f"Kutsu lähetetty osoitteeseen {outsider.email}.")).to_be_visible()
    sign_out(page)

    link = re.search(r"http://\S+(/invitations/\S+/)", mailoutbox[0].body).group(1)
    assert "Sinulla on jo tili" in mailoutbox[0].body
    page.goto(link)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Sähköposti").fill(outsider.email)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hyväksy kutsu")
    check(page, "42-join")
    page.get_by_role("button", name="Hyväksy kutsu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(network.name)
    expect(page.get_by_text("Olet hyväksynyt kutsun.")).to_be_visible()
