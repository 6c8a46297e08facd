"""Endorsement of shared goals by organisations: the rule, rounds, revisions, answering.

The rule is tested twice: as arithmetic (``tally`` on plain rows) and through real rounds, where who must
answer is worked out from the memberships when the round is evaluated (joining and leaving mid-way).
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from networks.goals import endorsement, services
from networks.goals.endorsement_panel import progress_text
from networks.goals.models import Endorsement, EndorsementRound
from networks.memberships import services as network_services
from networks.memberships.models import EndorsementRule, Membership
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from tests import factories
from tests.networks.goals.endorsement_cast import (
    EN,
    A,
    O,
    S,
    add_member,
    agreed,
    answer,
    reload,
    three_members,
    today,
    url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English (the portal's default language is Finnish)."""
    with translation.override("en"):
        yield


@pytest.fixture
def three(network, organisation, member, partner_organisation):
    """The cast organisation (the member represents it), Gradia and Omnia, each with a representative."""
    return three_members(network, organisation, member, partner_organisation)


# --- the rule as arithmetic --------------------------------------------------------------------------


def _round(rule=EndorsementRule.ALL, set_size=None):
    return EndorsementRound(rule=rule, set_size=set_size)


def _answers(*pairs, current=True):
    return [SimpleNamespace(organisation_id=org, answer=answer, is_current=current) for org, answer in pairs]


def test_unanimity_needs_every_active_member_in_favour():
    round_ = _round()
    active = {1, 2, 3}
    assert endorsement.tally(round_, active, _answers((1, A.AGREE), (2, A.AGREE))).met is False
    result = endorsement.tally(round_, active, _answers((1, A.AGREE), (2, A.RESERVATIONS), (3, A.AGREE)))
    assert result.met is True
    assert (result.required, result.answered, result.in_favour, result.objections, result.missing) == (3, 3, 3, 0, 0)
    # one objection and the rule is not met
    result = endorsement.tally(round_, active, _answers((1, A.AGREE), (2, A.OBJECT), (3, A.AGREE)))
    assert result.met is False and result.objections == 1 and result.in_favour == 2
    # a network without active members agrees nothing
    assert endorsement.tally(round_, set(), []).met is False


def test_unanimity_counts_only_current_answers_of_active_members():
    round_ = _round()
    answers = _answers((1, A.AGREE), (2, A.AGREE)) + _answers((3, A.AGREE), current=False) + _answers((9, A.AGREE))
    result = endorsement.tally(round_, {1, 2, 3}, answers)
    assert result.met is False
    assert (result.required, result.answered, result.in_favour, result.missing) == (3, 2, 2, 1)


@pytest.mark.parametrize(
    ("set_size", "in_favour", "needed", "met"),
    [(9, 4, 5, False), (9, 5, 5, True), (6, 3, 4, False), (6, 4, 4, True), (1, 1, 1, True), (2, 1, 2, False)],
)
def test_majority_of_a_set_number(set_size, in_favour, needed, met):
    round_ = _round(EndorsementRule.MAJORITY, set_size)
    active = set(range(1, 11))
    answers = _answers(*[(org, A.RESERVATIONS if org % 2 else A.AGREE) for org in range(1, in_favour + 1)])
    answers += _answers((10, A.OBJECT))  # an objection does not block a majority
    result = endorsement.tally(round_, active, answers)
    assert (result.needed, result.met) == (needed, met)


def test_progress_in_words():
    result = endorsement.Tally(rule="all", required=6, answered=4, in_favour=4, objections=0, needed=6, met=False)
    assert progress_text(result) == "4 of 6 in favour, 2 missing"
    result = endorsement.Tally(rule="majority", required=7, answered=5, in_favour=4, objections=1, needed=5, met=False)
    assert progress_text(result) == "4 in favour, 5 needed, 2 missing, 1 objection"


# --- the rule with real rounds -----------------------------------------------------------------------


