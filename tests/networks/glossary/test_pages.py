"""The glossary's pages: who sees them, proposing a term, editing it with its history kept, retiring it after a
confirmation, and the discussion (in place with htmx, and without JavaScript)."""

import pytest
from django.urls import reverse

from networks.glossary.forms import TermCommentForm
from networks.glossary.models import DefinitionVersion, Term, TermComment, TermStatus
from tests.networks.glossary.factories import agreed, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for(client_for):
    """The cast's client, reading the pages in English (the assertions quote English text)."""

    def _client_for(user):
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return _client_for


PROPOSAL = {
    "term_fi": "elinikäinen ohjaus",
    "term_sv": "livslång vägledning",
    "term_en": "",
    "definition_fi": "Ohjausta läpi elämän.",
    "definition_sv": "Vägledning genom livet.",
    "definition_en": "",
}


def test_outsiders_get_404_and_the_network_reads(client_for, network, outsider, observer):
    proposal = term(network)
    for name, kwargs in (("glossary:glossary", {"slug": network.slug}), ("glossary:term_detail", {"pk": proposal.pk})):
        url = reverse(name, kwargs=kwargs)
        assert client_for(outsider).get(url).status_code == 404
        assert client_for(observer).get(url).status_code == 200


def test_the_glossary_is_alphabetical_in_the_readers_language_with_filters(client_for, network, member):
    agreed(network, "neuvonta", "Tiedon antamista.", term_sv="rådgivning")
    term(network, "ohjaus", "Tukemista.", term_sv="vägledning")
    term(network, "arviointi", "Vanha.", status=TermStatus.RETIRED)
    client = client_for(member)
    url = reverse("glossary:glossary", kwargs={"slug": network.slug})
    assert [t.term_fi for t in client.get(url).context["page_obj"]] == ["neuvonta", "ohjaus"]
    page_sv = client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
    names = [t.term_sv for t in page_sv.context["page_obj"].object_list]
    assert names == ["rådgivning", "vägledning"]
    assert [t.term_fi for t in client.get(url, {"status": "agreed"}).context["page_obj"]] == ["neuvonta"]
    assert [t.term_fi for t in client.get(url, {"q": "tukem"}).context["page_obj"]] == ["ohjaus"]
    assert "No terms match these filters" in client.get(url, {"q": "zzz"}).content.decode()


def test_an_empty_glossary_invites_the_first_proposal(client_for, network, member):
    response = client_for(member).get(reverse("glossary:glossary", kwargs={"slug": network.slug}))
    assert "has no terms yet" in response.content.decode()


