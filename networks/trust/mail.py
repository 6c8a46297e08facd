"""The e-mails of trust survey rounds: a round opened, and the reminder before its deadline.

Each person gets one message of their own, in their language, after the transaction commits
(:func:`portal.lib.mail.send_personal_mail`); templates are templates/networks/trust/rounds/email/*.txt.

- a round opens → the representatives and deputies of the organisations it asks;
- the reminder before the deadline → those of the organisations asked that have not submitted.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from networks.memberships.models import Membership
from networks.trust.models import SurveyResponse, SurveyRound
from portal.lib.access import ESTABLISHED
from portal.lib.mail import mailable_people, send_personal_mail


def answer_link(round_: SurveyRound) -> str:
    return settings.SITE_URL + reverse("trust:round_answer", kwargs={"pk": round_.pk})


def round_link(round_: SurveyRound) -> str:
    return settings.SITE_URL + reverse("trust:round_detail", kwargs={"pk": round_.pk})


def submitted_organisations(round_: SurveyRound):
    return SurveyResponse.objects.filter(round=round_, submitted_at__isnull=False).values("organisation")


def respondents(round_: SurveyRound, *, exclude_organisations=None):
    """The representatives and deputies, in an established membership of the round's network, of the
    organisations the round asks (but those of ``exclude_organisations``, a queryset of organisation ids)."""
    memberships = Membership.objects.filter(
        network_id=round_.network_id, status__in=ESTABLISHED, organisation__in=round_.organisations.values("pk")
    )
    if exclude_organisations is not None:
        memberships = memberships.exclude(organisation__in=exclude_organisations)
    return mailable_people().filter(
        Q(pk__in=memberships.values("representative")) | Q(pk__in=memberships.values("deputy"))
    )


def _context(round_: SurveyRound, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    return {
        "round": round_,
        "network": round_.network,
        "deadline": round_.deadline,
        "days_left": (round_.deadline - today).days,
        "others": max(round_.organisations.count() - 1, 0),
        "link": round_link(round_),
        "answer_link": answer_link(round_),
    }


def mail_round_opened(*, round_: SurveyRound) -> int:
    """A trust survey has opened: the organisations asked are to answer by the deadline."""
    return send_personal_mail(
        template_prefix="networks/trust/rounds/email/opened",
        recipients=respondents(round_),
        context=_context(round_),
        network=round_.network_id,
    )


def mail_round_reminder(*, round_: SurveyRound, today: datetime.date | None = None) -> int:
    """The deadline is near: the organisations asked that have not submitted are reminded (drafts too)."""
    return send_personal_mail(
        template_prefix="networks/trust/rounds/email/reminder",
        recipients=respondents(round_, exclude_organisations=submitted_organisations(round_)),
        context=_context(round_, today),
        network=round_.network_id,
    )