def test_unanimity_agreed_with_the_last_answer(goal, three, coordinator):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    assert reload(goal).status == S.ENDORSEMENT
    assert round_.rule == EndorsementRule.ALL and round_.revision.number == 1
    answer(goal, three.orgs[0], three.reps[0])
    answer(goal, three.orgs[1], three.reps[1], A.RESERVATIONS)
    assert reload(goal).status == S.ENDORSEMENT
    answer(goal, three.orgs[2], three.reps[2])
    round_.refresh_from_db()
    assert round_.outcome == O.AGREED and round_.closed_at is not None
    assert reload(goal).status == S.AGREED


def test_an_objection_holds_until_changed_and_the_old_answer_is_kept(goal, three, coordinator):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[0], three.reps[0])
    answer(goal, three.orgs[1], three.reps[1])
    answer(goal, three.orgs[2], three.reps[2], A.OBJECT, "Ei meidän tehtävämme.")
    assert reload(goal).status == S.ENDORSEMENT
    answer(goal, three.orgs[2], three.reps[2], A.RESERVATIONS, "Voimme elää tämän kanssa.")
    assert reload(goal).status == S.AGREED
    omnia = list(Endorsement.objects.filter(round=round_, organisation=three.orgs[2]).order_by("pk"))
    assert [(e.answer, e.is_current) for e in omnia] == [(A.OBJECT, False), (A.RESERVATIONS, True)]


def test_majority_of_a_set_number_with_an_objection(goal, three, coordinator, network):
    services.network_goal_rule_update(network=network, rule=EndorsementRule.MAJORITY, set_size=3, days=14)
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    assert (round_.rule, round_.set_size, round_.needed) == (EndorsementRule.MAJORITY, 3, 2)
    assert round_.deadline == today() + datetime.timedelta(days=14)
    answer(goal, three.orgs[0], three.reps[0], A.OBJECT)
    answer(goal, three.orgs[1], three.reps[1])
    assert reload(goal).status == S.ENDORSEMENT
    answer(goal, three.orgs[2], three.reps[2], A.RESERVATIONS)
    assert reload(goal).status == S.AGREED


def test_a_changed_rule_leaves_open_rounds_alone(goal, three, coordinator, network):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    services.network_goal_rule_update(network=network, rule=EndorsementRule.MAJORITY, set_size=1, days=14)
    answer(goal, three.orgs[0], three.reps[0])
    round_.refresh_from_db()
    assert round_.rule == EndorsementRule.ALL and round_.is_open


def test_deadline_passed_without_agreement(goal, three, coordinator):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator, deadline=today())
    answer(goal, three.orgs[0], three.reps[0])  # the deadline day itself still counts
    tomorrow = today() + datetime.timedelta(days=1)
    assert endorsement.rounds_evaluate(today=today()) == {}
    assert endorsement.rounds_evaluate(today=tomorrow) == {O.NOT_REACHED: 1}
    round_.refresh_from_db()
    assert round_.outcome == O.NOT_REACHED
    goal = reload(goal)
    assert goal.status == S.PROPOSED
    # the answers stay, and endorsement may be opened again
    assert round_.answers.count() == 1
    assert endorsement.may_open_endorsement(goal)
    second = endorsement.endorsement_open(goal=goal, user=coordinator)
    assert second.revision_id == round_.revision_id and reload(goal).status == S.ENDORSEMENT


def test_an_answer_after_the_deadline_is_refused_and_the_round_closes(goal, three, coordinator, monkeypatch):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator, deadline=today())
    monkeypatch.setattr(endorsement, "_today", lambda: today() + datetime.timedelta(days=1))
    with pytest.raises(DomainError, match="deadline"):
        answer(goal, three.orgs[0], three.reps[0])
    assert not Endorsement.objects.exists()
    round_.refresh_from_db()
    assert round_.outcome == O.NOT_REACHED
    assert reload(goal).status == S.PROPOSED


def test_a_member_joining_mid_way_must_answer_too(goal, three, coordinator, network):
    endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[0], three.reps[0])
    answer(goal, three.orgs[1], three.reps[1])
    newcomer, newcomer_rep, _ = add_member(network, "Uusi jäsen")
    answer(goal, three.orgs[2], three.reps[2])
    assert reload(goal).status == S.ENDORSEMENT  # the newcomer has not answered
    answer(goal, newcomer, newcomer_rep)
    assert reload(goal).status == S.AGREED


