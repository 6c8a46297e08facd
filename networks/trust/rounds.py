"""Trust survey rounds: opening one, cancelling one, and where its answers stand (the live response rate).

A coordinator opens a round of the network's trust survey (:func:`round_open`): the organisations asked are
fixed then, the network's active member organisations, and their representatives and deputies are told by
e-mail. At most one trust survey is open per network (the database holds it too). An open round is closed by
:func:`networks.trust.results.round_close` (a coordinator, or the daily job at the deadline) or cancelled
(:func:`round_cancel`: nothing is computed). The response rate counts submitted answers only; a draft is
"started" but not yet counted.
"""

import datetime
from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Window
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from networks.memberships.models import Membership, Network
from networks.trust.models import RoundStatus, SurveyKind, SurveyResponse, SurveyRound
from portal.lib.access import ESTABLISHED, MembershipStatus
from portal.lib.errors import DomainError

# A round gives at most this long to answer: a later deadline is a typo, not a plan.
LONGEST_ROUND_DAYS = 365


def default_title(today: datetime.date | None = None) -> str:
    """The title a new round is offered, e.g. "Luottamuskysely 2026"."""
    today = today or timezone.localdate()
    return _("Trust survey %(year)s") % {"year": today.year}


def round_dates_check(*, period_start, period_end, deadline, today: datetime.date) -> None:
    """The dates of a new round, each wrong one said next to its field."""
    errors = {}
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = _("The period cannot end before it starts.")
    if deadline and deadline <= today:
        errors["deadline"] = _("The deadline must be in the future: the organisations need time to answer.")
    elif deadline and deadline > today + datetime.timedelta(days=LONGEST_ROUND_DAYS):
        errors["deadline"] = _("Give a deadline within %(days)s days.") % {"days": LONGEST_ROUND_DAYS}
    elif deadline and period_start and deadline < period_start:
        errors["deadline"] = _("The deadline cannot be before the period the survey asks about starts.")
    if errors:
        raise DomainError(errors)


def active_organisation_ids(network: Network):
    """The network's active member organisations (a queryset of ids): those a new round asks."""
    return Membership.objects.filter(network=network, status=MembershipStatus.ACTIVE).values("organisation")


def round_open(
    *, network: Network, user, title: str, period_start: datetime.date, period_end: datetime.date, deadline
) -> SurveyRound:
    """Open a trust survey of ``network``: asks its active member organisations now, answered by their
    representatives and deputies by ``deadline`` (told by e-mail after commit). Refused while another trust
    survey of the network is open, or without active members."""
    from networks.trust.mail import mail_round_opened

    round_dates_check(period_start=period_start, period_end=period_end, deadline=deadline, today=timezone.localdate())
    title = " ".join((title or "").split()) or default_title()
    with transaction.atomic():
        # Two coordinators opening at once: the second waits here, then finds the first round.
        Network.objects.select_for_update().filter(pk=network.pk).first()
        if SurveyRound.objects.open().filter(network=network, kind=SurveyKind.TRUST).exists():
            raise DomainError(_("A trust survey of the network is already open. Close or cancel it first."))
        asked = list(active_organisation_ids(network).values_list("organisation", flat=True))
        if not asked:
            raise DomainError(_("The network has no active member organisations to ask."))
        try:
            with transaction.atomic():
                round_ = SurveyRound.objects.create(
                    network=network,
                    kind=SurveyKind.TRUST,
                    title=title[:200],
                    period_start=period_start,
                    period_end=period_end,
                    deadline=deadline,
                    opened_by=user,
                )
        except IntegrityError:
            raise DomainError(_("A trust survey of the network is already open. Close or cancel it first.")) from None
        round_.organisations.set(asked)
        mail_round_opened(round_=round_)
    return round_


def round_cancel(*, round_: SurveyRound, user=None) -> SurveyRound:
    """Cancel an open round: nothing is computed, the answers saved so far are kept but not used."""
    with transaction.atomic():
        locked = SurveyRound.objects.select_for_update().get(pk=round_.pk)
        if locked.status != RoundStatus.OPEN:
            raise DomainError(_("The round is no longer open."))
        locked.status = RoundStatus.CANCELLED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at", "updated_at"])
    round_.status, round_.closed_at, round_.updated_at = locked.status, locked.closed_at, locked.updated_at
    return locked


# --- where the answers stand -------------------------------------------------------------------------------


class AnswerState:
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"

    LABELS = {
        NOT_STARTED: gettext_lazy("Not started"),
        DRAFT: gettext_lazy("Draft saved"),
        SUBMITTED: gettext_lazy("Submitted"),
    }


def answer_state(response: SurveyResponse | None) -> str:
    if response is None:
        return AnswerState.NOT_STARTED
    return AnswerState.SUBMITTED if response.is_submitted else AnswerState.DRAFT


