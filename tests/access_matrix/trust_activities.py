"""Access-matrix rows of trust-building: joint activities and the activity report.

The matrix activity is of the cast's network, recorded by the coordinator a week ago; the member (the cast
organisation's representative) took part. Coordinators and the recorder manage it; members and coordinators
record activities; the participant reflects; the observer reads; the report is the coordinators'; outsiders
get 404.
"""

import datetime

from django.utils import timezone

from tests import factories
from tests.access_matrix.rows import NETWORK_READ, NETWORK_WRITE, Case, Entry, network_slug, row

# Members and coordinators record activities; observers only read.
RECORD = row(302, 404, 403, 200, 200, 200)
# The participant (the member) reflects; the others are no participants.
REFLECT = row(302, 404, 403, 200, 403, 200)


def _activity(objs, **kwargs):
    if not hasattr(objs, "activity"):
        objs.activity = factories.ActivityFactory(
            network=objs.network,
            created_by=objs.coordinator,
            starts_on=timezone.localdate() - datetime.timedelta(days=7),
            **kwargs,
        )
        objs.participant = factories.ParticipantFactory(
            activity=objs.activity, user=objs.member, organisation=objs.organisation
        )
    return objs.activity


def _pk(objs):
    return {"pk": _activity(objs).pk}


def _participant(objs):
    activity = _activity(objs)
    return {"pk": activity.pk, "participant": objs.participant.pk}


def _recorded_by_member(objs):
    activity = factories.ActivityFactory(network=objs.network, created_by=objs.member)
    return {"pk": activity.pk}


def _ahead(objs):
    activity = _activity(objs)
    activity.starts_on = timezone.localdate() + datetime.timedelta(days=7)
    activity.save(update_fields=["starts_on"])
    return {"pk": activity.pk}


GET = {
    "trust:activity_list": Entry(NETWORK_READ, network_slug, login_redirect=True),
    "trust:activity_create": Entry(RECORD, network_slug, login_redirect=True),
    "trust:activity_report": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "trust:activity_report_export": Entry(NETWORK_WRITE, network_slug, login_redirect=True),
    "trust:activity_detail": Entry(NETWORK_READ, _pk, login_redirect=True),
    "trust:activity_edit": Entry(NETWORK_WRITE, _pk, login_redirect=True),
    "trust:activity_delete": Entry(NETWORK_WRITE, _pk, login_redirect=True),
    "trust:participant_add": Entry(NETWORK_WRITE, _pk, login_redirect=True),
    "trust:participant_remove": Entry(NETWORK_WRITE, _participant, login_redirect=True),
    "trust:reflection_edit": Entry(REFLECT, _pk, login_redirect=True),
}

# An empty POST: the form back with errors (200) or the question asked again, for whoever may act.
POST = {
    "trust:activity_create": Entry(RECORD, network_slug),
    "trust:activity_edit": Entry(NETWORK_WRITE, _pk),
    "trust:activity_delete": Entry(NETWORK_WRITE, _pk),
    "trust:participant_add": Entry(NETWORK_WRITE, _pk),
    "trust:participant_remove": Entry(NETWORK_WRITE, _participant),
    "trust:reflection_edit": Entry(REFLECT, _pk),
}

READ_ONLY = {
    "trust:activity_list",
    "trust:activity_detail",
    "trust:activity_report",
    "trust:activity_report_export",
}

CASES = [
    # The member who recorded an activity manages it too.
    Case(
        "trust:activity_edit", "recorded by the member", Entry(row(302, 404, 403, 200, 200, 200), _recorded_by_member)
    ),
    Case(
        "trust:activity_delete", "recorded by the member", Entry(row(302, 404, 403, 200, 200, 200), _recorded_by_member)
    ),
    # Nobody reflects on an activity that has not started.
    Case("trust:reflection_edit", "an activity ahead", Entry(row(302, 404, 403, 403, 403, 403), _ahead)),
]
