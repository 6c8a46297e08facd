"""Trust-building's share of a person's data: the joint activities they recorded or took part in with their
reflections, the personal contacts recorded between them and others, the survey rounds they opened and the
answers they saved for their organisation (see :mod:`portal.lib.personal_data`). The answers' ratings and
comments are the organisation's, not the person's: a deputy may have written what the representative saved
last, so they are neither exported as the person's nor erased with them.

Erasure keeps the shared records (the activities, the organisations' answers), attributed to the
removed-user marker; it removes the person's own words (reflections) and their recorded contacts.
"""

from django.utils.translation import gettext_lazy as _

from networks.trust.models import (
    Acquaintance,
    Activity,
    HealthRating,
    OrganisationResult,
    Participant,
    SurveyResponse,
    SurveyRound,
    TrustRating,
)
from networks.trust.models.activities import ActivityKind
from portal.lib.personal_data import register, rows


def export(user):
    return {
        "activities_recorded": rows(
            Activity.objects.filter(created_by=user).order_by("starts_on", "pk"),
            "network__name",
            "title",
            "kind",
            "starts_on",
        ),
        "activities_taken_part_in": rows(
            Participant.objects.filter(user=user).order_by("activity__starts_on", "pk"),
            "activity__title",
            "activity__starts_on",
            "organisation__name",
            "reflection",
            "usefulness",
            "reflected_at",
        ),
        "personal_contacts": rows(
            Acquaintance.objects.filter(person=user).order_by("first_met_on", "pk"),
            "other__first_name",
            "other__last_name",
            "first_met_on",
            "source",
        ),
        "personal_contacts_of_others": rows(
            Acquaintance.objects.filter(other=user).order_by("first_met_on", "pk"),
            "person__first_name",
            "person__last_name",
            "first_met_on",
            "source",
        ),
        "survey_rounds_opened": rows(
            SurveyRound.objects.filter(opened_by=user).order_by("opened_at", "pk"),
            "network__name",
            "title",
            "opened_at",
        ),
        "survey_responses_saved": rows(
            SurveyResponse.objects.filter(answered_by=user).order_by("started_at", "pk"),
            "round__title",
            "organisation__name",
            "submitted_at",
        ),
    }


def erase(user):
    Participant.objects.filter(user=user).update(reflection="", reflected_at=None)
    Acquaintance.objects.filter(person=user).delete()
    Acquaintance.objects.filter(other=user).delete()


register(
    name="trust",
    title=_("Trust-building"),
    order=12,
    fields=[
        (Activity, ["created_by"]),
        (Participant, ["user", "name", "reflection"]),
        (Acquaintance, ["person", "other"]),
        (SurveyRound, ["opened_by"]),
        (SurveyResponse, ["answered_by"]),
    ],
    export=export,
    erase=erase,
    choices={"kind": ActivityKind},
    sections={
        "activities_recorded": _("Joint activities you recorded"),
        "activities_taken_part_in": _("Joint activities you took part in"),
        "personal_contacts": _("People you met for the first time"),
        "personal_contacts_of_others": _("People who met you for the first time"),
        "survey_rounds_opened": _("Survey rounds you opened"),
        "survey_responses_saved": _("Survey answers you saved for your organisation"),
    },
    not_personal=[
        (Activity, ["title"], "an activity's title"),
        (SurveyRound, ["title"], "a survey round's title"),
        (OrganisationResult, ["comments"], "the comments of organisations' answers, stored without names"),
        (TrustRating, ["comment"], "an organisation's answer, given by its representative or deputy"),
        (HealthRating, ["comment"], "an organisation's answer, given by its representative or deputy"),
    ],
)
