"""No doubled writes: an agreement, a party, a document and a renewal, each sent twice
with the same one-time token, are created once; the second POST leads to the first."""

import pytest
from django.urls import reverse

from partners.agreements.models import Agreement, AgreementDocument, AgreementParty
from tests import factories
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.partners.agreements.document_files import pdf_bytes, upload
from tests.partners.agreements.test_lifecycle import _bring_into_force

pytestmark = pytest.mark.django_db

AGREEMENT = {
    "title": "Ohjauksen palveluketju",
    "kind": "mou",
    "purpose": "Yhteinen palveluketju.",
    "notice_period_days": "60",
    "valid_from": "2026-01-01",
    "valid_until": "2026-12-31",
    "coordinator": "",
}


def _url(name, agreement):
    return reverse(f"agreements:{name}", kwargs={"pk": agreement.pk})


def test_creating_an_agreement_twice_makes_one(client_for, coordinator, network, django_capture_on_commit_callbacks):
    url = reverse("agreements:agreement_create", kwargs={"network": network.slug})
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    first = assert_created_once(
        client, url, lambda: AGREEMENT, Agreement.objects.count, django_capture_on_commit_callbacks
    )
    assert first["Location"] == _url("agreement_detail", Agreement.objects.get())


def test_adding_a_party_twice_adds_one(client_for, coordinator, agreement, network, django_capture_on_commit_callbacks):
    newcomer = factories.MembershipFactory(network=network).organisation
    url = _url("party_add", agreement)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    data = {"organisation": newcomer.pk, "signatory_name": "Rehtori Rinne", "roles": "Tilat"}
    assert_created_once(client, url, lambda: data, AgreementParty.objects.count, django_capture_on_commit_callbacks)


def test_uploading_a_document_twice_stores_one(
    settings, tmp_path, client_for, coordinator, agreement, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    url = _url("document_upload", agreement)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)

    def data():
        return {"file": upload("liite.pdf", pdf_bytes()), "kind": "annex", "title": "Liite"}

    assert_created_once(client, url, data, AgreementDocument.objects.count, django_capture_on_commit_callbacks)


def test_renewing_twice_makes_one_new_version(client_for, coordinator, agreement, django_capture_on_commit_callbacks):
    agreement = _bring_into_force(agreement, coordinator)
    url = _url("agreement_renew", agreement)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    assert_created_once(
        client, url, lambda: {"confirm": "yes"}, Agreement.objects.count, django_capture_on_commit_callbacks
    )
