"""Reads of partner agreements (issue 4) shaped for the pages that show them."""

from django.db.models import Prefetch, QuerySet

from partners.models import Agreement, AgreementAmendment, AgreementDocument, AgreementParty, Commitment


def agreement_page() -> QuerySet[Agreement]:
    """Agreements with everything their page shows, in a fixed number of queries whatever their size:
    the network, the responsible coordinator, the versions before and after, the parties (organisation,
    who recorded the signature) with their commitments, the documents and the amendments.

    Filter it (``get_for_user(user, agreement_page(), pk=pk)``); the prefetches run for what is fetched.
    """
    parties = AgreementParty.objects.select_related("organisation", "signed_by").prefetch_related(
        Prefetch("commitments", queryset=Commitment.objects.order_by("pk"))
    )
    return Agreement.objects.select_related("network", "coordinator", "renewal_of", "renewal").prefetch_related(
        Prefetch("parties", queryset=parties),
        Prefetch("documents", queryset=AgreementDocument.objects.select_related("uploaded_by")),
        Prefetch("amendments", queryset=AgreementAmendment.objects.select_related("made_by").order_by("number")),
    )
