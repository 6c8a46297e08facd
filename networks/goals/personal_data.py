"""The goals' share of a person's data: endorsement answers they gave for their organisation, goals they
proposed or are the contact of, indicators they measure, measurements and revisions they recorded (see
:mod:`portal.lib.personal_data`).

Erasure keeps the records (shared), attributed to the removed-user marker; the person stops being a goal's
contact and an indicator's measurer (those are roles, and the coordinators name someone else).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.goals.models import (
    Endorsement,
    EndorsementAnswer,
    EndorsementRound,
    Goal,
    GoalRevision,
    GoalStatus,
    Indicator,
    Measurement,
)
from portal.lib.personal_data import register, rows


def export(user):
    return {
        "goals_proposed_or_contact": rows(
            Goal.objects.filter(Q(proposed_by=user) | Q(contact=user)).order_by("created_at", "pk"),
            "network__name",
            "title",
            "status",
            "created_at",
        ),
        "goal_revisions_made": rows(
            GoalRevision.objects.filter(created_by=user).order_by("created_at", "pk"),
            "goal__title",
            "number",
            "summary",
            "created_at",
        ),
        "endorsement_rounds_opened": rows(
            EndorsementRound.objects.filter(opened_by=user).order_by("opened_at", "pk"), "goal__title", "opened_at"
        ),
        "endorsement_answers": rows(
            Endorsement.objects.filter(answered_by=user).order_by("answered_at", "pk"),
            "round__goal__title",
            "organisation__name",
            "answer",
            "reason",
            "answered_at",
        ),
        "indicators_measured": rows(Indicator.objects.filter(owner=user).order_by("pk"), "goal__title", "name"),
        "measurements_recorded": rows(
            Measurement.objects.filter(recorded_by=user).order_by("measured_on", "pk"),
            "indicator__name",
            "measured_on",
            "value",
            "note",
            "recorded_at",
        ),
    }


def erase(user):
    Goal.objects.filter(contact=user).update(contact=None)
    Indicator.objects.filter(owner=user).update(owner=None)


register(
    name="goals",
    title=_("Shared goals"),
    order=10,
    fields=[
        (Goal, ["contact", "proposed_by"]),
        (GoalRevision, ["created_by"]),
        (EndorsementRound, ["opened_by"]),
        (Endorsement, ["answered_by", "reason"]),
        (Indicator, ["owner"]),
        (Measurement, ["recorded_by", "note"]),
    ],
    export=export,
    erase=erase,
    choices={"status": GoalStatus, "answer": EndorsementAnswer},
    sections={
        "goals_proposed_or_contact": _("Goals you proposed or are the contact person of"),
        "goal_revisions_made": _("Goal revisions you made"),
        "endorsement_rounds_opened": _("Rounds of endorsement you opened"),
        "endorsement_answers": _("Endorsement answers"),
        "indicators_measured": _("Indicators you measure"),
        "measurements_recorded": _("Measurements you recorded"),
    },
    not_personal=[
        (Goal, ["title", "drop_reason"], "a goal's title and why it was dropped"),
        (GoalRevision, ["title"], "a goal's title"),
        (Indicator, ["name"], "an indicator's name"),
        (Measurement, ["evidence_name"], "the name of an evidence file"),
    ],
)
