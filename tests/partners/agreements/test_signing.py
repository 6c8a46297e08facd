"""Signing for an agreement's parties, and the parties' section of the agreement's page: who may sign, when,
and which buttons each person is offered."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from partners.agreements import services as agreement_services
from partners.agreements.access import AGREEMENT_PAGE, AgreementAccess
from partners.agreements.models import Agreement, AgreementParty

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


def negotiate(agreement):
    agreement_services.agreement_start_negotiation(agreement=agreement)


def sign(party, user):
    agreement_services.party_sign(
        party=party, user=user, signatory_name="Allekirjoittaja", signatory_title="", signed_on=timezone.localdate()
    )


# --- signing -------------------------------------------------------------------------------------


def sign_data(**changes):
    return {"signatory_name": "Rehtori Rinne", "signatory_title": "rehtori", "signed_on": "2025-03-01", **changes}


def test_member_signs_for_the_organisation_they_represent(client_for, member, agreement, organisation):
    negotiate(agreement)
    party = party_of(agreement, organisation)
    party.signatory_name = "Esitäytetty"
    party.save()
    client = client_for(member)
    response = client.get(url("party_sign", agreement, party))
    assert response.status_code == 200
    assert response.context["form"]["signatory_name"].value() == "Esitäytetty"
    assert response.context["form"]["signed_on"].value() == timezone.localdate()
    response = client.post(url("party_sign", agreement, party), sign_data())
    assert response.status_code == 302
    party.refresh_from_db()
    assert (party.signed_on, party.signed_by, party.signatory_name) == (
        datetime.date(2025, 3, 1),
        member,
        "Rehtori Rinne",
    )
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.NEGOTIATION  # the partner has not signed yet


def test_member_cannot_sign_for_the_partner(client_for, member, agreement, partner_organisation):
    negotiate(agreement)
    partner = party_of(agreement, partner_organisation)
    client = client_for(member)
    assert client.get(url("party_sign", agreement, partner)).status_code == 403
    assert client.post(url("party_sign", agreement, partner), sign_data()).status_code == 403
    partner.refresh_from_db()
    assert not partner.has_signed


def test_observer_and_outsider_cannot_sign(client_for, observer, outsider, agreement, organisation):
    negotiate(agreement)
    party = party_of(agreement, organisation)
    assert client_for(observer).post(url("party_sign", agreement, party), sign_data()).status_code == 403
    assert client_for(outsider).post(url("party_sign", agreement, party), sign_data()).status_code == 404
    party.refresh_from_db()
    assert not party.has_signed


def test_last_signature_brings_the_agreement_into_force(
    client_for, member, coordinator, agreement, organisation, partner_organisation
):
    negotiate(agreement)
    sign(party_of(agreement, partner_organisation), coordinator)
    response = client_for(member).post(url("party_sign", agreement, party_of(agreement, organisation)), sign_data())
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.activated_on == timezone.localdate()


def test_future_date_and_missing_name_are_refused(client_for, member, agreement, organisation):
    negotiate(agreement)
    party = party_of(agreement, organisation)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for(member).post(url("party_sign", agreement, party), sign_data(signed_on=tomorrow.isoformat()))
    assert response.status_code == 200
    assert response.context["form"].errors["signed_on"]
    response = client_for(member).post(url("party_sign", agreement, party), sign_data(signatory_name="  "))
    assert response.context["form"].errors["signatory_name"]
    party.refresh_from_db()
    assert not party.has_signed


def test_signing_only_in_negotiation_and_once(client_for, member, coordinator, agreement, organisation):
    party = party_of(agreement, organisation)
    client = client_for(member)
    assert client.post(url("party_sign", agreement, party), sign_data()).status_code == 302  # a draft
    party.refresh_from_db()
    assert not party.has_signed
    negotiate(agreement)
    sign(party, coordinator)
    assert client.post(url("party_sign", agreement, party), sign_data(signed_on="2025-01-01")).status_code == 302
    party.refresh_from_db()
    assert party.signed_by == coordinator


# --- the parties on the agreement page ------------------------------------------------------------


class _Granted(AgreementAccess):
    """The agreement's rules with the person's rights given: its state still decides what the page offers."""

    def __init__(self, agreement, user, *, details, manage, sign_for):
        super().__init__(agreement, user)
        self.granted = {"details": details, "manage": manage}
        self.sign_for = sign_for

    def may_details(self) -> bool:
        return self.granted["details"]

    def may_manage(self) -> bool:
        return self.granted["manage"]

    def may_sign(self, party) -> bool:
        return party.organisation in self.sign_for


def _render_parties(agreement, user, *, details, manage, sign_for=()):
    """The parties' section as the agreement's page renders it (its rights and "Sign for" buttons)."""
    access = _Granted(agreement, user, details=details, manage=manage, sign_for=sign_for)
    parties = list(agreement.parties.select_related("organisation").prefetch_related("commitments"))
    for party in parties:
        party.viewer_may_sign = access.offers_signing(party)
    request = RequestFactory().get("/")
    request.user = user
    context = {"agreement": agreement, "parties": parties, "may": access.rights(*AGREEMENT_PAGE)}
    return render_to_string("partners/agreements/includes/parties.html", context, request=request)


def test_parties_include_shows_details_and_buttons_only_to_those_allowed(
    coordinator, member, agreement, organisation, partner_organisation
):
    negotiate(agreement)
    party = party_of(agreement, organisation)
    partner = party_of(agreement, partner_organisation)
    html = _render_parties(agreement, member, details=False, manage=False, sign_for=[organisation])
    assert "Gradia" in html and "Ohjaajan työaikaa" not in html
    assert url("party_sign", agreement, party) in html
    assert url("party_sign", agreement, partner) not in html
    assert url("party_edit", agreement, party) not in html and url("party_add", agreement) not in html

    html = _render_parties(agreement, coordinator, details=True, manage=True)
    assert "Ohjaajan työaikaa" in html and '<th scope="col"' in html
    assert url("party_edit", agreement, party) in html
    assert url("party_remove", agreement, party) in html
    assert url("party_add", agreement) in html
    assert url("party_sign", agreement, party) not in html

    sign(party, coordinator)
    sign(partner, coordinator)
    agreement.refresh_from_db()
    html = _render_parties(agreement, coordinator, details=True, manage=True, sign_for=[organisation])
    assert url("party_edit", agreement, party) in html  # in force: edited through an amendment
    assert url("party_remove", agreement, party) not in html
    assert url("party_add", agreement) not in html
    assert url("party_sign", agreement, party) not in html


def test_agreement_page_shows_the_parties(client_for, member, agreement, organisation):
    negotiate(agreement)
    response = client_for(member).get(detail_url(agreement))
    assert response.status_code == 200
    content = response.content.decode()
    assert url("party_sign", agreement, party_of(agreement, organisation)) in content
    assert "Ohjaajan työaikaa" in content  # the member represents a party: sees the commitments
