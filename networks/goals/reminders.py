"""The daily job of shared goals: rounds of endorsement close on time, and one reminder goes out.

Run once a day by the scheduler (``manage.py goal_endorsement_reminders``, see the README). Each run:

1. evaluates every open round (:func:`networks.goals.endorsement.rounds_evaluate`): a round whose rule is
   now met is agreed, one whose deadline has passed is closed as not reached;
2. reminds, once per round, the representatives and deputies of the active member organisations that
   have not answered, when the deadline is ``days`` or fewer days away (and has not passed).

"Once" is kept in the round's ``reminder_sent_at``. The reminder is claimed by an UPDATE that only
matches while it is empty, so two runs at the same time never both send.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from networks.goals.endorsement import rounds_evaluate
from networks.goals.mail import mail_endorsement_reminder
from networks.goals.models import EndorsementRound


@dataclass
class ReminderRun:
    """What one run did."""

    outcomes: dict = field(default_factory=dict)  # outcome → how many rounds closed with it
    reminders: int = 0  # rounds reminded of
    messages: int = 0  # e-mail messages queued


def reminders_due(*, today: datetime.date, days: int):
    """Open rounds whose deadline is within ``days`` days from ``today`` (today included), not yet reminded of."""
    return (
        EndorsementRound.objects.open()
        .filter(reminder_sent_at__isnull=True, deadline__gte=today, deadline__lte=today + datetime.timedelta(days=days))
        .select_related("goal__network", "revision")
        .order_by("deadline", "pk")
    )


def _remind(round_: EndorsementRound, *, today: datetime.date) -> int | None:
    """Claim and send one round's reminder: the number of messages, or None when it was not this run's."""
    with transaction.atomic():
        claimed = (
            EndorsementRound.objects.open()
            .filter(pk=round_.pk, reminder_sent_at__isnull=True)
            .update(reminder_sent_at=timezone.now())
        )
        if claimed != 1:
            return None
        return mail_endorsement_reminder(round_=round_, today=today)


def goal_endorsement_reminders_run(*, today: datetime.date | None = None, days: int | None = None) -> ReminderRun:
    """The daily job: close the rounds that are decided or past their deadline, then send the reminders due."""
    today = today or timezone.localdate()
    days = settings.GOAL_ENDORSEMENT_REMINDER_DAYS if days is None else days
    run = ReminderRun(outcomes=rounds_evaluate(today=today))
    for round_ in reminders_due(today=today, days=days):
        sent = _remind(round_, today=today)
        if sent is not None:
            run.reminders += 1
            run.messages += sent
    return run