def test_a_member_leaving_mid_way_no_longer_counts(goal, three, coordinator, network):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[0], three.reps[0])
    answer(goal, three.orgs[1], three.reps[1])
    answer(goal, three.orgs[2], three.reps[2], A.OBJECT)
    assert reload(goal).status == S.ENDORSEMENT
    membership = Membership.objects.get(network=network, organisation=three.orgs[2])
    network_services.membership_change(
        membership=membership, changed_by=coordinator, reason="Lopetti toimintansa.", status=MembershipStatus.LEFT
    )
    round_.refresh_from_db()
    assert round_.outcome == O.AGREED
    assert reload(goal).status == S.AGREED
    # its answer is kept, only not counted
    assert round_.answers.filter(organisation=three.orgs[2], answer=A.OBJECT, is_current=True).exists()


def test_a_paused_member_cannot_answer_and_its_answer_stops_counting(goal, three, coordinator, network):
    services.network_goal_rule_update(network=network, rule=EndorsementRule.MAJORITY, set_size=3, days=14)
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[2], three.reps[2])
    membership = Membership.objects.get(network=network, organisation=three.orgs[2])
    network_services.membership_change(
        membership=membership, changed_by=coordinator, reason="Tauolla.", status=MembershipStatus.PAUSED
    )
    answer(goal, three.orgs[0], three.reps[0])
    assert EndorsementRound.objects.get(pk=round_.pk).is_open  # 1 counted, 2 needed
    with pytest.raises(DomainError):
        answer(goal, three.orgs[2], three.reps[2])
    answer(goal, three.orgs[1], three.reps[1])
    assert reload(goal).status == S.AGREED


# --- revisions -------------------------------------------------------------------------------------


def test_a_revision_of_an_agreed_goal_reopens_endorsement_and_keeps_the_old_answers(goal, three, coordinator):
    goal = agreed(goal, three, coordinator)
    first = goal.rounds.get()
    revision = services.goal_update(
        goal=goal, user=coordinator, data={"title": "Uusi otsikko"}, summary="Tarkennettu kohderyhmä."
    )
    assert revision.number == 2 and revision.title == "Uusi otsikko"
    goal = reload(goal)
    assert (goal.status, goal.revision, goal.status_before_revision) == (S.REVISED, 2, S.AGREED)
    second = goal.rounds.open().get()
    assert second.revision == revision
    first.refresh_from_db()
    assert first.outcome == O.AGREED and first.answers.filter(is_current=True).count() == 3
    assert first.revision.number == 1 and first.revision.title == "Ohjauksen saavutettavuus paranee"
    for org, rep in zip(three.orgs, three.reps, strict=True):
        answer(goal, org, rep, round_id=second.pk)
    goal = reload(goal)
    assert (goal.status, goal.status_before_revision) == (S.AGREED, "")
    assert Endorsement.objects.count() == 6


def test_a_revision_in_progress_returns_to_in_progress(goal, three, coordinator):
    goal = agreed(goal, three, coordinator)
    services.goal_set_status(goal=goal, status=S.IN_PROGRESS, user=coordinator)
    services.goal_update(goal=goal, user=coordinator, data={"description": "Uusi kuvaus."}, summary="Selkeämpi.")
    assert reload(goal).status == S.REVISED
    for org, rep in zip(three.orgs, three.reps, strict=True):
        answer(goal, org, rep)
    assert reload(goal).status == S.IN_PROGRESS


def test_a_revision_not_endorsed_in_time_stays_revised(goal, three, coordinator):
    goal = agreed(goal, three, coordinator)
    services.goal_update(goal=goal, user=coordinator, data={"title": "Uusi"}, summary="Muutos.")
    endorsement.rounds_evaluate(today=today() + datetime.timedelta(days=365))
    goal = reload(goal)
    assert goal.status == S.REVISED
    assert endorsement.may_open_endorsement(goal)
    endorsement.endorsement_open(goal=goal, user=coordinator)
    for org, rep in zip(three.orgs, three.reps, strict=True):
        answer(goal, org, rep)
    assert reload(goal).status == S.AGREED


