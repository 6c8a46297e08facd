"""An agreement's parties: adding, editing with commitments, and removing (signing: test_signing.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.agreements import services as agreement_services
from partners.agreements.models import AgreementParty, Commitment
from portal.lib.access import MembershipStatus
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, agreement, party=None):
    kwargs = {"pk": agreement.pk}
    if party is not None:
        kwargs["party"] = party.pk
    return reverse(f"agreements:{name}", kwargs=kwargs)


def detail_url(agreement):
    return reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk})


def party_of(agreement, organisation) -> AgreementParty:
    return agreement.parties.get(organisation=organisation)


def party_data(party, *, commitments=None, version=None, **changes) -> dict:
    """What the party form posts: the party unchanged (with ``changes``) and its commitments as they are,
    or ``commitments`` (dicts; those with an ``id`` first, as the page renders them)."""
    data = {
        "signatory_name": party.signatory_name,
        "signatory_title": party.signatory_title,
        "own_objectives": party.own_objectives,
        "roles": party.roles,
        "version": party.updated_at.isoformat() if version is None else version,
    }
    data.update(changes)
    if commitments is None:
        commitments = [
            {"id": c.pk, "kind": c.kind, "description": c.description, "amount": c.amount, "unit": c.unit}
            for c in party.commitments.all()
        ]
    data.update(
        {
            "commitments-TOTAL_FORMS": len(commitments),
            "commitments-INITIAL_FORMS": sum(1 for c in commitments if c.get("id")),
            "commitments-MIN_NUM_FORMS": 0,
            "commitments-MAX_NUM_FORMS": 1000,
        }
    )
    for index, commitment in enumerate(commitments):
        for key, value in commitment.items():
            data[f"commitments-{index}-{key}"] = "" if value is None else value
    return data


def negotiate(agreement):
    agreement_services.agreement_start_negotiation(agreement=agreement)


def sign(party, user):
    agreement_services.party_sign(
        party=party, user=user, signatory_name="Allekirjoittaja", signatory_title="", signed_on=timezone.localdate()
    )


def bring_into_force(agreement, coordinator):
    negotiate(agreement)
    for party in agreement.parties.all():
        sign(party, coordinator)
    agreement.refresh_from_db()
    assert agreement.is_in_force


# --- adding ------------------------------------------------------------------------------------


def test_add_offers_only_members_that_are_not_parties(client_for, coordinator, agreement, network):
    paused = factories.MembershipFactory(network=network, status=MembershipStatus.PAUSED).organisation
    left = factories.MembershipFactory(network=network, status=MembershipStatus.LEFT).organisation
    stranger = factories.OrganisationFactory(name="Ei jäsen")
    response = client_for(coordinator).get(url("party_add", agreement))
    assert response.status_code == 200
    offered = set(response.context["form"].fields["organisation"].queryset)
    assert offered == {paused}
    assert left not in offered and stranger not in offered


def test_non_member_is_refused_with_a_form_error(client_for, coordinator, agreement):
    stranger = factories.OrganisationFactory(name="Ei jäsen")
    response = client_for(coordinator).post(url("party_add", agreement), {"organisation": stranger.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not agreement.parties.filter(organisation=stranger).exists()


def test_coordinator_adds_a_party(client_for, coordinator, agreement, network):
    newcomer = factories.MembershipFactory(network=network).organisation
    response = client_for(coordinator).post(
        url("party_add", agreement),
        {"organisation": newcomer.pk, "signatory_name": "Rehtori Rinne", "roles": "Tilat"},
    )
    assert response.status_code == 302
    assert response.url == detail_url(agreement)
    party = party_of(agreement, newcomer)
    assert (party.signatory_name, party.roles) == ("Rehtori Rinne", "Tilat")


def test_no_party_is_added_in_force(client_for, coordinator, agreement, network):
    newcomer = factories.MembershipFactory(network=network).organisation
    bring_into_force(agreement, coordinator)
    client = client_for(coordinator)
    assert client.get(url("party_add", agreement)).status_code == 302
    response = client.post(url("party_add", agreement), {"organisation": newcomer.pk})
    assert response.status_code == 302
    assert agreement.parties.count() == 2


def test_only_coordinators_manage_parties(client_for, agreement, organisation, member, observer, outsider):
    party = party_of(agreement, organisation)
    for name, kwargs in [("party_add", {}), ("party_edit", {"party": party}), ("party_remove", {"party": party})]:
        for user, status in [(member, 403), (observer, 403), (outsider, 404)]:
            assert client_for(user).get(url(name, agreement, **kwargs)).status_code == status, (name, user)
            assert client_for(user).post(url(name, agreement, **kwargs), {"confirm": "yes"}).status_code == status
    assert agreement.parties.count() == 2


# --- editing and commitments --------------------------------------------------------------------


def test_edit_changes_the_party_and_its_commitments(client_for, coordinator, agreement, organisation):
    party = party_of(agreement, organisation)
    kept = party.commitments.get()
    dropped = factories.CommitmentFactory(party=party, description="Poistuva")
    client = client_for(coordinator)
    response = client.get(url("party_edit", agreement, party))
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 3  # two commitments and a blank one
    assert "amendment_summary" not in response.context["form"].fields
    commitments = [
        {"id": kept.pk, "kind": "services", "description": "Ohjauspalvelu", "amount": "2.5", "unit": "pv/kk"},
        {"id": dropped.pk, "kind": dropped.kind, "description": dropped.description, "DELETE": "on"},
        {"kind": "premises", "description": "Luokkatila", "amount": "", "unit": ""},
    ]
    data = party_data(party, commitments=commitments, own_objectives="Lisää asiakkaita", signatory_name="Rehtori")
    response = client.post(url("party_edit", agreement, party), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    party.refresh_from_db()
    assert (party.own_objectives, party.signatory_name) == ("Lisää asiakkaita", "Rehtori")
    assert [(c.pk, c.kind, c.description, c.amount, c.unit) for c in party.commitments.order_by("pk")] == [
        (kept.pk, "services", "Ohjauspalvelu", pytest.approx(2.5), "pv/kk"),
        (party.commitments.order_by("pk").last().pk, "premises", "Luokkatila", None, ""),
    ]
    assert not Commitment.objects.filter(pk=dropped.pk).exists()
    assert party.commitments.get(description="Luokkatila").agreement == agreement


@pytest.mark.parametrize("amount", ["-1", "abc", "1234567890123"])
def test_bad_amount_is_a_form_error(client_for, coordinator, agreement, organisation, amount):
    party = party_of(agreement, organisation)
    commitment = party.commitments.get()
    data = party_data(
        party, commitments=[{"id": commitment.pk, "kind": "money", "description": "Raha", "amount": amount}]
    )
    response = client_for(coordinator).post(url("party_edit", agreement, party), data)
    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["amount"]
    commitment.refresh_from_db()
    assert commitment.description == "Ohjaajan työaikaa"


def test_another_partys_commitment_cannot_be_changed(
    client_for, coordinator, agreement, organisation, partner_organisation
):
    party = party_of(agreement, organisation)
    foreign = party_of(agreement, partner_organisation).commitments.get()
    data = party_data(
        party, commitments=[{"id": foreign.pk, "kind": "money", "description": "Kaapattu", "amount": "1"}]
    )
    response = client_for(coordinator).post(url("party_edit", agreement, party), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    foreign.refresh_from_db()
    assert foreign.description == "Ohjaajan työaikaa"
    assert party.commitments.count() == 1


def test_edit_in_negotiation_clears_the_signatures(
    client_for, coordinator, agreement, organisation, partner_organisation
):
    negotiate(agreement)
    partner = party_of(agreement, partner_organisation)
    sign(partner, coordinator)
    party = party_of(agreement, organisation)
    response = client_for(coordinator).post(url("party_edit", agreement, party), party_data(party, roles="Uusi rooli"))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.signed_on is None and partner.signed_by is None
    assert party_of(agreement, organisation).roles == "Uusi rooli"


def test_unchanged_save_in_negotiation_keeps_the_signatures(client_for, coordinator, agreement, organisation):
    negotiate(agreement)
    party = party_of(agreement, organisation)
    sign(party, coordinator)
    party.refresh_from_db()
    commitment = party.commitments.get()
    same = [{"id": commitment.pk, "kind": commitment.kind, "description": commitment.description, "amount": "10"}]
    same[0]["unit"] = commitment.unit
    data = party_data(party, commitments=same)
    assert client_for(coordinator).post(url("party_edit", agreement, party), data).status_code == 302
    party.refresh_from_db()
    assert party.has_signed


def test_edit_in_force_needs_a_summary_and_records_an_amendment(client_for, coordinator, agreement, organisation):
    bring_into_force(agreement, coordinator)
    party = party_of(agreement, organisation)
    client = client_for(coordinator)
    assert "amendment_summary" in client.get(url("party_edit", agreement, party)).context["form"].fields
    response = client.post(url("party_edit", agreement, party), party_data(party, roles="Uusi rooli"))
    assert response.status_code == 200
    assert response.context["form"].errors["amendment_summary"]
    assert party_of(agreement, organisation).roles == ""
    data = party_data(party, roles="Uusi rooli", amendment_summary="Roolit tarkennettu")
    assert client.post(url("party_edit", agreement, party), data).status_code == 302
    amendment = agreement.amendments.get()
    assert amendment.summary == "Roolit tarkennettu"
    assert amendment.made_by == coordinator
    assert [(c["field"], c["new"]) for c in amendment.changes] == [("roles", "Uusi rooli")]
    party.refresh_from_db()
    assert party.roles == "Uusi rooli" and party.has_signed  # an amendment keeps the signatures


def test_closed_agreement_party_cannot_be_edited(client_for, coordinator, agreement, organisation):
    negotiate(agreement)
    agreement_services.agreement_terminate(agreement=agreement, reason="Hanke päättyi")
    party = party_of(agreement, organisation)
    client = client_for(coordinator)
    assert client.get(url("party_edit", agreement, party)).status_code == 302
    assert client.post(url("party_edit", agreement, party), party_data(party, roles="X")).status_code == 302
    assert party_of(agreement, organisation).roles == ""


def test_stale_party_form_is_refused_and_input_kept(client_for, coordinator, agreement, organisation):
    party = party_of(agreement, organisation)
    client = client_for(coordinator)
    loaded = client.get(url("party_edit", agreement, party)).context["form"]["version"].value()
    # Someone else saves the party meanwhile.
    agreement_services.party_update(party=party_of(agreement, organisation), data={"roles": "Toisen muutos"})
    stale = party_data(party, version=loaded, roles="Minun muutokseni")
    response = client.post(url("party_edit", agreement, party), stale)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.non_field_errors()
    assert form["roles"].value() == "Minun muutokseni"
    assert party_of(agreement, organisation).roles == "Toisen muutos"
    # The form now carries the current version: saving again overwrites.
    fresh = form["version"].value()
    assert fresh != loaded
    assert client.post(url("party_edit", agreement, party), {**stale, "version": fresh}).status_code == 302
    assert party_of(agreement, organisation).roles == "Minun muutokseni"


@pytest.mark.parametrize("version", ["", "yesterday", "2026-01-01T10:00:00"])
def test_bad_version_is_a_form_error(client_for, coordinator, agreement, organisation, version):
    party = party_of(agreement, organisation)
    response = client_for(coordinator).post(url("party_edit", agreement, party), party_data(party, version=version))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


# --- removing -------------------------------------------------------------------------------------


def test_remove_asks_for_confirmation(client_for, coordinator, agreement, partner_organisation):
    party = party_of(agreement, partner_organisation)
    client = client_for(coordinator)
    response = client.get(url("party_remove", agreement, party))
    assert response.status_code == 200
    assert response.context["party"] == party
    assert client.post(url("party_remove", agreement, party)).status_code == 200  # no confirm: the page again
    assert agreement.parties.filter(pk=party.pk).exists()
    response = client.post(url("party_remove", agreement, party), {"confirm": "yes"})
    assert response.status_code == 302
    assert not agreement.parties.filter(pk=party.pk).exists()
    assert not Commitment.objects.filter(party_id=party.pk).exists()


def test_remove_is_refused_in_force(client_for, coordinator, agreement, partner_organisation):
    bring_into_force(agreement, coordinator)
    party = party_of(agreement, partner_organisation)
    client = client_for(coordinator)
    assert client.get(url("party_remove", agreement, party)).status_code == 302
    assert client.post(url("party_remove", agreement, party), {"confirm": "yes"}).status_code == 302
    assert agreement.parties.filter(pk=party.pk).exists()


def test_party_of_another_agreement_is_not_found(client_for, coordinator, agreement, network, organisation):
    other = factories.AgreementFactory(network=network)
    foreign = factories.AgreementPartyFactory(agreement=other, organisation=organisation)
    client = client_for(coordinator)
    for name in ("party_edit", "party_remove", "party_sign"):
        assert client.get(url(name, agreement, foreign)).status_code == 404
    assert client.post(url("party_remove", agreement, foreign), {"confirm": "yes"}).status_code == 404
    assert AgreementParty.objects.filter(pk=foreign.pk).exists()
