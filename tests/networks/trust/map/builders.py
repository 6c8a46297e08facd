"""Builders of the network map's data: member organisations, closed trust surveys with submitted ratings,
attended meetings and joint activities with participants."""

import datetime

from django.utils import timezone

from networks.meetings.models import Attendance
from networks.trust.models import Participant, SurveyResponse, TrustRating
from tests import factories


def members(network, n, *, level="cooperation", regions=("keski-suomi",), prefix="Jäsen"):
    """``n`` organisations in active memberships of ``network``."""
    orgs = []
    for i in range(n):
        org = factories.OrganisationFactory(name=f"{prefix} {i:03d}", regions=list(regions))
        factories.MembershipFactory(network=network, organisation=org, level=level)
        orgs.append(org)
    return orgs


def closed_round(network, organisations, ratings, *, title=None, closed_days_ago=1, submitted=True):
    """A closed trust survey of ``organisations`` whose responses rate: ``ratings`` is a list of
    (from organisation, about organisation, relationship)."""
    round_ = factories.SurveyRoundFactory(
        network=network,
        organisations=organisations,
        status="closed",
        closed_at=timezone.now() - datetime.timedelta(days=closed_days_ago),
        **({"title": title} if title else {}),
    )
    responses = {}
    for rater, about, relationship in ratings:
        if rater.pk not in responses:
            responses[rater.pk] = SurveyResponse.objects.create(
                round=round_, organisation=rater, submitted_at=timezone.now() if submitted else None
            )
        TrustRating.objects.create(response=responses[rater.pk], about=about, relationship=relationship)
    return round_


def held_meeting(network, organisations, *, days_ago=30, status="held"):
    """A meeting of ``network`` held ``days_ago`` days ago, attended by a person of each organisation."""
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    meeting = factories.MeetingFactory(
        network=network,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        status=status,
        cancel_reason="Peruttiin." if status == "cancelled" else "",
    )
    for org in organisations:
        Attendance.objects.create(meeting=meeting, user=factories.UserFactory(), organisation=org)
    return meeting


def activity(network, organisations):
    """A joint activity of ``network`` with one participant of each organisation (named, no account)."""
    made = factories.ActivityFactory(network=network)
    for org in organisations:
        Participant.objects.create(activity=made, name=f"Osallistuja {org.pk}", organisation=org)
    return made


def agreement(network, organisations, *, status="active"):
    extra = {"termination_reason": "Lopetettiin."} if status == "terminated" else {}
    made = factories.AgreementFactory(network=network, status=status, **extra)
    for org in organisations:
        factories.AgreementPartyFactory(agreement=made, organisation=org)
    return made
