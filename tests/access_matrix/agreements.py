"""Access-matrix rows of partner agreements.

``objs.agreement`` is in negotiation between the member's organisation and a partner: the coordinators
manage it, the member (its party's representative) reads everything and signs for that party, the observer
sees that it exists, its parties and status (403 for commitments, documents and history), outsiders get 404.
"""

from tests import factories
from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, SIGNED_IN, Entry, row

PARTY_REP = row(302, 404, 403, 200, 200, 200)


def _agreement(objs):
    return {"pk": objs.agreement.pk}


def _agreement_in_state(objs, status):
    """Another agreement of the network, in ``status``, with the same two parties (signed when in force)."""
    agreement = factories.AgreementFactory(network=objs.network, status=status)
    for party in objs.agreement.parties.all():
        factories.AgreementPartyFactory(
            agreement=agreement,
            organisation=party.organisation,
            signed_on=None if status == "draft" else objs.agreement.created_at.date(),
        )
    return {"pk": agreement.pk}


def _member_party(objs):
    party = objs.agreement.parties.get(organisation=objs.organisation)
    return {"pk": objs.agreement.pk, "party": party.pk}


def _document(objs):
    from django.core.files.base import ContentFile

    from partners.agreements.models import AgreementDocument

    document = AgreementDocument.objects.create(
        agreement=objs.agreement,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="x.pdf"),
        original_name="sopimus.pdf",
        content_type="application/pdf",
        size=14,
    )
    return {"pk": objs.agreement.pk, "document": document.pk}


def _network(objs):
    return {"network": objs.network.slug}


GET = {
    # Everyone signed in lists (and exports) the agreements they may see (tests/partners/agreements/test_list.py).
    "agreements:agreement_list": Entry(SIGNED_IN, login_redirect=True),
    "agreements:agreement_export": Entry(SIGNED_IN, lambda o: {"fmt": "csv"}, login_redirect=True),
    "agreements:agreement_create": Entry(NETWORK_WRITE, _network, login_redirect=True),
    "agreements:agreement_detail": Entry(NETWORK_READ, _agreement, login_redirect=True),
    "agreements:agreement_edit": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:agreement_negotiate": Entry(row(405, 405, 405, 405, 405, 405), _agreement),  # POST only
    "agreements:agreement_back_to_draft": Entry(row(405, 405, 405, 405, 405, 405), _agreement),  # POST only
    "agreements:agreement_terminate": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:agreement_renew": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "active"), login_redirect=True),
    "agreements:agreement_delete": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "draft"), login_redirect=True),
    "agreements:agreement_history": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:party_add": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    "agreements:party_edit": Entry(NETWORK_WRITE, _member_party, login_redirect=True),
    "agreements:party_remove": Entry(NETWORK_WRITE, _member_party, login_redirect=True),
    "agreements:party_sign": Entry(PARTY_REP, _member_party, login_redirect=True),
    "agreements:document_upload": Entry(NETWORK_WRITE, _agreement, login_redirect=True),
    # An outsider guessing a document's address gets 404 (tests/partners/agreements/test_documents.py).
    "agreements:document_download": Entry(PARTY_REP, _document, login_redirect=True),
    "agreements:document_delete": Entry(NETWORK_WRITE, _document, login_redirect=True),
}

# An empty POST gives the form back with errors, or asks again (no confirm=yes); negotiate and back-to-draft act
# at once (302, and the admin after the coordinator is told the state no longer allows it: 302).
POST = {
    "agreements:agreement_create": Entry(NETWORK_WRITE, _network),
    "agreements:agreement_edit": Entry(NETWORK_WRITE, _agreement),
    "agreements:agreement_negotiate": Entry(row(302, 404, 403, 403, 302, 302), _agreement),
    "agreements:agreement_back_to_draft": Entry(row(302, 404, 403, 403, 302, 302), _agreement),
    "agreements:agreement_terminate": Entry(NETWORK_WRITE, _agreement),
    "agreements:agreement_renew": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "active")),
    "agreements:agreement_delete": Entry(NETWORK_WRITE, lambda o: _agreement_in_state(o, "draft")),
    "agreements:party_add": Entry(NETWORK_WRITE, _agreement),
    "agreements:party_edit": Entry(NETWORK_WRITE, _member_party),
    "agreements:party_remove": Entry(NETWORK_WRITE, _member_party),
    "agreements:party_sign": Entry(PARTY_REP, _member_party),
    "agreements:document_upload": Entry(NETWORK_WRITE, _agreement),
    "agreements:document_delete": Entry(NETWORK_WRITE, _document),
}

READ_ONLY = {
    "agreements:agreement_list",
    "agreements:agreement_export",
    "agreements:agreement_detail",
    "agreements:agreement_history",
    "agreements:document_download",
}

CASES = []
