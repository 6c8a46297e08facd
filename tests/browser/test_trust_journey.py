"""The trust survey from opening to the network map, in a real browser (in Finnish).

A coordinator opens a trust survey of a network of four active member organisations; the representatives of
three of them answer it (one saves a draft first and resumes it); the coordinator sees the response rate 3/4
and closes the survey. The results honour the privacy threshold (3): the organisation that three respondents
rated shows its averages and its comments (without names) to its representative and to the coordinator, the
one rated by only two shows the "not shown" message instead, also to its own representative. Last, the network
map draws the survey's ties, its organisations are links with names reached with the keyboard, and switching
the survey source off removes the ties. Every page is checked with axe; the map is kept as
/tmp/journey-map.png to look at.
"""

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from networks.trust.models import SurveyResponse, SurveyRound
from tests import factories
from tests.browser.actions import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)

MAP_SCREENSHOT = Path(tempfile.gettempdir()) / "journey-map.png"

KANSALAISOPISTO = "Jyväskylän kansalaisopisto"  # the `organisation` fixture, represented by `member`
GRADIA = "Gradia Jyväskylä"
HUMAK = "Humak"
OHJAAMO = "Ohjaamo Jyväskylä"  # asked, never answers: rated by all three

TRUST_LABELS = ("Luotettavuus", "Avoimuus keskustelulle", "Sitoutuminen yhteiseen tehtävään")
VALUE_LABELS = ("Vaikutusvalta", "Osallistumisen taso", "Resurssien tuominen")

# What each respondent says of each other organisation: (relationship, trust, value, comment).
# Ohjaamo is rated by 3 (trust 4, 3, 4 → 3,67; value 3, 3, 2 → 2,67): shown. The kansalaisopisto is rated by
# only 2 (Gradia and Humak; trust 1 and 2 → 1,50): not shown. Gradia and Humak have no relationship.
COMMENT_KANSALAISOPISTO = "Sovitut asiat jäävät usein tekemättä."
COMMENTS_OHJAAMO = (
    "Yhteinen ohjauspiste toimii hyvin.",
    "Tieto kulkee nopeasti puolin ja toisin.",
    "Nuorten ohjaus sujuu yhdessä.",
)
DRAFT = {  # the kansalaisopisto's first sitting
    GRADIA: ("Yhteistyö", 3, 3, ""),
    OHJAAMO: ("Koordinointi", 4, 3, COMMENTS_OHJAAMO[0]),
}
ANSWERS = {
    KANSALAISOPISTO: {**DRAFT, HUMAK: ("Tietoisuus", None, None, "")},
    GRADIA: {
        KANSALAISOPISTO: ("Yhteistyö", 1, 1, COMMENT_KANSALAISOPISTO),
        HUMAK: ("Ei suhdetta", None, None, ""),
        OHJAAMO: ("Yhteistyö", 3, 3, COMMENTS_OHJAAMO[1]),
    },
    HUMAK: {
        KANSALAISOPISTO: ("Koordinointi", 2, 2, ""),
        GRADIA: ("Ei suhdetta", None, None, ""),
        OHJAAMO: ("Integraatio", 4, 2, COMMENTS_OHJAAMO[2]),
    },
}
# The ties on the map: every pair but Gradia–Humak (awareness counts as a tie).
SURVEY_TIES = 5


def _representative(network, name, slug, email, first_name, last_name):
    organisation = factories.OrganisationFactory(name=name, slug=slug)
    person = factories.UserFactory(email=email, first_name=first_name, last_name=last_name)
    factories.AffiliationFactory(user=person, organisation=organisation)
    factories.MembershipFactory(network=network, organisation=organisation, representative=person)
    factories.NetworkRoleFactory(network=network, user=person)
    return person


def _rate(page, name, answer) -> None:
    """One organisation's row of the answer form: the relationship and, when working together, the scores."""
    relationship, trust, value, comment = answer
    row = page.get_by_role("group", name=name, exact=True)
    row.get_by_label(relationship, exact=True).check()
    if trust is None:
        expect(row.get_by_label(TRUST_LABELS[0])).to_be_hidden()  # asked only of those worked with
    else:
        for label in TRUST_LABELS:
            row.get_by_label(label).select_option(str(trust))
        for label in VALUE_LABELS:
            row.get_by_label(label).select_option(str(value))
    if comment:
        row.get_by_label("Kommentti (vapaaehtoinen)").fill(comment)


def _start_answering(page, round_, person, link="Vastaa kyselyyn") -> None:
    sign_in(page, person.email)
    page.goto(f"/trust/surveys/{round_.pk}/")
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1, name="Vastaa kyselyyn")).to_be_visible()


def _submit(page, check, round_, shot: str) -> None:
    page.get_by_role("button", name="Lähetä vastaus").click()
    expect(page).to_have_url(re.compile(rf"/trust/surveys/{round_.pk}/$"))
    expect(page.locator(".alert-success").first).to_contain_text("on lähetetty")
    check(page, shot)
    sign_out(page)


