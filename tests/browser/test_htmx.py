"""htmx requests carry the CSRF token: ``<body data-hx-headers>`` (the valid form of ``hx-headers``) still works."""

import pytest

from tests import factories
from tests.browser.actions import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_htmx_post_sends_the_csrf_header_and_is_accepted(page, check):
    person = factories.UserFactory(email="htmx@example.fi")
    sign_in(page, person.email)
    check(page, "htmx-dashboard")
    with page.expect_response(lambda response: "/i18n/setlang/" in response.url) as answer:
        page.evaluate(
            "htmx.ajax('POST', '/i18n/setlang/', {source: document.body, swap: 'none',"
            " values: {language: 'sv', next: '/'}})"
        )
    response = answer.value
    assert response.request.headers.get("x-csrftoken"), "htmx sent no X-CSRFToken header"
    assert response.request.headers.get("hx-request") == "true"
    assert response.status == 302, f"the POST was refused ({response.status}): no valid CSRF token"
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "sv"
