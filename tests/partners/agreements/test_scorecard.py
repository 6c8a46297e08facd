"""The partnering-agreement scorecard: each item in place, partly there or missing, computed without queries."""

import datetime

import pytest

from partners.agreements.models import Agreement, Commitment
from partners.agreements.scorecard import IN_PLACE, MISSING, PARTLY, agreement_scorecard
from partners.agreements.selectors import agreement_page
from tests import factories


def _card(agreement):
    return agreement_scorecard(agreement_page().get(pk=agreement.pk))


def _state(agreement, key) -> str:
    return _card(agreement).get(key).state


@pytest.fixture
def parties(agreement):
    """The fixture agreement's two parties (each with one commitment), in name order."""
    return list(agreement.parties.order_by("organisation__name"))


@pytest.mark.django_db
def test_it_needs_no_queries_once_the_agreement_is_fetched(agreement, django_assert_num_queries):
    fetched = agreement_page().get(pk=agreement.pk)
    with django_assert_num_queries(0):
        card = agreement_scorecard(fetched)
    assert card.total == 7
    assert sum(card.counts.values()) == 7


@pytest.mark.django_db
def test_partners_and_representatives(agreement, parties):
    assert _state(agreement, "partners") == MISSING
    parties[0].signatory_name = "Maija Meikäläinen"
    parties[0].save()
    item = _card(agreement).get("partners")
    assert item.state == PARTLY
    assert parties[1].organisation.name in item.hint
    assert parties[0].organisation.name not in item.hint
    parties[1].signatory_name = "Matti Virtanen"
    parties[1].save()
    item = _card(agreement).get("partners")
    assert (item.state, item.hint) == (IN_PLACE, "")
    # One named party is not yet a partnership.
    parties[1].delete()
    assert _state(agreement, "partners") == PARTLY
    parties[0].delete()
    assert _state(agreement, "partners") == MISSING


@pytest.mark.django_db
def test_shared_objectives(agreement):
    assert _state(agreement, "shared_objectives") == PARTLY  # the factory writes a purpose
    Agreement.objects.filter(pk=agreement.pk).update(purpose="")
    assert _state(agreement, "shared_objectives") == MISSING
    factories.GoalFactory(network=agreement.network).agreements.add(agreement)
    assert _state(agreement, "shared_objectives") == IN_PLACE


@pytest.mark.django_db
@pytest.mark.parametrize("field,key", [("own_objectives", "own_objectives"), ("roles", "roles")])
def test_each_partners_own_text(agreement, parties, field, key):
    assert _state(agreement, key) == MISSING
    setattr(parties[0], field, "Kirjoitettu.")
    parties[0].save()
    item = _card(agreement).get(key)
    assert item.state == PARTLY
    assert parties[1].organisation.name in item.hint
    setattr(parties[1], field, "Myös kirjoitettu.")
    parties[1].save()
    assert _state(agreement, key) == IN_PLACE


@pytest.mark.django_db
def test_commitments_of_every_partner(agreement, parties):
    assert _state(agreement, "commitments") == IN_PLACE
    Commitment.objects.filter(party=parties[0]).delete()
    item = _card(agreement).get("commitments")
    assert item.state == PARTLY
    assert parties[0].organisation.name in item.hint
    Commitment.objects.filter(agreement=agreement).delete()
    assert _state(agreement, "commitments") == MISSING


@pytest.mark.django_db
def test_indicators(agreement):
    assert _state(agreement, "indicators") == MISSING
    Agreement.objects.filter(pk=agreement.pk).update(indicators="  ")
    assert _state(agreement, "indicators") == MISSING
    Agreement.objects.filter(pk=agreement.pk).update(indicators="Asiakaskyselyn tulos.")
    assert _state(agreement, "indicators") == IN_PLACE


@pytest.mark.django_db
def test_review_and_exit(agreement):
    assert _state(agreement, "review") == MISSING
    Agreement.objects.filter(pk=agreement.pk).update(review_date=datetime.date(2026, 6, 1))
    assert _state(agreement, "review") == PARTLY
    Agreement.objects.filter(pk=agreement.pk).update(review_date=None, review_arrangements="Vuosittain.")
    assert _state(agreement, "review") == PARTLY
    Agreement.objects.filter(pk=agreement.pk).update(review_date=datetime.date(2026, 6, 1))
    assert _state(agreement, "review") == IN_PLACE


@pytest.mark.django_db
def test_an_agreement_without_parties(network):
    card = _card(factories.AgreementFactory(network=network, purpose=""))
    assert card.counts == {IN_PLACE: 0, PARTLY: 0, MISSING: 7}
    assert not card.complete


@pytest.mark.django_db
def test_a_complete_agreement(agreement, parties):
    factories.GoalFactory(network=agreement.network).agreements.add(agreement)
    Agreement.objects.filter(pk=agreement.pk).update(
        indicators="Mittarit.",
        review_arrangements="Vuosittain.",
        review_date=datetime.date(2026, 6, 1),
    )
    for party in parties:
        party.signatory_name, party.own_objectives, party.roles = "Nimi", "Omat.", "Roolit."
        party.save()
    card = _card(agreement)
    assert card.complete
    assert card.counts == {IN_PLACE: 7, PARTLY: 0, MISSING: 0}


@pytest.mark.django_db
def test_the_scorecard_is_shown_to_those_who_see_the_details(client_for, coordinator, member, observer, agreement):
    url = f"/agreements/{agreement.pk}/"
    assert client_for(coordinator).get(url).context["scorecard"] is not None
    assert client_for(member).get(url).context["scorecard"] is not None
    response = client_for(observer).get(url)
    assert response.context["scorecard"] is None
    assert b'id="scorecard-heading"' not in response.content
