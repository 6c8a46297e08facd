"""Agreeing a term through the network's endorsement, counted by the goals' own rule: a coordinator opens a
round, the representatives are told, each active member organisation answers, and the rule (all, or a
majority of a set number) is evaluated after each answer and when the deadline passes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.glossary import endorsement
from networks.glossary.models import TermRound, TermStatus
from networks.goals.models import RoundOutcome
from networks.memberships.models import EndorsementRule
from portal.lib.errors import DomainError
from tests.networks.glossary.factories import represented_member, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(network):
    return term(network, "ohjaus", "Aikuisen tukemista valinnoissa.")


@pytest.fixture
def second(network):
    return represented_member(network, "Gradia")


def _answer(client, proposal, organisation, answer="agree", reason="", **headers):
    url = reverse("glossary:term_answer", kwargs={"pk": proposal.pk})
    round_ = proposal.rounds.get(outcome="open")
    data = {"organisation": organisation.pk, "answer": answer, "reason": reason, "round": round_.pk}
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE="en", **headers)


def test_a_coordinator_opens_a_round_and_the_representatives_are_told(
    client_for, network, coordinator, member, second, proposal, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("glossary:endorsement_open", kwargs={"pk": proposal.pk})
    assert client_for(member).get(url).status_code == 403
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(url, {"deadline": deadline.isoformat()})
    assert response.status_code == 302
    round_ = TermRound.objects.get()
    assert (round_.rule, round_.deadline, round_.outcome) == (EndorsementRule.ALL, deadline, RoundOutcome.OPEN)
    assert sorted(message.to[0] for message in mailoutbox) == sorted([member.email, second[1].email])
    assert proposal.get_absolute_url() in mailoutbox[0].body


def test_under_the_rule_of_all_the_last_answer_agrees_the_term(
    client_for, network, coordinator, member, organisation, second, proposal
):
    endorsement.round_open(term=proposal, user=coordinator)
    response = _answer(client_for(member), proposal, organisation)
    assert response.status_code == 302 and response.url.endswith("#endorsement")
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.PROPOSED
    # The second organisation answers in place (htmx): the endorsement section comes back, agreed.
    response = _answer(client_for(second[1]), proposal, second[0], "reservations", "Sanamuoto.", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<section class="mb-4" id="endorsement"')
    assert "the member organisations have agreed the term" in html
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.AGREED
    assert TermRound.objects.get().outcome == RoundOutcome.AGREED


def test_an_objection_keeps_the_rule_of_all_unmet_until_the_deadline_ends_it(
    client_for, network, coordinator, member, organisation, second, proposal
):
    round_ = endorsement.round_open(term=proposal, user=coordinator)
    _answer(client_for(member), proposal, organisation)
    _answer(client_for(second[1]), proposal, second[0], "object", "Liian laaja.")
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.PROPOSED
    outcomes = endorsement.rounds_evaluate(today=round_.deadline + datetime.timedelta(days=1))
    assert outcomes == {RoundOutcome.NOT_REACHED: 1}
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.NOT_AGREED
    # It can be put to the members again.
    endorsement.round_open(term=proposal, user=coordinator)
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.PROPOSED


def test_under_a_majority_rule_more_than_half_of_the_set_number_agree_it(
    client_for, network, coordinator, member, organisation, second, proposal
):
    third = represented_member(network, "Ohjaamo")
    network.goal_rule, network.goal_rule_size = EndorsementRule.MAJORITY, 4
    network.save(update_fields=["goal_rule", "goal_rule_size"])
    endorsement.round_open(term=proposal, user=coordinator)
    _answer(client_for(member), proposal, organisation)
    _answer(client_for(second[1]), proposal, second[0])
    _answer(client_for(third[1]), proposal, third[0], "object", "Ei.")
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.PROPOSED  # 2 of the 3 needed
    network.memberships.filter(organisation=third[0]).update(representative=member)
    _answer(client_for(member), proposal, third[0], "agree")  # the changed answer is the one that counts
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.AGREED


def test_only_representatives_answer_and_only_for_their_organisation(
    client_for, network, coordinator, observer, member, organisation, second, proposal
):
    endorsement.round_open(term=proposal, user=coordinator)
    assert _answer(client_for(observer), proposal, organisation).status_code == 403
    response = _answer(client_for(member), proposal, second[0])
    assert response.status_code == 200 and response.context["answer_form"].errors["organisation"]
    with pytest.raises(DomainError):
        endorsement.term_answer(term=proposal, organisation=second[0], user=member, answer="agree")
    assert not proposal.rounds.get().answers.exists()


def test_a_changed_text_supersedes_the_open_round(network, coordinator, member, organisation, second, proposal):
    from networks.glossary import services

    endorsement.round_open(term=proposal, user=coordinator)
    endorsement.term_answer(term=proposal, organisation=organisation, user=member, answer="agree")
    data = {"term_fi": "ohjaus", "definition_fi": "Uusi teksti."}
    first = proposal.rounds.get()
    services.term_update(term=proposal, user=coordinator, data=data)
    first.refresh_from_db()
    assert first.outcome == RoundOutcome.SUPERSEDED
    with pytest.raises(DomainError):  # an answer to the earlier text
        endorsement.term_answer(
            term=proposal, organisation=second[0], user=second[1], answer="agree", round_id=first.pk
        )
    # as for a goal's revision, a new round asks about the new text, its answers from none
    reopened = TermRound.objects.get(outcome=RoundOutcome.OPEN)
    assert reopened.pk != first.pk and not reopened.answers.exists()


def test_the_term_page_shows_where_the_round_stands(client_for, network, coordinator, member, organisation, proposal):
    endorsement.round_open(term=proposal, user=coordinator)
    page = client_for(member).get(proposal.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "0 in favour of the 1 needed" in page
    assert 'data-hx-post="/glossary/terms/' in page


def test_an_organisation_that_leaves_no_longer_counts(network, coordinator, member, organisation, second, proposal):
    endorsement.round_open(term=proposal, user=coordinator)
    endorsement.term_answer(term=proposal, organisation=organisation, user=member, answer="agree")
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.PROPOSED
    membership = network.memberships.get(organisation=second[0])
    membership.status = "left"
    membership.save()
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.AGREED


def test_the_daily_command_closes_rounds_past_their_deadline(network, coordinator, member, second, proposal):
    from io import StringIO

    from django.core.management import call_command

    round_ = endorsement.round_open(term=proposal, user=coordinator)
    out = StringIO()
    call_command("glossary_endorsement_close", "--today", round_.deadline.isoformat(), stdout=out)
    assert "none" in out.getvalue()
    next_day = round_.deadline + datetime.timedelta(days=1)
    call_command("glossary_endorsement_close", "--today", next_day.isoformat(), stdout=out)
    assert "1 not_reached" in out.getvalue()
    proposal.refresh_from_db()
    assert proposal.status == TermStatus.NOT_AGREED


def test_in_place_the_section_comes_back_with_the_terms_state_or_a_422_with_the_reason(
    client_for, network, coordinator, member, organisation, second, proposal
):
    endorsement.round_open(term=proposal, user=coordinator)
    # a form error: 422, the section with the error on the form (htmx swaps it in), nothing saved
    response = _answer(client_for(member), proposal, second[0], HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 422 and html.lstrip().startswith('<section class="mb-4" id="endorsement"')
    assert "Select a valid choice." in html and not proposal.rounds.get().answers.exists()
    # an answer: the badge and the buttons above the section come along out of band
    response = _answer(client_for(member), proposal, organisation, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="term-status"' in html and 'id="term-actions"' in html and html.count('data-hx-swap-oob="true"') == 2
    # the round closed meanwhile: 422, the section as it is now with the reason, not a redirect to a whole page
    round_ = proposal.rounds.get()
    round_.outcome, round_.closed_at = RoundOutcome.CANCELLED, timezone.now()
    round_.save(update_fields=["outcome", "closed_at"])
    url = reverse("glossary:term_answer", kwargs={"pk": proposal.pk})
    data = {"organisation": second[0].pk, "answer": "agree", "round": round_.pk}
    response = client_for(second[1]).post(url, data, HTTP_ACCEPT_LANGUAGE="en", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 422 and html.lstrip().startswith('<section class="mb-4" id="endorsement"')
    assert 'role="alert">The term is not under endorsement now.</p>' in html and "<html" not in html
    response = client_for(second[1]).post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response.url.endswith("#endorsement")
