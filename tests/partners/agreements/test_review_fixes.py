"""Regression tests for what a review of agreements found: form errors instead of server errors, stale forms,
units, renewals at the end of the calendar, organisations that have left, and the chain of versions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.memberships.models import Membership
from partners.agreements import services
from partners.agreements.models import Agreement, AgreementParty, AgreementStatus
from partners.agreements.selectors import agreement_chain
from portal.lib.errors import DomainError, StaleEditError

pytestmark = pytest.mark.django_db


def _party_url(name, agreement, party):
    return reverse(f"agreements:{name}", kwargs={"pk": agreement.pk, "party": party.pk})


def _sign_all(agreement, user):
    for party in agreement.parties.all():
        services.party_sign(
            party=party, user=user, signatory_name="Rehtori", signatory_title="", signed_on=timezone.localdate()
        )
    agreement.refresh_from_db()


def test_a_line_break_in_a_commitment_or_signatory_is_a_form_error_not_a_server_error(
    client_for, coordinator, member, agreement, organisation
):
    party = agreement.parties.get(organisation=organisation)
    commitment = party.commitments.get()
    client = client_for(coordinator)
    response = client.post(
        _party_url("party_edit", agreement, party),
        {
            "version": party.updated_at.isoformat(),
            "commitments-TOTAL_FORMS": "1",
            "commitments-INITIAL_FORMS": "1",
            "commitments-0-id": str(commitment.pk),
            "commitments-0-kind": "staff_time",
            "commitments-0-description": "rivi\nrivi",
            "commitments-0-unit": "h",
        },
    )
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.description == "Ohjaajan työaikaa"

    services.agreement_start_negotiation(agreement=agreement)
    response = client_for(member).post(
        _party_url("party_sign", agreement, party),
        {"signatory_name": "A\tB", "signatory_title": "x\x01y", "signed_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    party.refresh_from_db()
    assert party.signed_on is None


def test_a_party_form_opened_before_the_signatures_were_cleared_cannot_bring_one_back(
    coordinator, agreement, organisation
):
    services.agreement_start_negotiation(agreement=agreement)
    party = agreement.parties.get(organisation=organisation)
    services.party_sign(
        party=party, user=coordinator, signatory_name="R", signatory_title="", signed_on=timezone.localdate()
    )
    opened = AgreementParty.objects.get(pk=party.pk)  # the edit form's copy, signed
    services.agreement_back_to_draft(agreement=agreement)
    with pytest.raises(StaleEditError):
        services.party_update(party=opened, data={"roles": "Uusi"}, expected_version=opened.updated_at)
    # Even without a version, only the form's own fields are written.
    services.party_update(party=opened, data={"roles": "Uusi"})
    party.refresh_from_db()
    assert party.roles == "Uusi"
    assert party.signed_on is None


def test_a_change_of_unit_alone_is_saved(agreement, organisation):
    party = agreement.parties.get(organisation=organisation)
    commitment = party.commitments.get()
    commitment.amount = None
    commitment.save()
    services.party_update(
        party=party,
        data={},
        commitments=[{"id": commitment.pk, "kind": "staff_time", "description": commitment.description, "unit": "h/v"}],
    )
    commitment.refresh_from_db()
    assert commitment.unit == "h/v"


def test_renewing_at_the_end_of_the_calendar_does_not_fail(coordinator, agreement):
    agreement.valid_from = datetime.date(2000, 1, 1)
    # The last day any date may have (the database refuses later ones, such as 9999-12-31).
    agreement.valid_until = datetime.date(2199, 12, 31)
    agreement.save()
    services.agreement_start_negotiation(agreement=agreement)
    _sign_all(agreement, coordinator)
    renewal = services.agreement_renew(agreement=agreement, user=coordinator)
    assert renewal.valid_from is None and renewal.valid_until is None


def test_organisations_that_have_left_are_not_renewed_and_cannot_be_sent_for_signing(
    coordinator, agreement, network, partner_organisation, organisation
):
    services.agreement_start_negotiation(agreement=agreement)
    _sign_all(agreement, coordinator)
    Membership.objects.filter(network=network, organisation=partner_organisation).update(status="left")
    renewal = services.agreement_renew(agreement=agreement, user=coordinator)
    assert [party.organisation for party in renewal.parties.all()] == [organisation]

    draft = Agreement.objects.create(network=network, title="Toinen")
    for org in (organisation, partner_organisation):
        AgreementParty.objects.create(agreement=draft, organisation=org)
    with pytest.raises(DomainError):
        services.agreement_start_negotiation(agreement=draft)


def test_an_agreement_past_its_end_before_the_daily_job_can_still_change_its_coordinator(coordinator, agreement):
    services.agreement_start_negotiation(agreement=agreement)
    _sign_all(agreement, coordinator)
    Agreement.objects.filter(pk=agreement.pk).update(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    agreement.refresh_from_db()
    services.agreement_update(agreement=agreement, data={"share_details": True}, user=coordinator)
    agreement.refresh_from_db()
    assert agreement.share_details
    assert agreement.status == AgreementStatus.EXPIRED


def test_the_chain_of_versions_is_one_query(django_assert_num_queries, coordinator, agreement):
    services.agreement_start_negotiation(agreement=agreement)
    _sign_all(agreement, coordinator)
    chain = [agreement]
    for _ in range(4):
        current = chain[-1]
        Agreement.objects.filter(pk=current.pk).update(status=AgreementStatus.EXPIRED)
        chain.append(services.agreement_renew(agreement=Agreement.objects.get(pk=current.pk), user=coordinator))
    with django_assert_num_queries(1):
        versions = agreement_chain(chain[2])
    assert [version.version for version in versions] == [1, 2, 3, 4, 5]


def test_a_mistyped_year_is_a_form_error(client_for, coordinator, agreement):
    url = reverse("agreements:agreement_edit", kwargs={"pk": agreement.pk})
    response = client_for(coordinator).post(
        url,
        {
            "version": agreement.updated_at.isoformat(),
            "title": agreement.title,
            "kind": agreement.kind,
            "notice_period_days": "90",
            "valid_from": "0001-01-01",
            "valid_until": "9999-12-31",
        },
    )
    assert response.status_code == 200
    assert {"valid_from", "valid_until"} <= set(response.context["form"].errors)
    agreement.refresh_from_db()
    assert agreement.valid_from is None and agreement.valid_until is None
