"""The cast of the endorsement tests: three active member organisations with representatives, and helpers.

Used by tests/networks/goals/test_endorsement*.py; each defines its ``three`` fixture with :func:`three_members`.
"""

import datetime
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

from networks.goals import endorsement
from networks.goals.models import Endorsement, EndorsementRound, Goal
from tests import factories

A = Endorsement.Answer
S = Goal.Status
O = EndorsementRound.Outcome  # noqa: E741 - the outcomes, as the model names them
EN = {"accept-language": "en"}


def today() -> datetime.date:
    return timezone.localdate()


def url(name, goal):
    return reverse(f"goals:{name}", kwargs={"pk": goal.pk})


def add_member(network, name, *, deputy=False):
    """A new active member organisation of ``network`` with its representative (and deputy): (org, rep, deputy)."""
    org = factories.OrganisationFactory(name=name)
    rep = factories.UserFactory()
    dep = factories.UserFactory() if deputy else None
    factories.MembershipFactory(network=network, organisation=org, representative=rep, deputy=dep)
    return org, rep, dep


def three_members(network, organisation, member, partner_organisation):
    """Three active members, each with a representative: the cast organisation (the member), Gradia and Omnia."""
    gradia_rep = factories.UserFactory(email="gradia@example.fi")
    network.memberships.filter(organisation=partner_organisation).update(representative=gradia_rep)
    omnia, omnia_rep, _ = add_member(network, "Omnia")
    return SimpleNamespace(
        orgs=[organisation, partner_organisation, omnia], reps=[member, gradia_rep, omnia_rep], network=network
    )


def answer(goal, org, user, value=A.AGREE, reason="", **kwargs):
    if value != A.AGREE and not reason:
        reason = "Resurssit eivät riitä."
    return endorsement.endorsement_answer(goal=goal, organisation=org, user=user, answer=value, reason=reason, **kwargs)


def reload(goal):
    return Goal.objects.get(pk=goal.pk)


def agreed(goal, three, coordinator):
    endorsement.endorsement_open(goal=goal, user=coordinator)
    for org, rep in zip(three.orgs, three.reps, strict=True):
        answer(goal, org, rep)
    goal = reload(goal)
    assert goal.status == S.AGREED
    return goal