def _open_round(page, check, network, coordinator) -> SurveyRound:
    sign_in(page, coordinator.email)
    page.goto(f"/networks/{network.slug}/")
    page.get_by_role("link", name="Luottamuskyselyt").click()
    check(page, "journey-01-surveys")
    page.get_by_role("link", name="Avaa luottamuskysely").first.click()
    page.locator("#id_title").fill("Luottamuskysely syksy 2026")
    check(page, "journey-02-open-form")
    page.get_by_role("button", name="Avaa kysely").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    round_ = SurveyRound.objects.get(title="Luottamuskysely syksy 2026")
    assert round_.organisations.count() == 4
    check(page, "journey-03-round-opened")
    sign_out(page)
    return round_


def _answer_in_two_sittings(page, check, round_, member) -> None:
    """The kansalaisopisto's representative saves a draft, leaves, comes back to it and submits."""
    _start_answering(page, round_, member)
    for name, answer in DRAFT.items():
        _rate(page, name, answer)
    check(page, "journey-04-answer-form")
    page.get_by_role("button", name="Tallenna luonnos").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    assert SurveyResponse.objects.get(round=round_).submitted_at is None
    sign_out(page)

    _start_answering(page, round_, member, link="Jatka vastaamista")
    ohjaamo = page.get_by_role("group", name=OHJAAMO, exact=True)
    expect(ohjaamo.get_by_label("Koordinointi", exact=True)).to_be_checked()
    expect(ohjaamo.get_by_label("Luotettavuus")).to_have_value("4")
    expect(ohjaamo.get_by_label("Kommentti (vapaaehtoinen)")).to_have_value(COMMENTS_OHJAAMO[0])
    _rate(page, HUMAK, ANSWERS[KANSALAISOPISTO][HUMAK])
    check(page, "journey-05-answer-resumed")
    _submit(page, check, round_, "journey-06-answer-submitted")


def _answer_at_once(page, check, round_, person, organisation_name) -> None:
    _start_answering(page, round_, person)
    for name, answer in ANSWERS[organisation_name].items():
        _rate(page, name, answer)
    _submit(page, check, round_, f"journey-07-submitted-{person.pk}")


def _close_round(page, check, round_, coordinator) -> None:
    """The coordinator sees 3/4 and closes the survey through its confirmation; the results open."""
    sign_in(page, coordinator.email)
    page.goto(f"/trust/surveys/{round_.pk}/")
    expect(page.locator("#round-progress")).to_contain_text("3/4 organisaatiota on lähettänyt vastauksensa")
    check(page, "journey-08-round-rate")
    page.get_by_role("button", name="Sulje kysely").click()
    expect(page.get_by_role("heading", level=1, name="Sulje kysely")).to_be_visible()
    check(page, "journey-09-close-confirm")
    page.get_by_role("button", name="Sulje kysely").click()
    expect(page.locator(".alert-success").first).to_be_visible()
    round_.refresh_from_db()
    assert round_.status == "closed"
    page.get_by_role("link", name="Tulokset").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Luottamuskysely syksy 2026")


def _coordinator_sees_results(page, check) -> None:
    """Ohjaamo's averages are in the organisations' table; the kansalaisopisto's are not shown."""
    table = page.locator("section[aria-labelledby=organisations-heading] table")
    ohjaamo = table.locator("tbody tr").filter(has=page.locator("th", has_text=OHJAAMO))
    kansalaisopisto = table.locator("tbody tr").filter(has=page.locator("th", has_text=KANSALAISOPISTO))
    expect(ohjaamo.locator("td").nth(1)).to_have_text("3")  # rated by
    expect(ohjaamo.locator("td").nth(2)).to_have_text("3,67")  # trust
    expect(ohjaamo.locator("td").nth(3)).to_have_text("2,67")  # value
    expect(kansalaisopisto.locator("td").nth(1)).to_have_text("2")
    expect(kansalaisopisto).to_contain_text("alle 3 antoi pisteet: ei näytetä")
    expect(kansalaisopisto).not_to_contain_text("1,50")
    # Network level: 4 of the 6 possible ties among the three respondents, rounded.
    expect(page.get_by_role("row", name=re.compile("^Yhteyksien tiheys"))).to_contain_text("67 %")
    check(page, "journey-10-results-coordinator")
    sign_out(page)


def _own_results(page, round_, person):
    sign_in(page, person.email)
    page.goto(f"/trust/surveys/{round_.pk}/")
    page.get_by_role("link", name="Tulokset").click()
    own = page.locator("section[aria-labelledby=own-heading]")
    expect(own.get_by_role("heading", name="Mitä muut ajattelevat organisaatiostanne")).to_be_visible()
    expect(page.locator("section[aria-labelledby=organisations-heading]")).to_have_count(0)  # coordinators'
    return own


