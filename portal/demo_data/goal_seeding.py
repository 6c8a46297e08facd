"""Helpers of the shared goals' demo data (:mod:`portal.demo_data.goals`): a seeder that makes goals
through the portal's services, as its people would, and then moves their timestamps back in time."""

import contextlib
import datetime
from decimal import Decimal

from django.utils import timezone

from networks.goals import endorsement, services
from networks.goals import indicators as indicator_services
from networks.goals import mail as goal_mail
from networks.goals.models import Endorsement, EndorsementRound, Goal, GoalRevision, Indicator, Measurement
from networks.goals.progress import add_months, expected_value
from networks.memberships.models import Membership, MembershipStatus
from partners.agreements.models import Agreement

ENDORSEMENT_DAYS = 21
# Deviations from the straight path, as shares of the planned change, one per measurement in turn.
_WOBBLE = [Decimal(x) for x in ("0.02", "-0.03", "0.04", "0.00", "-0.02", "0.03", "0.01", "-0.04", "0.02", "0.00")]

MAIL_HOOKS = ("mail_goal_proposed", "mail_endorsement_opened")


@contextlib.contextmanager
def no_mail():
    """The fictional people get no e-mail while the demo is seeded."""
    saved = {name: getattr(goal_mail, name) for name in MAIL_HOOKS}
    for name in MAIL_HOOKS:
        setattr(goal_mail, name, lambda **kwargs: 0)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(goal_mail, name, function)


def moment(day: datetime.date, hour: int = 12) -> datetime.datetime:
    """``hour`` o'clock of ``day`` in Helsinki time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def first_of_month(today: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` after today's (negative: before)."""
    return add_months(today.replace(day=1), months)


class GoalSeeder:
    """The main network's goals, made step by step as its people would have."""

    def __init__(self, *, network, organisations, coordinator, today):
        self.network = network
        self.organisations = organisations
        self.coordinator = coordinator
        self.today = today
        self.agreements = {}
        # The latest version wins: the renewed partnership, not the expired first one.
        for agreement in Agreement.objects.filter(network=network).order_by("version", "pk"):
            self.agreements[agreement.title] = agreement
        memberships = Membership.objects.filter(
            network=network, status=MembershipStatus.ACTIVE, representative__isnull=False
        ).select_related("organisation", "representative")
        self.representatives = {m.organisation.slug: m.representative for m in memberships}

    def days_ago(self, days: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days)

    # --- goals and endorsement -------------------------------------------------------------------

    def create(self, *, title, description, rationale, start, end, area, owner, agreements, user=None):
        return services.goal_create(
            network=self.network,
            user=user or self.coordinator,
            data={
                "title": title,
                "description": description,
                "rationale": rationale,
                "period_start": start,
                "period_end": end,
                "quality_area": area,
                "owner_organisation": self.organisations[owner],
                "contact": user or self.coordinator,
            },
            agreements=[self.agreements[name] for name in agreements],
        )

    def answer(self, goal: Goal, answers) -> None:
        """Each ``(organisation slug, answer, reason)`` given by the organisation's representative."""
        for slug, answer, reason in answers:
            endorsement.endorsement_answer(
                goal=goal,
                organisation=self.organisations[slug],
                user=self.representatives[slug],
                answer=answer,
                reason=reason,
            )

    def endorse(self, goal: Goal, answers) -> EndorsementRound:
        """Open a round on the goal's current text and answer it."""
        round_ = endorsement.endorsement_open(goal=goal, user=self.coordinator)
        self.answer(goal, answers)
        return round_

    @staticmethod
    def backdate_round(round_: EndorsementRound, *, opened: datetime.date, answer_days) -> None:
        """The round opened on ``opened``; its answers came ``answer_days`` days later (in order); a closed
        round closed with its last answer (or, cancelled, when ``closed`` is given by the caller)."""
        answers = list(round_.answers.order_by("pk"))
        for answer, offset in zip(answers, answer_days, strict=True):
            Endorsement.objects.filter(pk=answer.pk).update(
                answered_at=moment(opened + datetime.timedelta(days=offset), 9 + offset % 8)
            )
        fields = {"opened_at": moment(opened, 8), "deadline": opened + datetime.timedelta(days=ENDORSEMENT_DAYS)}
        if EndorsementRound.objects.filter(pk=round_.pk, closed_at__isnull=False).exists():
            last = answer_days[-1] if answer_days else ENDORSEMENT_DAYS
            fields["closed_at"] = moment(opened + datetime.timedelta(days=last), 17)
        EndorsementRound.objects.filter(pk=round_.pk).update(**fields)

    @staticmethod
    def backdate_goal(goal: Goal, *, created: datetime.date, changed: datetime.date, revisions=()) -> None:
        """When the goal was proposed and last moved; ``revisions``: the days of revisions 2, 3, …"""
        GoalRevision.objects.filter(goal=goal, number=1).update(created_at=moment(created, 10))
        for number, day in enumerate(revisions, start=2):
            GoalRevision.objects.filter(goal=goal, number=number).update(created_at=moment(day, 10))
        Goal.objects.filter(pk=goal.pk).update(
            created_at=moment(created, 10), status_changed_at=moment(changed, 15), updated_at=moment(changed, 15)
        )

    # --- indicators -------------------------------------------------------------------------------

    def indicator(self, goal: Goal, *, owner: str | None = None, **data) -> Indicator:
        """An indicator measured by the representative of ``owner`` (an organisation slug)."""
        owner_user = self.representatives[owner] if owner else None
        return indicator_services.indicator_create(goal=goal, data={**data, "owner": owner_user})

    def measure(self, indicator: Indicator, *, until: datetime.date, lead: Decimal, notes=None) -> None:
        """Measurements every ``frequency`` from the baseline date up to ``until``: the straight path's
        value, ahead of it by ``lead`` (a share of the planned change; negative: behind), with a wobble.
        """
        step = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[indicator.frequency]
        baseline, target = indicator.baseline_value, indicator.target_value
        planned = abs(target - baseline) if indicator.direction != Indicator.Direction.KEEP else abs(target)
        sign = -1 if indicator.direction == Indicator.Direction.DECREASE else 1
        notes = notes or {}
        count = 1
        while (day := add_months(indicator.baseline_date, step * count)) <= min(until, indicator.target_date):
            wobble = _WOBBLE[count % len(_WOBBLE)]
            value = expected_value(indicator, day) + sign * (lead + wobble) * planned
            indicator_services.measurement_add(
                indicator=indicator,
                user=indicator.owner or self.coordinator,
                data={"measured_on": day, "value": value.quantize(Decimal("0.01")), "note": notes.get(count, "")},
            )
            count += 1
        for measurement in Measurement.objects.filter(indicator=indicator):
            recorded = min(measurement.measured_on + datetime.timedelta(days=3), self.today)
            Measurement.objects.filter(pk=measurement.pk).update(recorded_at=moment(recorded, 14))
