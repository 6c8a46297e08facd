"""The daily agreement job: statuses follow the calendar, and people hear of coming dates.

Run once a day by the scheduler (``manage.py agreement_reminders``, see the README). Each run:

1. moves agreements in force into their notice window (expiring) and past their end (expired);
2. reminds the network's coordinators and the parties' representatives and deputies once when an
   agreement in force is ``days`` or fewer days from its end date;
3. reminds them once on an agreement's review date (a review date missed by up to
   ``REVIEW_CATCH_UP_DAYS`` days, when a daily run did not happen, is caught up).

"Once" is kept in the agreement's row: ``expiry_reminder_for`` / ``review_reminder_for`` hold the
date a reminder was sent for. A reminder is claimed by an UPDATE that only matches while that date
differs, so two runs at the same time never both send, and a new date (an amendment) earns a new one.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from networks.memberships.models import Membership, NetworkRole
from partners.agreements import services as agreement_services
from partners.agreements.models import IN_FORCE, Agreement, AgreementParty
from portal.accounts.models import User
from portal.lib.access import ESTABLISHED, Role
from portal.lib.mail import send_personal_mail

REVIEW_CATCH_UP_DAYS = 7


@dataclass
class ReminderRun:
    """What one run did."""

    statuses: dict = field(default_factory=dict)  # new status → how many agreements moved to it
    expiry_reminders: int = 0  # agreements reminded of their end date
    review_reminders: int = 0  # agreements reminded of their review date
    messages: int = 0  # e-mail messages queued


def agreement_recipients(agreement: Agreement):
    """Who hears about an agreement: the network's coordinators and the representatives and deputies
    of the parties' (established) memberships in the network. Active accounts with an e-mail address only."""
    parties = Membership.objects.filter(
        network_id=agreement.network_id,
        status__in=ESTABLISHED,
        organisation__in=AgreementParty.objects.filter(agreement=agreement).values("organisation"),
    )
    coordinators = NetworkRole.objects.filter(network_id=agreement.network_id, role=Role.COORDINATOR)
    return (
        User.objects.filter(is_active=True, is_contact=False)
        .exclude(email="")
        .filter(
            Q(pk__in=coordinators.values("user"))
            | Q(pk__in=parties.values("representative"))
            | Q(pk__in=parties.values("deputy"))
        )
        .order_by("pk")
    )


def agreement_link(agreement: Agreement) -> str:
    return settings.SITE_URL + reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk})


def _not_yet(marker: str, value) -> Q:
    """``marker IS DISTINCT FROM value``."""
    return Q(**{f"{marker}__isnull": True}) | ~Q(**{marker: value})


def _claim(agreement: Agreement, *, marker: str, date_field: str) -> bool:
    """Mark the reminder for the agreement's date as sent; False when it already was, or when the
    agreement left force or its date changed meanwhile. Of two concurrent runs only one matches:
    the second UPDATE waits for the first's row lock and then finds the marker set."""
    date = getattr(agreement, date_field)
    claimed = (
        Agreement.objects.filter(pk=agreement.pk, status__in=IN_FORCE, **{date_field: date})
        .filter(_not_yet(marker, date))
        .update(**{marker: date})
    )
    return claimed == 1


def _remind(agreement: Agreement, *, template: str, marker: str, date_field: str, today: datetime.date) -> int | None:
    """Claim and send one reminder: the number of messages, or None when it was not this run's to send."""
    with transaction.atomic():
        if not _claim(agreement, marker=marker, date_field=date_field):
            return None
        date = getattr(agreement, date_field)
        return send_personal_mail(
            template_prefix=f"partners/agreements/email/{template}",
            recipients=agreement_recipients(agreement),
            context={
                "agreement": agreement,
                "network": agreement.network,
                "date": date,
                "days_left": (date - today).days,
                "link": agreement_link(agreement),
            },
        )


def _pending(queryset, *, marker: str, date_field: str):
    return (
        queryset.filter(status__in=IN_FORCE)
        .filter(_not_yet(marker, F(date_field)))
        .select_related("network")
        .order_by(date_field, "pk")
    )


def expiry_due(*, today: datetime.date, days: int):
    """Agreements in force ending within ``days`` days whose end date has not been reminded of."""
    window = Agreement.objects.filter(valid_until__gte=today, valid_until__lte=today + datetime.timedelta(days=days))
    return _pending(window, marker="expiry_reminder_for", date_field="valid_until")


def review_due(*, today: datetime.date):
    """Agreements in force whose review date is today (or was missed in the last few days), not yet reminded."""
    window = Agreement.objects.filter(
        review_date__lte=today, review_date__gte=today - datetime.timedelta(days=REVIEW_CATCH_UP_DAYS)
    )
    return _pending(window, marker="review_reminder_for", date_field="review_date")


def agreement_reminders_run(*, today: datetime.date | None = None, days: int | None = None) -> ReminderRun:
    """The daily job: refresh statuses, then send the expiry and review reminders that are due."""
    today = today or timezone.localdate()
    days = settings.AGREEMENT_EXPIRY_REMINDER_DAYS if days is None else days
    run = ReminderRun(statuses=agreement_services.agreements_refresh_statuses(today=today))
    for agreement in expiry_due(today=today, days=days):
        sent = _remind(
            agreement, template="expiry", marker="expiry_reminder_for", date_field="valid_until", today=today
        )
        if sent is not None:
            run.expiry_reminders += 1
            run.messages += sent
    for agreement in review_due(today=today):
        sent = _remind(
            agreement, template="review", marker="review_reminder_for", date_field="review_date", today=today
        )
        if sent is not None:
            run.review_reminders += 1
            run.messages += sent
    return run
