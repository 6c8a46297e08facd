"""Reads of partner agreements shaped for the pages that show them."""

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, RowNumber
from django.utils import timezone

from networks.memberships.models import Membership
from partners.agreements.models import (
    IN_FORCE,
    Agreement,
    AgreementAmendment,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
    Commitment,
)
from portal.lib.access import ESTABLISHED


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


# --- the agreements on the dashboard --------------------------------------------------------------


AGREEMENT_TODO_LIMIT = 10


EXPIRING_WITHIN_DAYS = 90


STALLED_AFTER_DAYS = 30


@dataclass
class AgreementTodo:
    """The coordinator's agreement work: each kind with up to AGREEMENT_TODO_LIMIT rows and the full count."""

    expiring: list = field(default_factory=list)
    stalled: list = field(default_factory=list)
    unsigned: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {"expiring": 0, "stalled": 0, "unsigned": 0})
    expiring_days: int = EXPIRING_WITHIN_DAYS
    stalled_days: int = STALLED_AFTER_DAYS

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _unsigned_names(parties):
    """The organisation names of ``parties`` (filtered to one agreement), as an array annotation."""
    return ArraySubquery(parties.order_by("organisation__name", "pk").values("organisation__name"))


def coordinator_agreement_todo(*, network_ids, today: datetime.date | None = None, now=None) -> AgreementTodo:
    """In the given networks: agreements in force ending within EXPIRING_WITHIN_DAYS days, drafts
    nobody has touched for STALLED_AFTER_DAYS days, and agreements in negotiation with the parties
    yet to sign (``unsigned_names``). One query; the statuses keep the three kinds apart."""
    todo = AgreementTodo()
    if not network_ids:
        return todo
    today = today or timezone.localdate()
    now = now or timezone.now()
    unsigned = AgreementParty.objects.filter(agreement=OuterRef("pk"), signed_on__isnull=True)
    kind = Case(
        When(status__in=IN_FORCE, then=Value("expiring")),
        When(status=AgreementStatus.DRAFT, then=Value("stalled")),
        default=Value("unsigned"),
    )
    # Ending soonest first; the drafts and negotiations waiting longest first.
    urgency = Case(
        When(status__in=IN_FORCE, then=F("valid_until")),
        default=Cast("updated_at", DateField()),
        output_field=DateField(),
    )
    rows = (
        Agreement.objects.filter(network_id__in=network_ids)
        .filter(
            Q(status__in=IN_FORCE, valid_until__lte=today + datetime.timedelta(days=EXPIRING_WITHIN_DAYS))
            | Q(status=AgreementStatus.DRAFT, updated_at__lt=now - datetime.timedelta(days=STALLED_AFTER_DAYS))
            | Q(Exists(unsigned), status=AgreementStatus.NEGOTIATION)
        )
        .annotate(
            todo_kind=kind,
            position=Window(RowNumber(), partition_by=[kind], order_by=[urgency.asc(), F("pk").asc()]),
            kind_count=Window(Count("*"), partition_by=[kind]),
            unsigned_names=_unsigned_names(unsigned),
        )
        .filter(position__lte=AGREEMENT_TODO_LIMIT)
        .select_related("network")
        .order_by("todo_kind", "position")
    )
    for agreement in rows:
        getattr(todo, agreement.todo_kind).append(agreement)
        todo.counts[agreement.todo_kind] = agreement.kind_count
    return todo


def agreements_awaiting_signature(*, user) -> list[Agreement]:
    """Agreements in negotiation where an organisation the person represents (representative or deputy
    of an established membership in the agreement's network) has yet to sign; ``my_unsigned_names``
    names those organisations, ``awaiting_count`` is the full count. One query."""
    mine = AgreementParty.objects.filter(
        agreement=OuterRef("pk"),
        signed_on__isnull=True,
        organisation__in=Membership.objects.filter(network=OuterRef(OuterRef("network")), status__in=ESTABLISHED)
        .filter(Q(representative=user) | Q(deputy=user))
        .values("organisation"),
    )
    return list(
        Agreement.objects.filter(Exists(mine), status=AgreementStatus.NEGOTIATION)
        .annotate(my_unsigned_names=_unsigned_names(mine), awaiting_count=Window(Count("*")))
        .select_related("network")
        .order_by("updated_at", "pk")[:AGREEMENT_TODO_LIMIT]
    )
