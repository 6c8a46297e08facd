"""Who sees and acts on a term beyond the access matrix: the representatives the endorsement asks (with or
without a role in the network, as for the goals), the basis ending with the representation, and the proposer
of a term under endorsement, who waits for the round to close while a coordinator's change opens it again."""

import pytest
from django.urls import reverse

from networks.glossary import endorsement
from networks.glossary.models import TermRound, TermStatus
from networks.goals.models import RoundOutcome
from tests import factories
from tests.networks.glossary.factories import term

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for(client_for):
    """The cast's client, reading the pages in English (the assertions quote English text)."""

    def _client_for(user):
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return _client_for


@pytest.fixture
def representative(network, organisation, member):
    """The representative of the cast organisation, an active member, with no role in the network (in the
    member's stead)."""
    person = factories.UserFactory(email="edustaja@example.fi")
    network.memberships.filter(organisation=organisation).update(representative=person)
    return person


@pytest.fixture
def proposal(network, member):
    return term(network, "ohjaus", "Aikuisen tukemista valinnoissa.", proposed_by=member)


def _answer(client, proposal, organisation, answer="agree"):
    url = reverse("glossary:term_answer", kwargs={"pk": proposal.pk})
    round_ = proposal.rounds.get(outcome=RoundOutcome.OPEN)
    data = {"organisation": organisation.pk, "answer": answer, "reason": "", "round": round_.pk}
    return client.post(url, data)


def test_a_representative_without_a_role_is_asked_and_agrees_the_term(
    client_for,
    network,
    coordinator,
    organisation,
    representative,
    proposal,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        endorsement.round_open(term=proposal, user=coordinator)
    assert [message.to for message in mailoutbox] == [[representative.email]]
    client = client_for(representative)
    page = client.get(proposal.get_absolute_url())
    assert page.status_code == 200
    assert page.context["answer_form"] is not None
    assert not page.context["may"]["comment"] and not page.context["may"]["edit"]
    # the same person sees the network's goals, as they did
    assert client.get(factories.GoalFactory(network=network).get_absolute_url()).status_code == 200
    # under the rule of all, their organisation's answer (the only active member) agrees the term
    assert _answer(client, proposal, organisation).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.AGREED


def test_a_deputy_without_a_role_sees_the_term(client_for, network, organisation, proposal):
    deputy = factories.UserFactory()
    network.memberships.filter(organisation=organisation).update(deputy=deputy)
    assert client_for(deputy).get(proposal.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("ended", ["left", "replaced", "another network"])
def test_the_basis_ends_with_the_representation(client_for, network, other_network, organisation, proposal, ended):
    person = factories.UserFactory()
    if ended == "another network":
        other_network.memberships.update(representative=person)
    else:
        membership = network.memberships.get(organisation=organisation)
        membership.representative = person
        membership.save()
        if ended == "left":
            membership.status = "left"
        else:
            membership.representative = factories.UserFactory()
        membership.save()
    client = client_for(person)
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert client.post(reverse("glossary:term_answer", kwargs={"pk": proposal.pk})).status_code == 404


def test_a_paused_members_representative_reads_but_does_not_answer(
    client_for, network, coordinator, organisation, representative, proposal
):
    network.memberships.filter(organisation=organisation).update(status="paused")
    endorsement.round_open(term=proposal, user=coordinator)
    client = client_for(representative)
    assert client.get(proposal.get_absolute_url()).status_code == 200
    assert _answer(client, proposal, organisation).status_code == 403


def test_an_outsider_still_gets_404(client_for, outsider, proposal):
    assert client_for(outsider).get(proposal.get_absolute_url()).status_code == 404


def test_the_proposer_waits_for_the_round_to_close(client_for, network, coordinator, member, proposal):
    endorsement.round_open(term=proposal, user=coordinator)
    client = client_for(member)
    page = client.get(proposal.get_absolute_url()).content.decode()
    edit_url = reverse("glossary:term_edit", kwargs={"pk": proposal.pk})
    assert f'href="{edit_url}"' not in page
    assert "only the network&#x27;s coordinators can change it" in page
    for response in (client.get(edit_url), client.post(edit_url, {"term_fi": "ohjaus", "definition_fi": "Uusi."})):
        assert response.status_code == 302 and response.url.endswith("#endorsement")
    followed = client.get(proposal.get_absolute_url())
    assert "only the network's coordinators can change it" in " ".join(map(str, followed.context["messages"]))
    proposal.refresh_from_db()
    assert proposal.definition_fi == "Aikuisen tukemista valinnoissa."
    assert proposal.rounds.get().outcome == RoundOutcome.OPEN
    # a proposal never put to endorsement the proposer edits freely
    fresh = term(network, "neuvonta", "Tiedon antamista.", proposed_by=member)
    assert client.get(reverse("glossary:term_edit", kwargs={"pk": fresh.pk})).status_code == 200


def test_a_coordinators_change_opens_the_round_again_and_tells_the_representatives(
    client_for, network, coordinator, member, organisation, proposal, mailoutbox, django_capture_on_commit_callbacks
):
    first = endorsement.round_open(term=proposal, user=coordinator)
    endorsement.term_answer(term=proposal, organisation=organisation, user=member, answer="object", reason="Ei.")
    proposal.refresh_from_db()
    url = reverse("glossary:term_edit", kwargs={"pk": proposal.pk})
    data = {"term_fi": "ohjaus", "definition_fi": "Uusi teksti.", "version": proposal.updated_at.isoformat()}
    client = client_for(coordinator)
    assert "A changed text ends the open round and its answers" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.outcome == RoundOutcome.SUPERSEDED
    reopened = TermRound.objects.get(outcome=RoundOutcome.OPEN)
    assert not reopened.answers.exists()
    assert [message.to for message in mailoutbox] == [[member.email]]
    followed = client.get(proposal.get_absolute_url())
    assert "a new one is open until" in " ".join(map(str, followed.context["messages"]))
