"""What every page gives the actions done in place with htmx so that a failure shows: the htmx config swaps a
form's errors (422) and nothing else of 4xx/5xx, and static/js/inline-outcome.js, a file of our own (the CSP
allows no inline script), gets the messages it shows from its tag, in the reader's language."""

import json
import re

import pytest
from django.conf import settings
from django.urls import reverse

from portal.lib.views import REFUSED

pytestmark = pytest.mark.django_db

MESSAGES = ("forbidden", "gone", "conflict", "server", "network", "failed", "moved")


def _page(client_for, member, language: str) -> str:
    response = client_for(member).get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def _script_tag(html: str) -> str:
    match = re.search(r'<script src="[^"]*/js/inline-outcome\.js"[^>]*>', html)
    assert match, "the page does not load js/inline-outcome.js"
    return match.group(0)


def test_the_htmx_config_swaps_422_and_no_other_error(client_for, member):
    html = _page(client_for, member, "fi")
    config = json.loads(re.search(r'<meta name="htmx-config" content=\'([^\']*)\'>', html).group(1))
    rules = config["responseHandling"]
    assert REFUSED == 422
    first = {code: next(rule for rule in rules if re.fullmatch(rule["code"], code)) for code in ("200", "422", "404")}
    assert first["200"]["swap"] and first["422"]["swap"] and not first["422"].get("error")
    assert not first["404"]["swap"] and first["404"]["error"]
    assert all(not re.fullmatch(rule["code"], "500") or not rule["swap"] for rule in rules[:4])


@pytest.mark.parametrize(
    ("language", "gone"),
    [
        ("fi", "Tätä ei enää löydy"),
        ("sv", "Det här finns inte längre"),
        ("en", "This is no longer here"),
    ],
)
def test_the_messages_come_from_the_page_in_the_readers_language(client_for, member, language, gone):
    tag = _script_tag(_page(client_for, member, language))
    for name in MESSAGES:
        assert re.search(rf'data-{name}="[^"]+"', tag), f"no data-{name} message"
    assert gone in tag


def test_the_script_is_a_file_of_our_own_as_the_csp_requires(client_for, member):
    response = client_for(member).get(reverse("portal:home"))
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    script = (settings.BASE_DIR / "static" / "js" / "inline-outcome.js").read_text(encoding="utf-8")
    # every message is the page's: no English sentence of its own in the script
    assert not re.search(r'"[A-Z][a-z]+ [a-z]+[^"]*\."', script)
    assert "htmx:responseError" in script and "htmx:sendError" in script
