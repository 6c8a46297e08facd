"""Closing a survey round and computing its results, once.

:func:`round_close` ends an open round (a coordinator's click, or the daily job at the deadline), stores a
:class:`~networks.trust.models.RoundResult` with the response rate, and lets the round's kind compute the
rest (``COMPUTE``): the trust survey's network metrics here, the health check's per-aspect counts in
:mod:`networks.trust.health`. Pages and exports read what is stored; nothing is computed per page view.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.trust.models import RoundResult, RoundStatus, SurveyKind, SurveyRound
from portal.lib.errors import DomainError


def trust_compute(round_: SurveyRound, result: RoundResult) -> None:
    """The trust survey's figures of a round being closed (network, organisation and pair level)."""


def _health_compute(round_: SurveyRound, result: RoundResult) -> None:
    from networks.trust.health import health_compute

    health_compute(round_, result)


COMPUTE = {SurveyKind.TRUST: trust_compute, SurveyKind.HEALTH: _health_compute}


def round_close(*, round_: SurveyRound, user=None) -> RoundResult:
    """Close an open round now and compute its results. Refused when the round is no longer open (a second
    click, or the daily job and a coordinator at the same time: the row is locked, so only one closes it)."""
    with transaction.atomic():
        locked = SurveyRound.objects.select_for_update().select_related("network").get(pk=round_.pk)
        if locked.status != RoundStatus.OPEN:
            raise DomainError(_("The round is no longer open."))
        locked.status = RoundStatus.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at", "updated_at"])
        result = RoundResult.objects.create(
            round=locked,
            threshold=locked.network.trust_threshold,
            asked=locked.organisations.count(),
            responded=locked.responses.filter(submitted_at__isnull=False).count(),
        )
        COMPUTE[locked.kind](locked, result)
    round_.status, round_.closed_at = locked.status, locked.closed_at
    return result
