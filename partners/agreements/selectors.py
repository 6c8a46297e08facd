"""Reads of partner agreements (issue 4) shaped for the pages that show them."""

from django.db.models import Prefetch, QuerySet
from django.db.models.expressions import RawSQL

from partners.agreements.models import Agreement, AgreementAmendment, AgreementDocument, AgreementParty, Commitment


def agreement_page() -> QuerySet[Agreement]:
    """Agreements with everything their page shows, in a fixed number of queries whatever their size:
    the network, the responsible coordinator, the versions before and after, the parties (organisation,
    who recorded the signature) with their commitments, the documents, the amendments and the shared goals it serves.

    Filter it (``get_for_user(user, agreement_page(), pk=pk)``); the prefetches run for what is fetched.
    """
    parties = AgreementParty.objects.select_related("organisation", "signed_by").prefetch_related(
        Prefetch("commitments", queryset=Commitment.objects.order_by("pk"))
    )
    return Agreement.objects.select_related("network", "coordinator", "renewal_of", "renewal").prefetch_related(
        Prefetch("parties", queryset=parties),
        Prefetch("documents", queryset=AgreementDocument.objects.select_related("uploaded_by")),
        Prefetch("amendments", queryset=AgreementAmendment.objects.select_related("made_by").order_by("number")),
        "goals",
    )


# Every version linked to one agreement through renewals, both ways, in one query.
_CHAIN_SQL = """
    WITH RECURSIVE earlier(id, renewal_of_id) AS (
        SELECT id, renewal_of_id FROM partners_agreement WHERE id = %s
        UNION ALL
        SELECT a.id, a.renewal_of_id FROM partners_agreement a JOIN earlier e ON a.id = e.renewal_of_id
    ), later(id) AS (
        SELECT id FROM partners_agreement WHERE id = %s
        UNION ALL
        SELECT a.id FROM partners_agreement a JOIN later l ON a.renewal_of_id = l.id
    )
    SELECT id FROM earlier UNION SELECT id FROM later
"""


def agreement_chain(agreement: Agreement) -> list[Agreement]:
    """Every version of the agreement, oldest first: one query however long the chain."""
    return list(
        # A fixed query; the only values are the two bound parameters.
        Agreement.objects.filter(pk__in=RawSQL(_CHAIN_SQL, [agreement.pk, agreement.pk]))  # noqa: S611
        .only("pk", "title", "version", "status", "renewal_of")
        .order_by("version", "pk")
    )
