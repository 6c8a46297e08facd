"""Reads of the portal app, shaped for the pages that show them."""

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, RowNumber
from django.utils import timezone

from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalStatus
from networks.meetings.models import ActionItem, Invitee, Meeting, MeetingStatus
from networks.memberships.models import Membership, Network, NetworkRole
from partners.agreements.models import IN_FORCE, Agreement, AgreementParty, AgreementStatus
from partners.directory.models import Affiliation, ExpertiseArea, Organisation
from portal.accounts.models import User
from portal.lib.access import ESTABLISHED, MembershipStatus, Role


def dashboard_networks(*, user):
    """The person's networks with their role and active member count, in one query."""
    my_role = NetworkRole.objects.filter(network=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Network.objects.filter(roles__user=user)
        .with_member_counts()
        .annotate(my_role=Subquery(my_role))
        .order_by("name")
    )


def current_affiliations(*, user):
    return Affiliation.objects.filter(user=user, until__isnull=True).select_related("organisation")


# --- agreements on the dashboard (issue 4) ---------------------------------------------------------

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


# --- shared goals on the dashboard (issue 5) -------------------------------------------------------

GOAL_TODO_LIMIT = 10


def goals_awaiting_answer(*, user, today: datetime.date | None = None) -> list[EndorsementRound]:
    """Open rounds of endorsement, deadline not passed, in which an organisation the person answers for
    (representative or deputy of an active member of the goal's network) has not answered yet, soonest
    deadline first. ``my_organisation_names`` names those organisations, ``awaiting_count`` is the full
    count. One query."""
    today = today or timezone.localdate()
    answered = Endorsement.objects.filter(
        round=OuterRef(OuterRef("pk")), organisation=OuterRef("organisation"), is_current=True
    )
    unanswered = (
        Membership.objects.filter(network=OuterRef("goal__network"), status=MembershipStatus.ACTIVE)
        .filter(Q(representative=user) | Q(deputy=user))
        .filter(~Exists(answered))
    )
    return list(
        EndorsementRound.objects.open()
        .filter(Exists(unanswered), deadline__gte=today)
        .annotate(
            my_organisation_names=ArraySubquery(
                unanswered.order_by("organisation__name", "pk").values("organisation__name")
            ),
            awaiting_count=Window(Count("*")),
        )
        .select_related("goal", "goal__network")
        .order_by("deadline", "pk")[:GOAL_TODO_LIMIT]
    )


def goal_proposals_waiting(*, network_ids) -> list[Goal]:
    """Goals of the given networks that wait for a coordinator to open endorsement: proposals, and revised
    goals whose round ended without agreement; oldest first. ``waiting_count`` is the full count. One query."""
    if not network_ids:
        return []
    open_round = EndorsementRound.objects.filter(goal=OuterRef("pk"), outcome=EndorsementRound.Outcome.OPEN)
    return list(
        Goal.objects.filter(network_id__in=network_ids)
        .filter(Q(status=GoalStatus.PROPOSED) | Q(~Exists(open_round), status=GoalStatus.REVISED))
        .annotate(waiting_count=Window(Count("*")))
        .select_related("network", "proposed_by")
        .order_by("created_at", "pk")[:GOAL_TODO_LIMIT]
    )


# --- meetings on the dashboard (issue 6) -------------------------------------------------------------

ACTION_TODO_LIMIT = 10
NEXT_MEETINGS_LIMIT = 5


def my_open_actions(*, user) -> list[ActionItem]:
    """The person's open action items, soonest due first (so the overdue ones come first), with their
    meeting and network; ``open_count`` is the full count. One query."""
    return list(
        ActionItem.objects.open()
        .filter(owner=user)
        .annotate(open_count=Window(Count("*")))
        .select_related("meeting", "network")
        .order_by("due_on", "pk")[:ACTION_TODO_LIMIT]
    )


def my_next_meetings(*, user, now=None) -> list[Meeting]:
    """The planned meetings the person is invited to or organises that have not ended, soonest first, with
    the network and the person's reply (``my_reply``, empty when not invited or not answered). One query."""
    now = now or timezone.now()
    mine = Invitee.objects.filter(user=user)
    return list(
        Meeting.objects.filter(status=MeetingStatus.PLANNED, ends_at__gte=now)
        .filter(Q(pk__in=mine.values("meeting")) | Q(organiser=user))
        .annotate(my_reply=Subquery(mine.filter(meeting=OuterRef("pk")).values("reply")[:1]))
        .select_related("network")
        .order_by("starts_at", "pk")[:NEXT_MEETINGS_LIMIT]
    )


def with_profile(queryset, *, viewer):
    """People with what their profile page shows, prefetched: only organisations ``viewer`` may see."""
    return queryset.prefetch_related(
        # Only the terms of vocabularies ``viewer`` may see (another network's terms stay private).
        Prefetch("expertise", queryset=ExpertiseArea.objects.visible_to(viewer).order_by("name")),
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.filter(
                until__isnull=True, organisation__in=Organisation.objects.visible_to(viewer).values("pk")
            ).select_related("organisation"),
            to_attr="current_affiliations",
        ),
    )


