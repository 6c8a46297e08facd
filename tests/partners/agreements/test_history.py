"""The history of an agreement: who changed what, told from django-pghistory's events."""

import pghistory
import pytest
from django.urls import reverse
from django.utils import translation

from partners.agreements import history as agreement_history
from partners.agreements import services as agreement_services
from partners.agreements.models import AgreementDocument
from tests import factories
from tests.querybudget import assert_budget

pytestmark = pytest.mark.django_db


def history_url(agreement):
    return reverse("agreements:agreement_history", kwargs={"pk": agreement.pk})


def party_url(name, agreement, party):
    return reverse(f"agreements:{name}", kwargs={"pk": agreement.pk, "party": party.pk})


def entries_of(response):
    return response.context["entries"]


def find(entries, kind, name, action):
    found = [e for e in entries if (str(e.kind), e.name, e.action) == (kind, name, action)]
    assert found, [(str(e.kind), e.name, e.action) for e in entries]
    return found[0]


def changes_of(entry):
    return {(str(c.label), c.old, c.new) for c in entry.changes}


@pytest.fixture
def edited(client_for, coordinator, member, agreement, organisation):
    """Changes made through the pages (POSTs, so the middleware records who): the coordinator sends the
    agreement for signing and edits a party and its commitment; the member signs for their organisation."""
    party = agreement.parties.get(organisation=organisation)
    commitment = party.commitments.get()
    client = client_for(coordinator)
    assert client.post(reverse("agreements:agreement_negotiate", kwargs={"pk": agreement.pk})).status_code == 302
    data = {
        "signatory_name": "Rehtori Rinne",
        "signatory_title": "",
        "own_objectives": "",
        "roles": "",
        "version": party.updated_at.isoformat(),
        "commitments-TOTAL_FORMS": 1,
        "commitments-INITIAL_FORMS": 1,
        "commitments-MIN_NUM_FORMS": 0,
        "commitments-MAX_NUM_FORMS": 1000,
        "commitments-0-id": commitment.pk,
        "commitments-0-kind": "staff_time",
        "commitments-0-description": "Ohjaajan työaikaa",
        "commitments-0-amount": "12.5",
        "commitments-0-unit": "h/kk",
    }
    assert client.post(party_url("party_edit", agreement, party), data).status_code == 302
    sign = {"signatory_name": "Rehtori Rinne", "signatory_title": "", "signed_on": "2025-03-01"}
    assert client_for(member).post(party_url("party_sign", agreement, party), sign).status_code == 302
    return agreement


def test_history_tells_who_changed_what(client_for, coordinator, member, edited):
    agreement = edited
    with translation.override("en"):
        response = client_for(coordinator).get(history_url(agreement), headers={"accept-language": "en"})
        assert response.status_code == 200
        entries = entries_of(response)

        status = find(entries, "Agreement", "Yhteinen ohjauspiste", "update")
        assert status.who == str(coordinator)
        assert changes_of(status) == {("Status", "Draft", "In negotiation")}

        commitment = find(entries, "Commitment", "Ohjaajan työaikaa", "update")
        assert commitment.who == str(coordinator)
        assert changes_of(commitment) == {("Amount", "10.00", "12.50")}

        updates = [
            e for e in entries if (str(e.kind), e.name, e.action) == ("Party", "Jyväskylän kansalaisopisto", "update")
        ]
        by = {e.who: changes_of(e) for e in updates}
        assert by[str(coordinator)] == {("Signatory", "", "Rehtori Rinne")}
        assert by[str(member)] == {
            ("Signed on", "", "1.3.2025"),  # English as read in Finland: day first
            ("Signature recorded by", "", str(member)),
        }

        # The fixture's rows were made outside any request.
        assert find(entries, "Party", "Gradia", "insert").who == "system"
        # Newest first: the signature is the last change.
        # Newest first. (Within one test transaction every event has the same time, and the tables' id
        # sequences differ, so which of them comes first is not fixed here.)
        assert [entry.when for entry in entries] == sorted((entry.when for entry in entries), reverse=True)
        content = response.content.decode()
        assert "Signature recorded by" in content and "In negotiation" in content


def test_history_lists_removed_rows_and_documents(client_for, coordinator, agreement, partner_organisation):
    AgreementDocument.objects.create(
        agreement=agreement, title="Liite 1", file="agreements/abc", original_name="liite.pdf", content_type="x", size=1
    )
    party = agreement.parties.get(organisation=partner_organisation)
    client = client_for(coordinator)
    assert client.post(party_url("party_remove", agreement, party), {"confirm": "yes"}).status_code == 302
    with translation.override("en"):
        entries = entries_of(client.get(history_url(agreement), headers={"accept-language": "en"}))
        assert find(entries, "Document", "Liite 1", "insert")
        assert find(entries, "Party", "Gradia", "delete").who == str(coordinator)
        assert find(entries, "Commitment", "Ohjaajan työaikaa", "delete").who == str(coordinator)


def test_renewal_has_its_own_history(agreement, network):
    renewal = factories.AgreementFactory(network=network, renewal_of=agreement, title="Jatkosopimus")
    own = {
        event.pgh_obj_id
        for event in agreement_history.agreement_events(agreement)
        if event.pgh_model.endswith(".AgreementEvent")
    }
    assert own == {str(agreement.pk)}
    assert [e.name for e in agreement_history.describe(agreement_history.agreement_events(renewal))] == ["Jatkosopimus"]


def test_only_coordinators_see_the_history(client_for, member, observer, outsider, admin_user, agreement):
    assert client_for(member).get(history_url(agreement)).status_code == 403
    assert client_for(observer).get(history_url(agreement)).status_code == 403
    assert client_for(outsider).get(history_url(agreement)).status_code == 404
    assert client_for(admin_user).get(history_url(agreement)).status_code == 200


def test_history_query_count_does_not_grow(client_for, coordinator, agreement, organisation):
    party = agreement.parties.get(organisation=organisation)

    def grow():  # as in a POST: the writes carry who made them (django-pghistory's request context)
        with pghistory.context(user=coordinator.pk, url="/test/"):
            _grow()

    def _grow():
        for number in range(45):
            agreement_services.party_update(
                party=party,
                data={"roles": f"Rooli {number}"},
                commitments=[{"kind": "money", "description": f"Sitoumus {number}", "amount": number}],
                user=coordinator,
            )

    assert_budget(client_for(coordinator), history_url(agreement), budget=10, grow=grow)
