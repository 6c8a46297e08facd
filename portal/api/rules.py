"""Which rows the API gives a person: the pages' own rules, composed from the domains' querysets.

Networks, organisations, meetings and goals are each model's ``visible_to(user)``, as their pages; an
administrator with full rights sees every row, as :func:`portal.access.get_for_user` lets them on the pages.
Decisions and action items are part of the minutes: the person's networks' rows from approved minutes, those of
draft minutes for whoever may read the draft (the meeting's organiser, chair and attendees:
``minutes_readable``) and for the network's coordinators, and a person's own action items (as the network's
list of action items, ``networks.meetings.selectors.records``). Access has a basis: a person who leaves a network
loses their role there and with it every row these rules gave them."""

from django.db.models import Q

from networks.goals.models import Goal
from networks.meetings.models import TOOK_PLACE, ActionItem, Decision, Meeting
from networks.meetings.selectors.records import minutes_readable
from networks.memberships.models import Network, NetworkRole
from partners.directory.models import Organisation
from portal.access import unrestricted
from portal.lib.access import Role


def _visible(model, user):
    return model.objects.all() if unrestricted(user) else model.objects.visible_to(user)


def networks(user):
    return _visible(Network, user)


def organisations(user):
    return _visible(Organisation, user)


def meetings(user):
    return _visible(Meeting, user).select_related("network")


def goals(user):
    return _visible(Goal, user).select_related("network")


def _of_minutes(model, user, *, own: Q | None = None):
    rows = model.objects.all()
    if unrestricted(user):
        return rows
    mine = NetworkRole.objects.filter(user=user).values("network")
    coordinated = NetworkRole.objects.filter(user=user, role=Role.COORDINATOR).values("network")
    readable = minutes_readable(user, prefix="meeting__") | Q(network__in=coordinated)
    if own is not None:
        readable |= own
    return rows.filter(readable, network__in=mine)


def decisions(user):
    return _of_minutes(Decision, user).filter(meeting__status__in=TOOK_PLACE).select_related("network")


def action_items(user):
    return _of_minutes(ActionItem, user, own=Q(owner=user)).select_related("network", "owner", "organisation")