def test_a_member_proposes_and_the_coordinators_are_told(
    client_for, network, member, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("glossary:term_create", kwargs={"slug": network.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(member).post(url, PROPOSAL)
    created = Term.objects.get()
    assert response.status_code == 302 and response.url == created.get_absolute_url()
    assert (created.status, created.proposed_by, created.term_sv) == (
        TermStatus.PROPOSED,
        member,
        "livslång vägledning",
    )
    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert created.get_absolute_url() in mailoutbox[0].body


def test_finnish_is_required_and_a_duplicate_is_refused(client_for, network, member):
    term(network, "Ohjaus")
    url = reverse("glossary:term_create", kwargs={"slug": network.slug})
    response = client_for(member).post(url, {**PROPOSAL, "definition_fi": ""})
    assert response.status_code == 200 and response.context["form"].errors["definition_fi"]
    response = client_for(member).post(url, {**PROPOSAL, "term_fi": "ohjaus"})
    assert response.status_code == 200
    assert "already has this term" in str(response.context["form"].errors)
    assert Term.objects.count() == 1


def test_the_observer_may_not_propose(client_for, network, observer):
    url = reverse("glossary:term_create", kwargs={"slug": network.slug})
    assert client_for(observer).post(url, PROPOSAL).status_code == 403


def test_an_edit_keeps_the_previous_definition_and_an_agreed_term_must_be_agreed_again(
    client_for, network, coordinator, member
):
    guidance = agreed(network, "ohjaus", "Vanha määritelmä.", defined_by=member)
    related = term(network, "neuvonta", "Tiedon antamista.")
    client = client_for(coordinator)
    url = reverse("glossary:term_edit", kwargs={"pk": guidance.pk})
    form = client.get(url).context["form"]
    data = {**{f: getattr(guidance, f) or "" for f in PROPOSAL}, "definition_fi": "Uusi määritelmä."}
    response = client.post(url, {**data, "related": "NEUVONTA\n", "version": form.initial["version"]})
    assert response.status_code == 302
    guidance.refresh_from_db()
    assert (guidance.definition_fi, guidance.status, guidance.defined_by) == (
        "Uusi määritelmä.",
        "proposed",
        coordinator,
    )
    version = DefinitionVersion.objects.get(term=guidance)
    assert (version.definition_fi, version.defined_by, version.replaced_by) == (
        "Vanha määritelmä.",
        member,
        coordinator,
    )
    assert list(related.related.all()) == [guidance]  # symmetric
    page = client.get(guidance.get_absolute_url()).content.decode()
    assert "Vanha määritelmä." in page and "neuvonta" in page
    # The same stale form again: refused, nothing lost.
    response = client.post(url, {**data, "definition_fi": "Kolmas.", "version": form.initial["version"]})
    assert response.status_code == 200
    guidance.refresh_from_db()
    assert guidance.definition_fi == "Uusi määritelmä."


def test_the_proposer_edits_their_proposal_but_not_anothers(client_for, network, member, coordinator):
    mine = term(network, "ohjaus", proposed_by=member)
    theirs = term(network, "neuvonta", proposed_by=coordinator)
    client = client_for(member)
    assert client.get(reverse("glossary:term_edit", kwargs={"pk": mine.pk})).status_code == 200
    assert client.get(reverse("glossary:term_edit", kwargs={"pk": theirs.pk})).status_code == 403


def test_retiring_asks_first(client_for, network, coordinator):
    guidance = agreed(network, "ohjaus", "Tukemista.")
    client = client_for(coordinator)
    url = reverse("glossary:term_retire", kwargs={"pk": guidance.pk})
    assert "Retire the term" in client.get(url).content.decode()
    client.post(url, {})
    guidance.refresh_from_db()
    assert guidance.status == TermStatus.AGREED
    response = client.post(url, {"confirm": "yes"})
    assert response.url == reverse("glossary:glossary", kwargs={"slug": network.slug})
    guidance.refresh_from_db()
    assert guidance.status == TermStatus.RETIRED
    assert client.get(reverse("glossary:term_edit", kwargs={"pk": guidance.pk})).status_code == 403


def test_a_comment_updates_the_discussion_in_place_or_redirects(client_for, network, member):
    guidance = term(network)
    client = client_for(member)
    url = reverse("glossary:comment_add", kwargs={"pk": guidance.pk})
    response = client.post(url, {"body": "Hyvä ehdotus."}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="mb-4" id="comments"') and "Hyvä ehdotus." in html
    assert "<html" not in html
    response = client.post(url, {"body": "Toinen."})
    assert response.status_code == 302 and response.url.endswith("#comments")
    assert list(TermComment.objects.values_list("body", flat=True)) == ["Hyvä ehdotus.", "Toinen."]
    response = client.post(url, {"body": "  "}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and response.context["comment_form"].errors
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="mb-4" id="comments"') and "This field is required." in html
    assert TermComment.objects.count() == 2
    # what was typed comes back in the form with its error: too long, kept as it was sent
    long = "x" * (TermCommentForm.base_fields["body"].max_length + 1)
    response = client.post(url, {"body": long}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and long in response.content.decode()


def test_the_term_page_shows_the_readers_language_and_marks_a_fallback(client_for, network, member):
    guidance = term(network, "ohjaus", "Tukemista.", term_sv="vägledning")
    client = client_for(member)
    page = client.get(guidance.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "vägledning" in page
    assert "fallback-mark" in page  # the definition is only in Finnish
