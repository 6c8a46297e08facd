"""Access-matrix rows of shared goals.

The matrix goal is proposed in the cast's network, owned by the cast organisation; its indicator is
measured by the member (the organisation's representative). Coordinators manage; the member answers for
the organisation and measures; the observer reads; outsiders get 404.
"""

import datetime

from django.core.files.base import ContentFile

from tests import factories
from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, Entry, network_slug, row

# Members and coordinators propose goals; observers only read.
PROPOSE = row(302, 404, 403, 200, 200, 200)
# The member represents the cast organisation (an active member): it answers for it; nobody else here does.
ANSWER = row(302, 404, 403, 200, 403, 200)
# The indicator's owner (the member) and the coordinators enter measurements.
MEASURE = row(302, 404, 403, 200, 200, 200)


def _goal(objs, **kwargs):
    if not hasattr(objs, "goal"):
        objs.goal = factories.GoalFactory(
            network=objs.network, owner_organisation=objs.organisation, contact=objs.coordinator, **kwargs
        )
    return objs.goal


def _goal_pk(objs):
    return {"pk": _goal(objs).pk}


def _goal_under_endorsement(objs):
    from networks.goals.endorsement import endorsement_open

    goal = _goal(objs)
    endorsement_open(goal=goal, user=objs.coordinator)
    return {"pk": goal.pk}


def _indicator(objs):
    if not hasattr(objs, "indicator"):
        objs.indicator = factories.IndicatorFactory(goal=_goal(objs), owner=objs.member)
    return objs.indicator


def _indicator_kwargs(objs):
    indicator = _indicator(objs)
    return {"pk": indicator.goal_id, "indicator": indicator.pk}


def _measurement_kwargs(objs):
    indicator = _indicator(objs)
    measurement = factories.MeasurementFactory(
        indicator=indicator,
        measured_on=datetime.date(2026, 3, 1),
        evidence=ContentFile(b"%PDF-1.4\n%%EOF\n", name="x.pdf"),
        evidence_name="todiste.pdf",
        evidence_type="application/pdf",
        evidence_size=14,
    )
    return {"pk": indicator.goal_id, "indicator": indicator.pk, "measurement": measurement.pk}


GET = {
    # Every signed-in person: the networks they are in, with their goals.
    "goals:goal_index": Entry(row(302, 200, 200, 200, 200, 200), login_redirect=True),
    "goals:goal_board": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "goals:goal_create": Entry(PROPOSE, network_slug, login_redirect=True),
    "goals:goal_detail": Entry(NETWORK_READ, _goal_pk, login_redirect=True),
    "goals:goal_edit": Entry(NETWORK_WRITE, _goal_pk, login_redirect=True),
    "goals:goal_delete": Entry(NETWORK_WRITE, _goal_pk, login_redirect=True),
    "goals:goal_status": Entry(NETWORK_WRITE, _goal_pk, login_redirect=True),
    "goals:goal_rule": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "goals:endorsement_open": Entry(NETWORK_WRITE, _goal_pk, login_redirect=True),
    "goals:endorsement_answer": Entry(ANSWER, _goal_under_endorsement, login_redirect=True),
    "goals:goal_endorsements": Entry(NETWORK_READ, _goal_under_endorsement, login_redirect=True),
    "goals:indicator_create": Entry(NETWORK_WRITE, _goal_pk, login_redirect=True),
    "goals:indicator_edit": Entry(NETWORK_WRITE, _indicator_kwargs, login_redirect=True),
    "goals:indicator_delete": Entry(NETWORK_WRITE, _indicator_kwargs, login_redirect=True),
    "goals:measurement_add": Entry(MEASURE, _indicator_kwargs, login_redirect=True),
    "goals:measurement_delete": Entry(MEASURE, _measurement_kwargs, login_redirect=True),
    # A private file: served only to those who may see the goal (outsiders 404).
    "goals:evidence_download": Entry(NETWORK_READ, _measurement_kwargs, login_redirect=True),
    "goals:goal_report": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "goals:goal_report_export": Entry(NETWORK_READ, network_slug, login_redirect=True),
}

# An empty POST: the form back with errors (200) or the question asked again, for whoever may act.
POST = {
    "goals:goal_create": Entry(PROPOSE, network_slug),
    "goals:goal_edit": Entry(NETWORK_WRITE, _goal_pk),
    "goals:goal_delete": Entry(NETWORK_WRITE, _goal_pk),
    "goals:goal_status": Entry(NETWORK_WRITE, _goal_pk),
    "goals:goal_rule": Entry(NETWORK_WRITE, network_slug),
    "goals:endorsement_open": Entry(NETWORK_WRITE, _goal_pk),
    "goals:endorsement_answer": Entry(ANSWER, _goal_under_endorsement),
    "goals:indicator_create": Entry(NETWORK_WRITE, _goal_pk),
    "goals:indicator_edit": Entry(NETWORK_WRITE, _indicator_kwargs),
    "goals:indicator_delete": Entry(NETWORK_WRITE, _indicator_kwargs),
    "goals:measurement_add": Entry(MEASURE, _indicator_kwargs),
    "goals:measurement_delete": Entry(MEASURE, _measurement_kwargs),
}

READ_ONLY = {
    "goals:goal_index",
    "goals:goal_board",
    "goals:goal_detail",
    "goals:goal_endorsements",
    "goals:evidence_download",
    "goals:goal_report",
    "goals:goal_report_export",
}

CASES = []