def test_a_revision_while_under_endorsement_supersedes_the_round(goal, three, coordinator):
    first = endorsement.endorsement_open(goal=goal, user=coordinator)
    answer(goal, three.orgs[0], three.reps[0])
    with pytest.raises(DomainError) as error:
        services.goal_update(goal=goal, user=coordinator, data={"title": "Uusi"})
    assert "summary" in error.value.error_dict
    services.goal_update(goal=goal, user=coordinator, data={"title": "Uusi"}, summary="Otsikko selkeämmäksi.")
    first.refresh_from_db()
    assert first.outcome == O.SUPERSEDED and first.answers.count() == 1
    second = reload(goal).rounds.open().get()
    assert second.revision.number == 2 and reload(goal).status == S.ENDORSEMENT
    # an answer meant for the old text is refused
    with pytest.raises(DomainError, match="no longer open"):
        answer(goal, three.orgs[1], three.reps[1], round_id=first.pk)
    assert second.answers.count() == 0


def test_a_proposal_is_simply_edited_before_endorsement(goal, coordinator):
    assert services.goal_update(goal=goal, user=coordinator, data={"title": "Korjattu"}) is None
    goal = reload(goal)
    assert goal.revision == 1 and goal.revisions.get().title == "Korjattu"


def test_dropping_cancels_the_open_round(goal, three, coordinator):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    services.goal_set_status(goal=goal, status=S.DROPPED, user=coordinator, reason="Ei enää ajankohtainen.")
    round_.refresh_from_db()
    assert round_.outcome == O.CANCELLED
    with pytest.raises(DomainError):
        answer(goal, three.orgs[0], three.reps[0])


def test_endorsement_opens_only_once_and_not_in_the_past(goal, three, coordinator):
    with pytest.raises(DomainError):
        endorsement.endorsement_open(goal=goal, user=coordinator, deadline=today() - datetime.timedelta(days=1))
    endorsement.endorsement_open(goal=goal, user=coordinator)
    with pytest.raises(DomainError):
        endorsement.endorsement_open(goal=goal, user=coordinator)
    assert EndorsementRound.objects.count() == 1


# --- answering only for one's own organisation -----------------------------------------------------


def test_the_service_refuses_an_answer_for_another_organisation(goal, three, coordinator, member):
    endorsement.endorsement_open(goal=goal, user=coordinator)
    with pytest.raises(DomainError) as error:
        answer(goal, three.orgs[1], member)
    assert "organisation" in error.value.error_dict
    with pytest.raises(DomainError):
        answer(goal, three.orgs[0], coordinator)  # a coordinator does not answer for organisations
    assert not Endorsement.objects.exists()


def test_representing_the_same_organisation_in_another_network_is_not_enough(goal, three, coordinator, other_network):
    """Gradia's representative in another network is not Gradia's voice in this one."""
    elsewhere = factories.UserFactory(email="muualla@example.fi")
    factories.MembershipFactory(network=other_network, organisation=three.orgs[1], representative=elsewhere)
    endorsement.endorsement_open(goal=goal, user=coordinator)
    assert endorsement.answering_organisations(goal, elsewhere) == []
    with pytest.raises(DomainError):
        answer(goal, three.orgs[1], elsewhere)
    assert not Endorsement.objects.exists()


def test_a_former_representative_cannot_answer(goal, three, coordinator, network):
    """Representing an organisation whose membership here has ended gives no voice (nor an old left one)."""
    former = factories.UserFactory()
    old = factories.OrganisationFactory(name="Entinen")
    factories.MembershipFactory(network=network, organisation=old, representative=former, status="left")
    endorsement.endorsement_open(goal=goal, user=coordinator)
    assert endorsement.answering_organisations(goal, former) == []
    with pytest.raises(DomainError):
        answer(goal, old, former)


def test_a_forged_post_for_another_organisation_is_refused_and_nothing_saved(goal, three, coordinator, client):
    round_ = endorsement.endorsement_open(goal=goal, user=coordinator)
    client.force_login(three.reps[0])
    response = client.post(
        url("endorsement_answer", goal),
        {"organisation": three.orgs[1].pk, "answer": A.OBJECT, "reason": "Väärennetty.", "round": round_.pk},
        headers=EN,
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Endorsement.objects.exists()
    assert reload(goal).status == S.ENDORSEMENT