def _shown_to_its_representative(page, check, round_, ohjaamo_rep, others) -> None:
    """Ohjaamo's representative sees its averages and the comments, with no names next to them."""
    own = _own_results(page, round_, ohjaamo_rep)
    averages = own.get_by_role("table", name=f"Mitä muut ajattelevat organisaatiosta {OHJAAMO}")
    expect(averages.get_by_role("row", name=re.compile("Luottamus keskimäärin"))).to_contain_text("3,67")
    expect(averages.get_by_role("row", name=re.compile("Arvo keskimäärin"))).to_contain_text("2,67")
    expect(own).to_contain_text("3 organisaatiota arvioi sen")
    comments = own.locator("ul.trust-comments li")
    expect(comments).to_have_count(3)
    assert sorted(comments.all_inner_texts()) == sorted(COMMENTS_OHJAAMO)
    comment_block = own.locator("ul.trust-comments").inner_text()
    for word in others:
        assert word not in comment_block
        assert word not in own.inner_text()
    check(page, "journey-11-results-shown")
    sign_out(page)


def _not_shown_to_its_representative(page, check, round_, member) -> None:
    """The kansalaisopisto was rated by only two: its own representative gets the message, not the numbers."""
    own = _own_results(page, round_, member)
    expect(own).to_contain_text(KANSALAISOPISTO)
    expect(own).to_contain_text("Alle 3 organisaatiota arvioi sen: tuloksia ei näytetä.")
    expect(own.locator("table")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("1,50")
    expect(page.locator("main")).not_to_contain_text(COMMENT_KANSALAISOPISTO)
    check(page, "journey-12-results-not-shown")
    sign_out(page)


def _map_shows_the_ties(page, check, network, person) -> None:
    sign_in(page, person.email)
    page.goto(f"/networks/{network.slug}/")
    page.get_by_role("link", name="Verkostokartta").click()
    expect(page.get_by_role("heading", level=1, name="Verkostokartta")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Kyselyn yhteydet: Luottamuskysely syksy 2026.")
    svg = page.locator("svg.trust-map")
    expect(svg.locator("line")).to_have_count(SURVEY_TIES)
    nodes = svg.locator("a.map-node")
    expect(nodes).to_have_count(4)
    titles = nodes.locator("title").all_text_contents()
    for name in (KANSALAISOPISTO, GRADIA, HUMAK, OHJAAMO):
        assert sum(title.startswith(f"{name}:") for title in titles) == 1, titles
        expect(page.get_by_role("link", name=re.compile(rf"^{name}:"))).to_have_count(1)
    check(page, "journey-13-map")
    page.locator(".trust-map-frame").screenshot(path=str(MAP_SCREENSHOT))

    # The organisations are reached with Tab, one after the other.
    nodes.first.focus()
    first = page.evaluate("document.activeElement.querySelector('title').textContent")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('class')") == "map-node"
    second = page.evaluate("document.activeElement.querySelector('title').textContent")
    assert first != second

    # Without the survey as a source the map has no ties left (the network has no other kind).
    page.get_by_label("Luottamuskyselyn suhteet").uncheck()
    page.get_by_role("button", name="Näytä kartta").click()
    expect(page.get_by_label("Luottamuskyselyn suhteet")).not_to_be_checked()
    expect(svg.locator("line")).to_have_count(0)
    expect(nodes).to_have_count(4)
    check(page, "journey-14-map-without-survey")


def test_trust_survey_journey(page, check, network, organisation, member, coordinator):
    gradia_rep = _representative(network, GRADIA, "gradia", "gradia@example.fi", "Aino", "Laaksonen")
    humak_rep = _representative(network, HUMAK, "humak", "humak@example.fi", "Eero", "Saarinen")
    ohjaamo_rep = _representative(network, OHJAAMO, "ohjaamo", "ohjaamo@example.fi", "Liisa", "Nieminen")
    member.first_name, member.last_name = "Pekka", "Virtanen"  # fixed names: searched for below
    member.save(update_fields=["first_name", "last_name"])
    assert network.trust_threshold == 3

    round_ = _open_round(page, check, network, coordinator)
    _answer_in_two_sittings(page, check, round_, member)
    _answer_at_once(page, check, round_, gradia_rep, GRADIA)
    _answer_at_once(page, check, round_, humak_rep, HUMAK)
    assert SurveyResponse.objects.filter(round=round_, submitted_at__isnull=False).count() == 3

    _close_round(page, check, round_, coordinator)
    _coordinator_sees_results(page, check)
    names = [KANSALAISOPISTO, GRADIA, HUMAK]
    for person in (member, gradia_rep, humak_rep):
        names += [person.first_name, person.last_name, person.email]
    _shown_to_its_representative(page, check, round_, ohjaamo_rep, names)
    _not_shown_to_its_representative(page, check, round_, member)
    # The survey's ties on the map are pair-level answers: the coordinator's view.
    _map_shows_the_ties(page, check, network, coordinator)
