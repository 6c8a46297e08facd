"""Reads of shared goals (issue 5) shaped for the pages that show them."""

from django.db.models import Prefetch, QuerySet

from networks.models import Endorsement, EndorsementRound, Goal, Indicator, Measurement
from partners.models import Agreement


def goal_page() -> QuerySet[Goal]:
    """Goals with everything their page shows, in a fixed number of queries whatever their size: the
    network, owner organisation and contact, the linked agreements, every round of endorsement (newest
    first) with its revision and all its answers (newest first), and the indicators with their owners
    and measurements (oldest first).

    Filter it (``get_for_user(user, goal_page(), pk=pk)``); the prefetches run for what is fetched.
    """
    answers = Endorsement.objects.select_related("organisation", "answered_by").order_by("-answered_at", "-pk")
    rounds = (
        EndorsementRound.objects.select_related("revision", "opened_by")
        .prefetch_related(Prefetch("answers", queryset=answers))
        .order_by("-opened_at", "-pk")
    )
    measurements = Measurement.objects.select_related("recorded_by").order_by("measured_on", "pk")
    indicators = Indicator.objects.select_related("owner").prefetch_related(
        Prefetch("measurements", queryset=measurements)
    )
    return Goal.objects.select_related("network", "owner_organisation", "contact").prefetch_related(
        Prefetch("agreements", queryset=Agreement.objects.order_by("title", "pk")),
        Prefetch("rounds", queryset=rounds),
        Prefetch("indicators", queryset=indicators),
    )