@dataclass
class OrganisationState:
    """One organisation asked, and where its answer stands (not what it said)."""

    organisation_id: int
    name: str
    state: str

    @property
    def label(self):
        return AnswerState.LABELS[self.state]


@dataclass
class ResponseRate:
    asked: int
    submitted: int
    drafts: int

    @property
    def percent(self) -> int:
        return round(100 * self.submitted / self.asked) if self.asked else 0


def _with_states(round_: SurveyRound):
    """The organisations the round asks, each with ``started`` and ``submitted`` (whether it has a response,
    and a submitted one)."""
    responses = SurveyResponse.objects.filter(round=round_, organisation=OuterRef("pk"))
    return round_.organisations.annotate(
        started=Exists(responses),
        submitted=Exists(responses.filter(submitted_at__isnull=False)),
    )


def organisation_states(round_: SurveyRound):
    """Every organisation the round asks with where its answer stands, those that have not submitted first,
    then by name: a query to page through (rows: pk, name, started, submitted; :func:`as_states` reads them)."""
    return _with_states(round_).order_by("submitted", "name", "pk").values_list("pk", "name", "started", "submitted")


def as_states(rows) -> list[OrganisationState]:
    """Rows of :func:`organisation_states` as :class:`OrganisationState`."""
    states = []
    for pk, name, started, submitted in rows:
        state = AnswerState.SUBMITTED if submitted else AnswerState.DRAFT if started else AnswerState.NOT_STARTED
        states.append(OrganisationState(pk, name, state))
    return states


def response_rate(round_: SurveyRound) -> ResponseRate:
    """How many organisations the round asks, have submitted and have only a draft: one query, whatever the
    size."""
    responses = SurveyResponse.objects.filter(round=round_, organisation=OuterRef("pk"))
    counts = round_.organisations.aggregate(
        asked=Count("pk"),
        submitted=Count("pk", filter=Exists(responses.filter(submitted_at__isnull=False))),
        drafts=Count("pk", filter=Exists(responses.filter(submitted_at__isnull=True))),
    )
    return ResponseRate(**counts)


def with_response_counts(rounds):
    """``rounds`` annotated with ``asked_count`` and ``submitted_count`` (subqueries: one query for any number)."""
    asked = (
        SurveyRound.organisations.through.objects.filter(surveyround=OuterRef("pk"))
        .order_by()
        .values("surveyround")
        .annotate(n=Count("pk"))
        .values("n")
    )
    submitted = (
        SurveyResponse.objects.filter(round=OuterRef("pk"), submitted_at__isnull=False)
        .order_by()
        .values("round")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return rounds.annotate(asked_count=Subquery(asked), submitted_count=Subquery(submitted))


def percent(submitted, asked) -> int:
    return round(100 * (submitted or 0) / asked) if asked else 0


# --- the dashboard ----------------------------------------------------------------------------------------

# The dashboard lists at most this many rounds in each panel.
DASHBOARD_LIMIT = 10


def rounds_awaiting_answer(*, user, today: datetime.date) -> list[SurveyRound]:
    """Open rounds of either kind, deadline not passed, that ask an organisation the person speaks for
    (representative or deputy in an established membership of the round's network) which has not
    submitted; soonest deadline first. ``my_organisation_names`` names those organisations, ``awaiting_count``
    is the full count. One query."""
    submitted = SurveyResponse.objects.filter(
        round=OuterRef(OuterRef("pk")), organisation=OuterRef("organisation"), submitted_at__isnull=False
    )
    unanswered = (
        Membership.objects.filter(network=OuterRef("network"), status__in=ESTABLISHED)
        .filter(Q(representative=user) | Q(deputy=user))
        .filter(organisation__survey_rounds=OuterRef("pk"))
        .filter(~Exists(submitted))
    )
    return list(
        SurveyRound.objects.open()
        .filter(Exists(unanswered), deadline__gte=today)
        .annotate(
            my_organisation_names=ArraySubquery(
                unanswered.order_by("organisation__name", "pk").values("organisation__name")
            ),
            awaiting_count=Window(Count("*")),
        )
        .select_related("network")
        .order_by("deadline", "pk")[:DASHBOARD_LIMIT]
    )


def open_round_rates(*, network_ids) -> list[SurveyRound]:
    """The open rounds of either kind of the given networks, soonest deadline first, each with its
    ``asked_count``, ``submitted_count`` and ``percent``. One query."""
    found = list(
        with_response_counts(SurveyRound.objects.open().filter(network__in=network_ids))
        .select_related("network")
        .order_by("deadline", "pk")[:DASHBOARD_LIMIT]
    )
    for round_ in found:
        round_.percent = percent(round_.submitted_count, round_.asked_count)
    return found
