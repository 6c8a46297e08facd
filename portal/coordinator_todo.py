"""The coordinators' weekly to-do by e-mail, composed from the domains' own queries (the same ones the
dashboard's panels use): membership applications waiting, agreements ending soon or waiting for signatures,
goal proposals and endorsements waiting, surveys open and waiting, and action items past their date in the
networks the person coordinates. Registered with :mod:`portal.notifications.todo` (which imports no domain)
by the portal's ``AppConfig.ready``; each to-do is a handful of queries for one person."""

import datetime

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from networks.goals.selectors import goal_proposals_waiting, goals_awaiting_answer
from networks.meetings.models import ActionItem
from networks.memberships.models import NetworkRole
from networks.memberships.selectors import coordinator_todo
from networks.trust.rounds import open_round_rates, rounds_awaiting_answer
from partners.agreements.selectors import coordinator_agreement_todo
from portal.lib.access import Role
from portal.notifications.todo import register_todo

ITEMS = 5  # items named per section; the count says how many there are


def coordinators():
    """Everyone who coordinates a network."""
    return get_user_model().objects.filter(pk__in=NetworkRole.objects.filter(role=Role.COORDINATOR).values("user"))


def _section(title, items, count=None) -> dict | None:
    items = list(items)
    count = len(items) if count is None else count
    return {"title": title, "count": count, "items": [str(item) for item in items[:ITEMS]]} if count else None


def todo_sections(person, today: datetime.date) -> list[dict]:
    """The non-empty sections of the person's to-do."""
    coordinated = list(
        NetworkRole.objects.filter(user=person, role=Role.COORDINATOR).values_list("network_id", flat=True)
    )
    if not coordinated:
        return []
    memberships = coordinator_todo(network_ids=coordinated)
    agreements = coordinator_agreement_todo(network_ids=coordinated, today=today)
    proposals = goal_proposals_waiting(network_ids=coordinated)
    overdue = ActionItem.objects.open().filter(network_id__in=coordinated, due_on__lt=today).order_by("due_on", "pk")
    sections = [
        _section(_("Membership applications waiting"), memberships.applications, memberships.counts["applications"]),
        _section(_("Agreements ending soon"), agreements.expiring, agreements.counts["expiring"]),
        _section(_("Agreements waiting for signatures"), agreements.unsigned, agreements.counts["unsigned"]),
        _section(_("Goals waiting for endorsement to open"), proposals, proposals[0].waiting_count if proposals else 0),
        _section(_("Endorsements waiting for your organisation's answer"), goals_awaiting_answer(user=person)),
        _section(_("Surveys open in your networks"), open_round_rates(network_ids=coordinated)),
        _section(_("Surveys waiting for your organisation's answer"), rounds_awaiting_answer(user=person, today=today)),
        _section(_("Action items past their date"), overdue[:ITEMS], overdue.count()),
    ]
    return [section for section in sections if section]


def render_todo(person, today: datetime.date) -> str | None:
    """The to-do as text in the active language, or None when there is nothing to do."""
    sections = todo_sections(person, today)
    if not sections:
        return None
    return render_to_string("portal/notifications/email/todo_sections.txt", {"sections": sections}).strip()


register_todo(recipients=coordinators, render=render_todo)
