"""What a person does in the browser, shared by the journeys (in Finnish, the default language)."""

from playwright.sync_api import expect

from tests.factories import PASSWORD


def sign_in(page, email, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu sisään").click()


def sign_out(page):
    page.get_by_role("button", name="Kirjaudu ulos").first.click()
    if "/accounts/logout/" in page.url:  # allauth asks to confirm
        page.get_by_role("button", name="Kirjaudu ulos").last.click()
    expect(page.get_by_role("link", name="Kirjaudu sisään").first).to_be_visible()