# --- the people directory ("who knows what") -------------------------------------------------


def shares_network_with(viewer):
    """A boolean expression over people: whether ``viewer`` may see their e-mail and phone.

    The one rule for contact details: the person themself, and people who share a network
    with them (any role). Used as an annotation (``contact_visible``) on every list and page
    that shows people, so the rule is written once and costs no extra query per person.
    """
    if not viewer.is_authenticated:
        return Value(False)
    my_networks = NetworkRole.objects.filter(user=viewer).values("network")
    return Q(pk=viewer.pk) | Exists(NetworkRole.objects.filter(user=OuterRef("pk"), network__in=my_networks))


def with_contact_visibility(queryset, *, viewer):
    """People annotated with ``contact_visible`` (see :func:`shares_network_with`)."""
    return queryset.annotate(
        contact_visible=ExpressionWrapper(shares_network_with(viewer), output_field=BooleanField())
    )


def contact_details_visible(*, viewer, person) -> bool:
    """Whether ``viewer`` may see ``person``'s e-mail and phone (uses the annotation when present)."""
    if hasattr(person, "contact_visible"):
        return person.contact_visible
    return (
        with_contact_visibility(User.objects.filter(pk=person.pk), viewer=viewer)
        .values_list("contact_visible", flat=True)
        .first()
        is True
    )


def people_directory(
    *,
    viewer,
    name: str = "",
    organisation: str = "",
    area: ExpertiseArea | None = None,
    language: str = "",
    region: str = "",
):
    """People ``viewer`` may see, filtered, with what a directory row shows prefetched.

    ``organisation`` matches a current organisation's identifier exactly or its name or short name
    in part; ``region`` is a region the person's current organisations work in. Filters are
    IN-subqueries over current affiliations, so the row count never multiplies.
    """
    people = User.objects.visible_to(viewer).filter(is_active=True)
    for word in name.split()[:5]:
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    current = Affiliation.objects.filter(until__isnull=True)
    if organisation:
        organisations = Organisation.objects.visible_to(viewer).filter(
            Q(slug=organisation) | Q(name__icontains=organisation) | Q(short_name__icontains=organisation)
        )
        people = people.filter(pk__in=current.filter(organisation__in=organisations.values("pk")).values("user"))
    if region:
        # Only through organisations the viewer may see: a hidden organisation's region must not show.
        people = people.filter(
            pk__in=current.filter(
                organisation__regions__contains=[region],
                organisation__in=Organisation.objects.visible_to(viewer).values("pk"),
            ).values("user")
        )
    if area is not None:
        people = people.filter(pk__in=User.expertise.through.objects.filter(expertisearea=area).values("user"))
    if language:
        people = people.filter(languages__contains=[language])
    visible_organisations = Organisation.objects.visible_to(viewer).values("pk")
    people = people.prefetch_related(
        Prefetch("expertise", queryset=ExpertiseArea.objects.visible_to(viewer).order_by("name")),
        Prefetch(
            "affiliations",
            queryset=Affiliation.objects.filter(until__isnull=True, organisation__in=visible_organisations)
            .select_related("organisation")
            .order_by("-primary", "organisation__name"),
            to_attr="current_affiliations",
        ),
    )
    return with_contact_visibility(people, viewer=viewer).order_by("last_name", "first_name", "pk")


def own_affiliations(*, user):
    """A person's affiliations, current first, then past ones newest first."""
    return (
        Affiliation.objects.filter(user=user)
        .select_related("organisation")
        .order_by(F("until").desc(nulls_first=True), "-primary", "organisation__name")
    )


def contact_invitation_targets(*, person, viewer) -> list[tuple]:
    """Where ``viewer`` may invite the contact ``person``: (network, organisation) pairs.

    Networks ``viewer`` coordinates and the contact belongs to, for the contact's current
    organisations that are active or paused members there (as ``networks:invitation_create`` allows).
    """
    if not person.is_contact or not viewer.is_authenticated:
        return []
    from networks.memberships.models import Membership

    networks = Network.objects.filter(roles__user=viewer, roles__role=Role.COORDINATOR).filter(
        pk__in=NetworkRole.objects.filter(user=person).values("network")
    )
    memberships = (
        Membership.objects.filter(
            network__in=networks,
            status__in=[MembershipStatus.ACTIVE, MembershipStatus.PAUSED],
            organisation__in=Affiliation.objects.filter(user=person, until__isnull=True).values("organisation"),
        )
        .select_related("network", "organisation")
        .order_by("network__name", "organisation__name")
    )
    return [(membership.network, membership.organisation) for membership in memberships]
