"""The e-mails about shared goals: a member's proposal, endorsement opened, and the reminder.

Each person gets one message of their own, in their language, after the transaction commits
(:func:`portal.lib.mail.send_personal_mail`); templates are templates/networks/goals/email/*.txt.

- a member proposes a goal → the network's coordinators;
- a round of endorsement opens → the representatives and deputies of the active member organisations;
- the reminder before the deadline → those of the active member organisations that have not answered.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy

from networks.goals.models import Endorsement, EndorsementRound, Goal, rule_text
from networks.memberships.models import Membership, NetworkRole
from portal.lib.access import MembershipStatus, Role
from portal.lib.mail import mailable_people, send_personal_mail


def goal_link(goal: Goal) -> str:
    return settings.SITE_URL + goal.get_absolute_url()


def answer_link(goal: Goal) -> str:
    return settings.SITE_URL + reverse("goals:endorsement_answer", kwargs={"pk": goal.pk})


def goal_coordinators(goal: Goal):
    """The network's coordinators."""
    roles = NetworkRole.objects.filter(network_id=goal.network_id, role=Role.COORDINATOR)
    return mailable_people().filter(pk__in=roles.values("user"))


def representatives(goal: Goal, *, exclude_organisations=None):
    """The representatives and deputies of the network's active member organisations (but those of
    ``exclude_organisations``, a queryset of organisation ids)."""
    memberships = Membership.objects.filter(network_id=goal.network_id, status=MembershipStatus.ACTIVE)
    if exclude_organisations is not None:
        memberships = memberships.exclude(organisation__in=exclude_organisations)
    return mailable_people().filter(
        Q(pk__in=memberships.values("representative")) | Q(pk__in=memberships.values("deputy"))
    )


def mail_goal_proposed(*, goal: Goal) -> int:
    """A member has proposed a goal: its coordinators decide whether to open endorsement."""
    return send_personal_mail(
        template_prefix="networks/goals/email/proposed",
        recipients=goal_coordinators(goal),
        context={"goal": goal, "network": goal.network, "proposed_by": goal.proposed_by, "link": goal_link(goal)},
        network=goal.network_id,
    )


def _round_context(round_: EndorsementRound, today: datetime.date | None = None) -> dict:
    goal = round_.goal
    today = today or timezone.localdate()
    return {
        "goal": goal,
        "network": goal.network,
        "round": round_,
        "revision": round_.revision,
        "deadline": round_.deadline,
        "days_left": (round_.deadline - today).days,
        # Put in words when each message is rendered, in its reader's language.
        "rule": lazy(rule_text, str)(round_.rule, round_.set_size),
        "link": goal_link(goal),
        "answer_link": answer_link(goal),
    }


def mail_endorsement_opened(*, round_: EndorsementRound) -> int:
    """Endorsement has opened: every active member organisation's representative and deputy is asked
    to answer by the deadline."""
    return send_personal_mail(
        template_prefix="networks/goals/email/endorsement_opened",
        recipients=representatives(round_.goal),
        context=_round_context(round_),
    )


def mail_endorsement_reminder(*, round_: EndorsementRound, today: datetime.date | None = None) -> int:
    """The deadline is near: the active member organisations that have not answered are reminded."""
    answered = Endorsement.objects.filter(round=round_, is_current=True).values("organisation")
    missing = (
        Membership.objects.filter(network_id=round_.goal.network_id, status=MembershipStatus.ACTIVE)
        .exclude(organisation__in=answered)
        .order_by("organisation__name")
        .values_list("organisation__name", flat=True)
    )
    return send_personal_mail(
        template_prefix="networks/goals/email/endorsement_reminder",
        recipients=representatives(round_.goal, exclude_organisations=answered),
        context={**_round_context(round_, today), "missing": list(missing)},
    )
