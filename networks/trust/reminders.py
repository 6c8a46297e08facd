"""The daily job of survey rounds: rounds past their deadline close, and one reminder goes out before it.

Run once a day by the scheduler (``manage.py survey_reminders``, see the README). Each run:

1. closes every open round (trust surveys and health checks) whose deadline has passed, with
   :func:`networks.trust.results.round_close`, which computes its results;
2. counts the new contacts of the joint activities that have started (:func:`networks.trust.contacts.
   contacts_for_started_activities`: an activity's contacts count from its day on);
3. reminds, once per open round (trust surveys and health checks alike), the representatives and deputies of
   the organisations asked that have not submitted, when the deadline is ``days`` or fewer days away (and has
   not passed): a trust survey's reminder links to its answer page, a health check's names the check and links
   to the check's answer page.

"Once" is kept in the round's ``reminder_sent_at``. The reminder is claimed by an UPDATE that only matches
while it is empty, so two runs at the same time never both send.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from networks.trust.contacts import contacts_for_started_activities
from networks.trust.health import mail_health_reminder
from networks.trust.mail import mail_round_reminder
from networks.trust.models import SurveyKind, SurveyRound
from networks.trust.results import round_close
from portal.lib.errors import DomainError


@dataclass
class ReminderRun:
    """What one run did."""

    closed: int = 0  # rounds closed at their deadline
    reminders: int = 0  # rounds reminded of
    messages: int = 0  # e-mail messages queued
    started: int = 0  # joint activities that have started, their contacts counted


def rounds_due_to_close(*, today: datetime.date):
    return SurveyRound.objects.open().filter(deadline__lt=today).order_by("deadline", "pk")


def reminders_due(*, today: datetime.date, days: int):
    """Open rounds of either kind whose deadline is within ``days`` days of ``today`` (today included), not yet
    reminded."""
    return (
        SurveyRound.objects.open()
        .filter(
            reminder_sent_at__isnull=True,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=days),
        )
        .select_related("network")
        .order_by("deadline", "pk")
    )


# The reminder of each kind of round: the not-submitted organisations' representatives and deputies.
REMINDER_MAIL = {SurveyKind.TRUST: mail_round_reminder, SurveyKind.HEALTH: mail_health_reminder}


def _remind(round_: SurveyRound, *, today: datetime.date) -> int | None:
    """Claim and send one round's reminder: the number of messages, or None when it was not this run's."""
    with transaction.atomic():
        claimed = (
            SurveyRound.objects.open()
            .filter(pk=round_.pk, reminder_sent_at__isnull=True)
            .update(reminder_sent_at=timezone.now())
        )
        if claimed != 1:
            return None
        return REMINDER_MAIL[round_.kind](round_=round_, today=today)


def survey_reminders_run(*, today: datetime.date | None = None, days: int | None = None) -> ReminderRun:
    """The daily job: close the rounds past their deadline, then send the reminders due."""
    today = today or timezone.localdate()
    days = settings.SURVEY_REMINDER_DAYS if days is None else days
    run = ReminderRun()
    for round_ in rounds_due_to_close(today=today):
        try:
            round_close(round_=round_)
        except DomainError:
            continue  # closed by someone else meanwhile
        run.closed += 1
    run.started = contacts_for_started_activities(today=today)
    for round_ in reminders_due(today=today, days=days):
        sent = _remind(round_, today=today)
        if sent is not None:
            run.reminders += 1
            run.messages += sent
    return run
